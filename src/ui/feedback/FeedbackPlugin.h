#pragma once

#include "ui/SaleFeedbackBackend.h"

#include <QObject>

class QSoundEffect;
class QTextToSpeech;

// The plugin behind SaleFeedback: QSoundEffect for the end-of-sale sounds, QTextToSpeech for
// the spoken amount. Each is created on first use; without a device or an engine it says no.
class FeedbackPlugin final : public QObject, public SaleFeedbackBackend
{
    Q_OBJECT
    Q_PLUGIN_METADATA(IID CounterPaySaleFeedbackBackend_iid)
    Q_INTERFACES(SaleFeedbackBackend)
    Q_DISABLE_COPY_MOVE(FeedbackPlugin)

public:
    FeedbackPlugin();
    ~FeedbackPlugin() override;

    bool play(const QUrl &source) override;
    bool say(const QString &text, const QLocale &locale) override;

private:
    QSoundEffect *m_effect = nullptr;
    QTextToSpeech *m_speaker = nullptr;
    bool m_speechBroken = false;
};
