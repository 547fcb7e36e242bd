#include "FeedbackPlugin.h"

#include <QAudioDevice>
#include <QLoggingCategory>
#include <QMediaDevices>
#include <QSoundEffect>
#include <QTextToSpeech>

namespace {
Q_LOGGING_CATEGORY(lcFeedback, "counterpay.ui.feedback")
}

FeedbackPlugin::FeedbackPlugin() = default;

FeedbackPlugin::~FeedbackPlugin() = default;

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

bool FeedbackPlugin::say(const QString &text, const QLocale &locale)
{
    if (m_speechBroken)
        return false;
    if (!m_speaker) {
        m_speaker = new QTextToSpeech(this);
        if (m_speaker->state() == QTextToSpeech::Error) {
            qCInfo(lcFeedback) << "no speech engine; spoken confirmation off";
            m_speechBroken = true;
            return false;
        }
    }
    m_speaker->setLocale(locale);
    m_speaker->say(text);
    return true;
}
