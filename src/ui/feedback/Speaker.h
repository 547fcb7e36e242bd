#pragma once

#include "ui/SaleFeedbackBackend.h"

#include <QHash>
#include <QObject>
#include <QSet>
#include <QVoice>

#include <atomic>

class QTextToSpeech;

// QTextToSpeech on the plugin's speech thread. Qt 6.4's speech-dispatcher engine connects,
// spawns the daemon (a second or two) and lists voices synchronously, and a daemon that lost its
// audio output stops answering altogether, so none of it may run on the GUI thread. Every
// function here runs on that thread; broken() may be read from any.
//
// Engine: "speechd" (speech-dispatcher with espeak-ng, which has Hindi) when Qt offers it,
// else Qt's default engine. Voice: SaleFeedbackBackend::pickVoice over the engine's voices of
// the wanted language; no voice of that language means silence for it, logged once at info.
class Speaker final : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(Speaker)

public:
    explicit Speaker(QObject *parent = nullptr);
    ~Speaker() override;

    // Creates the engine if it is not there yet; false if there is none.
    bool start();
    SpeechVoice choose(const QLocale &locale);
    void say(const QString &text, const QLocale &locale);

    bool broken() const { return m_broken.load(); }

private:
    QTextToSpeech *m_speech = nullptr;
    std::atomic_bool m_broken { false };
    QHash<QString, QVoice> m_chosen; // by QLocale::name() of the wanted locale
    QSet<QString> m_silent;          // wanted locales without a voice (logged once)
};
