#include "ui/SaleFeedback.h"

#include "ui/UiLogging.h"

#include <QAudioDevice>
#include <QMediaDevices>
#include <QSoundEffect>
#include <QTextToSpeech>

SaleFeedback::SaleFeedback(bool sound, bool speech, QObject *parent)
    : QObject(parent), m_sound(sound), m_speech(speech)
{
}

SaleFeedback::~SaleFeedback() = default;

QString SaleFeedback::confirmationText(const Money &amount, const QLocale &locale)
{
    const QString number = amount.toDecimalString();
    if (amount.currency().code() == QLatin1String("INR"))
        return tr("Received rupees %1").arg(number);
    Q_UNUSED(locale)
    return tr("Received %1 %2").arg(number, amount.currency().code());
}

void SaleFeedback::play(const QString &resource)
{
    if (!m_sound || QMediaDevices::audioOutputs().isEmpty())
        return; // no device: stay silent
    if (!m_effect) {
        m_effect = new QSoundEffect(this);
        m_effect->setVolume(0.6f);
    }
    m_effect->setSource(QUrl(resource));
    m_effect->play();
}

void SaleFeedback::paid(const Money &amount, const QLocale &locale)
{
    play(QStringLiteral("qrc:/sounds/paid.wav"));
    if (!m_speech)
        return;
    if (!m_speaker) {
        m_speaker = new QTextToSpeech(this);
        if (m_speaker->state() == QTextToSpeech::Error) {
            qCInfo(lcUi) << "no speech engine; spoken confirmation off";
            m_speech = false;
            return;
        }
        m_speaker->setLocale(locale);
    }
    m_speaker->say(confirmationText(amount, locale));
}

void SaleFeedback::failed()
{
    play(QStringLiteral("qrc:/sounds/failed.wav"));
}
