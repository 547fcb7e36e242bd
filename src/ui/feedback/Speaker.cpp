#include "Speaker.h"

#include <QLoggingCategory>
#include <QTextToSpeech>

namespace {
Q_LOGGING_CATEGORY(lcSpeech, "counterpay.ui.feedback.speech")

const QString kPreferredEngine = QStringLiteral("speechd");
} // namespace

Speaker::Speaker(QObject *parent) : QObject(parent)
{
}

Speaker::~Speaker() = default;

bool Speaker::start()
{
    if (m_speech || m_broken)
        return m_speech != nullptr;
    const QStringList engines = QTextToSpeech::availableEngines();
    const QString engine = engines.contains(kPreferredEngine) ? kPreferredEngine : QString();
    auto *speech = new QTextToSpeech(engine, this);
    if (speech->state() == QTextToSpeech::Error || speech->engine().isEmpty()) {
        qCInfo(lcSpeech).noquote() << "no speech engine (available:" << engines.join(QStringLiteral(", "))
                                   << "):" << speech->errorString() << "- the amount is not spoken";
        delete speech;
        m_broken = true;
        return false;
    }
    m_speech = speech;
    qCInfo(lcSpeech).noquote() << "speech engine" << m_speech->engine() << "with"
                               << m_speech->availableLocales().size() << "locales";
    return true;
}

SpeechVoice Speaker::choose(const QLocale &locale)
{
    if (!start())
        return {};
    const QString key = locale.name();
    if (const auto known = m_chosen.constFind(key); known != m_chosen.constEnd())
        return { m_speech->engine(), known->name(), known->locale() };
    if (m_silent.contains(key))
        return {};
    // Qt 6.4 lists the voices of the current locale only: visit each locale of the language.
    const QLocale current = m_speech->locale();
    QList<QVoice> voices;
    QList<SpeechVoice> plain;
    for (const QLocale &candidate : m_speech->availableLocales()) {
        if (candidate.language() != locale.language())
            continue;
        m_speech->setLocale(candidate);
        if (m_speech->locale() != candidate)
            continue; // the engine refused it
        for (const QVoice &voice : m_speech->availableVoices()) {
            voices.append(voice);
            plain.append({ m_speech->engine(), voice.name(), voice.locale() });
        }
    }
    m_speech->setLocale(current);
    const SpeechVoice chosen = SaleFeedbackBackend::pickVoice(plain, locale);
    if (!chosen.isValid()) {
        m_silent.insert(key);
        qCInfo(lcSpeech).noquote() << "the" << m_speech->engine() << "speech engine has no"
                                   << QLocale::languageToString(locale.language()) << "voice: amounts are not spoken in"
                                   << key;
        return {};
    }
    for (const QVoice &voice : std::as_const(voices)) {
        if (voice.name() == chosen.name && voice.locale() == chosen.locale) {
            m_chosen.insert(key, voice);
            break;
        }
    }
    qCInfo(lcSpeech).noquote() << "voice for" << key << ":" << chosen.name << chosen.locale.name();
    return chosen;
}

void Speaker::say(const QString &text, const QLocale &locale)
{
    if (!choose(locale).isValid())
        return;
    const QVoice voice = m_chosen.value(locale.name());
    if (m_speech->locale() != voice.locale())
        m_speech->setLocale(voice.locale());
    if (m_speech->voice() != voice)
        m_speech->setVoice(voice);
    if (m_speech->voice() != voice) {
        qCInfo(lcSpeech).noquote() << "the engine refused the voice" << voice.name() << ":" << m_speech->errorString();
        return;
    }
    m_speech->say(text);
}
