#pragma once

#include "ui/SaleFeedbackBackend.h"

#include <QHash>
#include <QObject>
#include <QPointer>

class QSoundEffect;
class QThread;
class Speaker;

// The plugin behind SaleFeedback: QSoundEffect for the end-of-sale sounds on the GUI thread,
// and a Speaker (QTextToSpeech) on a thread of its own for the spoken amount. Each is created on
// first use; without a device or an engine it says no, and nothing it does waits on the engine.
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
    void prepareSpeech() override;
    void chooseVoice(const QLocale &locale, QObject *context, std::function<void(const SpeechVoice &)> chosen) override;

private:
    struct Request
    {
        QPointer<QObject> context;
        std::function<void(const SpeechVoice &)> chosen;
    };

    Speaker *speaker();
    void deliver(quint64 id, const SpeechVoice &voice);

    QSoundEffect *m_effect = nullptr;
    QThread *m_thread = nullptr;
    Speaker *m_speaker = nullptr; // lives on m_thread, deleted there when it finishes
    QHash<quint64, Request> m_requests;
    quint64 m_nextRequest = 0;
    bool m_toldNoAudio = false;
};
