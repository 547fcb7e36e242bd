#pragma once

#include <QList>
#include <QLocale>
#include <QString>
#include <QUrl>
#include <QtPlugin>

#include <functional>

class QObject;

// A voice of a text-to-speech engine, as plain data (the plugin's QVoice stays in the plugin).
struct SpeechVoice
{
    QString engine; // "speechd", "flite", ...
    QString name;   // the engine's name for it: "Hindi", "English (Great Britain)"
    QLocale locale; // what the engine says the voice speaks

    bool isValid() const { return !name.isEmpty(); }
};

// Sound and speech for SaleFeedback, provided by a plugin (Qt Multimedia, Qt TextToSpeech) so
// those libraries load only when a sale ends, not at start-up. Nothing here blocks the caller
// or fails a sale: no audio device or no speech engine means silence.
class SaleFeedbackBackend
{
public:
    virtual ~SaleFeedbackBackend();

    // Plays a sound resource (qrc:/...) if an audio output exists; false if it cannot.
    virtual bool play(const QUrl &source) = 0;
    // Speaks the text with the voice voiceFor() picks for the locale, off the caller's thread.
    // False (and silent) without an audio output or a speech engine; a locale the engine has no
    // voice for is silent too (never Hindi words in an English voice).
    virtual bool say(const QString &text, const QLocale &locale) = 0;
    // Starts the speech engine off the caller's thread (speech-dispatcher may take seconds to
    // spawn, or hang); returns at once. say() and chooseVoice() start it too.
    virtual void prepareSpeech() = 0;
    // Reports the voice say() uses for `locale` (invalid: none fits, or no engine), calling
    // `chosen` on `context`'s thread unless `context` is gone by then.
    virtual void chooseVoice(const QLocale &locale, QObject *context,
                             std::function<void(const SpeechVoice &)> chosen) = 0;

    // The rule chooseVoice() applies to an engine's voices, in the engine's order: the first
    // voice of the same language and territory, else the first of the same language, else none.
    static SpeechVoice pickVoice(const QList<SpeechVoice> &voices, const QLocale &wanted);
};

#define CounterPaySaleFeedbackBackend_iid "org.counterpay.SaleFeedbackBackend/1.1"
Q_DECLARE_INTERFACE(SaleFeedbackBackend, CounterPaySaleFeedbackBackend_iid)
