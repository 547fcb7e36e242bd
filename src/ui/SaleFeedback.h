#pragma once

#include "core/Money.h"

#include <QObject>

class SaleFeedbackBackend;

// A sound at the end of a sale and, if enabled, a spoken confirmation of the amount
// ("Received rupees 149.50"). The sound and speech libraries come from a plugin loaded on
// first use (or by preload() once the window is idle); without the plugin, an audio device or
// a speech engine this stays silent: nothing here may block or break a sale.
class SaleFeedback final : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(SaleFeedback)

public:
    explicit SaleFeedback(bool sound, bool speech, QObject *parent = nullptr);
    ~SaleFeedback() override;

    void paid(const Money &amount, const QLocale &locale);
    void failed();
    // Loads the plugin now (called when the window is idle, so the first sale does not wait).
    void preload();
    // What would be spoken for an amount (also the text shown in tests and logs).
    static QString confirmationText(const Money &amount, const QLocale &locale);

private:
    void play(const QString &resource);
    SaleFeedbackBackend *backend();

    bool m_sound;
    bool m_speech;
    SaleFeedbackBackend *m_backend = nullptr; // owned by the plugin loader
    bool m_backendMissing = false;
};
