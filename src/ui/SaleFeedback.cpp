#include "ui/SaleFeedback.h"

#include "core/AmountWords.h"
#include "ui/SaleFeedbackBackend.h"
#include "ui/UiLogging.h"
#include "ui/UiPluginLoader.h"

#include <QUrl>

namespace {

bool isHindi(const QLocale &locale)
{
    return locale.language() == QLocale::Hindi;
}

// Hindi's verb agrees with what was received: "एक रुपया प्राप्त हुआ", "दो रुपये प्राप्त हुए".
QString hindiReceived(const Money &amount)
{
    const qint64 perMajor = amount.currency().minorPerMajor();
    const qint64 minor = amount.minorUnits();
    const bool one = minor == perMajor || (perMajor > 1 && minor == 1);
    return one ? QStringLiteral("प्राप्त हुआ") : QStringLiteral("प्राप्त हुए");
}

} // namespace

SaleFeedback::SaleFeedback(bool sound, bool speech, QObject *parent)
    : SaleFeedback(sound, speech ? SpeechMode::AllSales : SpeechMode::Off, nullptr, parent)
{
}

SaleFeedback::SaleFeedback(bool sound, SpeechMode speech, QObject *parent)
    : SaleFeedback(sound, speech, nullptr, parent)
{
}

SaleFeedback::SaleFeedback(bool sound, SpeechMode speech, SaleFeedbackBackend *backend, QObject *parent)
    : QObject(parent), m_sound(sound), m_speech(speech), m_backend(backend)
{
}

SaleFeedback::~SaleFeedback() = default;

SaleFeedback::SpeechMode SaleFeedback::speechModeFromSetting(const QString &word)
{
    if (word == QLatin1String("off"))
        return SpeechMode::Off;
    if (word == QLatin1String("all"))
        return SpeechMode::AllSales;
    return SpeechMode::QrSales;
}

bool SaleFeedback::speaks(SpeechMode mode, bool qrSale)
{
    switch (mode) {
    case SpeechMode::Off: return false;
    case SpeechMode::QrSales: return qrSale;
    case SpeechMode::AllSales: return true;
    }
    return false;
}

void SaleFeedback::setSpeechMode(SpeechMode mode)
{
    m_speech = mode;
}

void SaleFeedback::setSound(bool sound)
{
    m_sound = sound;
}

QString SaleFeedback::confirmationText(const Money &amount, const QLocale &locale)
{
    if (isHindi(locale))
        return amount.toDisplayString(locale) + u' ' + hindiReceived(amount);
    const QString number = amount.toDecimalString();
    if (amount.currency().code() == QLatin1String("INR"))
        return QStringLiteral("Received rupees %1").arg(number);
    return QStringLiteral("Received %1 %2").arg(number, amount.currency().code());
}

QString SaleFeedback::spokenText(const Money &amount, const QLocale &locale)
{
    if (isHindi(locale))
        return AmountWords::hindi(amount) + u' ' + hindiReceived(amount);
    QString words = AmountWords::english(amount); // "One hundred forty-nine rupees and fifty paise"
    if (!words.isEmpty())
        words[0] = words.at(0).toLower();
    return QStringLiteral("Received ") + words;
}

SaleFeedbackBackend *SaleFeedback::backend()
{
    if (!m_backend && !m_backendMissing) {
        QString error;
        m_backend = UiPluginLoader::feedbackBackend(&error);
        if (!m_backend) {
            qCInfo(lcUi) << "sounds and speech off:" << error;
            m_backendMissing = true;
        }
    }
    return m_backend;
}

void SaleFeedback::preload()
{
    if (!m_sound && m_speech == SpeechMode::Off)
        return;
    SaleFeedbackBackend *sink = backend();
    if (sink && m_speech != SpeechMode::Off)
        sink->prepareSpeech();
}

void SaleFeedback::play(const QString &resource)
{
    if (!m_sound)
        return;
    if (SaleFeedbackBackend *sink = backend())
        sink->play(QUrl(resource));
}

void SaleFeedback::paid(const Money &amount, const QLocale &locale, bool qrSale)
{
    play(QStringLiteral("qrc:/sounds/paid.wav"));
    if (!speaks(m_speech, qrSale))
        return;
    SaleFeedbackBackend *sink = backend();
    if (!sink)
        return;
    // The backend speaks off this thread and says false when it cannot (no audio output, no
    // engine): the sale goes on either way.
    if (!sink->say(spokenText(amount, locale), locale))
        qCDebug(lcUi) << "not spoken:" << confirmationText(amount, locale);
}

void SaleFeedback::paid(const Money &amount, const QLocale &locale)
{
    paid(amount, locale, false);
}

void SaleFeedback::failed()
{
    play(QStringLiteral("qrc:/sounds/failed.wav"));
}
