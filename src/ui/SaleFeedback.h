#pragma once

#include "core/Money.h"

#include <QObject>

class QSoundEffect;
class QTextToSpeech;

// A sound at the end of a sale and, if enabled, a spoken confirmation of the amount
// ("Received rupees 149.50"). Both are created on first use and fail silently without an
// audio device or a speech engine: nothing here may block or break a sale.
class SaleFeedback final : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(SaleFeedback)

public:
    explicit SaleFeedback(bool sound, bool speech, QObject *parent = nullptr);
    ~SaleFeedback() override;

    void paid(const Money &amount, const QLocale &locale);
    void failed();
    // What would be spoken for an amount (also the text shown in tests and logs).
    static QString confirmationText(const Money &amount, const QLocale &locale);

private:
    void play(const QString &resource);

    bool m_sound;
    bool m_speech;
    QSoundEffect *m_effect = nullptr;
    QTextToSpeech *m_speaker = nullptr;
};
