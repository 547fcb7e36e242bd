#include "FeedbackPlugin.h"

#include "Speaker.h"

#include <QAudioDevice>
#include <QDeadlineTimer>
#include <QLoggingCategory>
#include <QMediaDevices>
#include <QSoundEffect>
#include <QThread>

namespace {
Q_LOGGING_CATEGORY(lcFeedback, "counterpay.ui.feedback")

// How long quitting waits for the speech thread (it may be stuck in a daemon that stopped
// answering); after that it is left to end with the process.
constexpr int kStopWaitMs = 3000;
} // namespace

FeedbackPlugin::FeedbackPlugin() = default;

FeedbackPlugin::~FeedbackPlugin()
{
    if (!m_thread)
        return;
    m_thread->quit();
    if (m_thread->wait(QDeadlineTimer(kStopWaitMs))) {
        delete m_thread;
    } else {
        // Deleting a running QThread aborts; the process is ending, so let it go.
        qCInfo(lcFeedback) << "the speech engine did not stop in" << kStopWaitMs << "ms; leaving it";
    }
}

bool FeedbackPlugin::play(const QUrl &source)
{
    if (QMediaDevices::audioOutputs().isEmpty())
        return false; // no device: stay silent
    if (!m_effect) {
        m_effect = new QSoundEffect(this);
        m_effect->setVolume(0.6f);
    }
    m_effect->setSource(source);
    m_effect->play();
    return true;
}

Speaker *FeedbackPlugin::speaker()
{
    if (!m_speaker) {
        m_thread = new QThread;
        m_thread->setObjectName(QStringLiteral("counterpay-speech"));
        m_speaker = new Speaker;
        m_speaker->moveToThread(m_thread);
        connect(m_thread, &QThread::finished, m_speaker, &QObject::deleteLater);
        m_thread->start(QThread::LowPriority);
    }
    return m_speaker;
}

void FeedbackPlugin::prepareSpeech()
{
    Speaker *worker = speaker();
    QMetaObject::invokeMethod(worker, [worker] { worker->start(); }, Qt::QueuedConnection);
}

bool FeedbackPlugin::say(const QString &text, const QLocale &locale)
{
    // speech-dispatcher (0.11) without an audio output stops answering after its first
    // utterance, so without a device nothing is sent to it at all.
    if (QMediaDevices::audioOutputs().isEmpty()) {
        if (!m_toldNoAudio)
            qCInfo(lcFeedback) << "no audio output: the amount is not spoken";
        m_toldNoAudio = true;
        return false;
    }
    Speaker *worker = speaker();
    if (worker->broken())
        return false;
    QMetaObject::invokeMethod(worker, [worker, text, locale] { worker->say(text, locale); }, Qt::QueuedConnection);
    return true;
}

void FeedbackPlugin::chooseVoice(const QLocale &locale, QObject *context, std::function<void(const SpeechVoice &)> chosen)
{
    const quint64 id = ++m_nextRequest;
    m_requests.insert(id, { context, std::move(chosen) });
    Speaker *worker = speaker();
    QMetaObject::invokeMethod(
            worker,
            [this, worker, id, locale] {
                const SpeechVoice voice = worker->choose(locale);
                // Back on this object's thread; the plugin outlives the speech thread.
                QMetaObject::invokeMethod(this, [this, id, voice] { deliver(id, voice); }, Qt::QueuedConnection);
            },
            Qt::QueuedConnection);
}

void FeedbackPlugin::deliver(quint64 id, const SpeechVoice &voice)
{
    const Request request = m_requests.take(id);
    if (request.context && request.chosen)
        request.chosen(voice);
}
