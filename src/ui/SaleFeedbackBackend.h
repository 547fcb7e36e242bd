#pragma once

#include <QLocale>
#include <QUrl>
#include <QtPlugin>

// Sound and speech for SaleFeedback, provided by a plugin (Qt Multimedia, Qt TextToSpeech) so
// those libraries load only when a sale ends, not at start-up. Both calls fail quietly: no
// audio device or no speech engine means silence, never an error in a sale.
class SaleFeedbackBackend
{
public:
    virtual ~SaleFeedbackBackend();

    // Plays a sound resource (qrc:/...) if an audio output exists; false if it cannot.
    virtual bool play(const QUrl &source) = 0;
    // Speaks the text in the locale's voice; false without a speech engine.
    virtual bool say(const QString &text, const QLocale &locale) = 0;
};

#define CounterPaySaleFeedbackBackend_iid "org.counterpay.SaleFeedbackBackend/1.0"
Q_DECLARE_INTERFACE(SaleFeedbackBackend, CounterPaySaleFeedbackBackend_iid)
