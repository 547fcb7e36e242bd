#include "ui/SaleFeedback.h"

#include "ui/SaleFeedbackBackend.h"
#include "ui/UiLogging.h"
#include "ui/UiPluginLoader.h"

#include <QUrl>

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
    if (m_sound || m_speech)
        backend();
}

void SaleFeedback::play(const QString &resource)
{
    if (!m_sound)
        return;
    if (SaleFeedbackBackend *sink = backend())
        sink->play(QUrl(resource));
}

void SaleFeedback::paid(const Money &amount, const QLocale &locale)
{
    play(QStringLiteral("qrc:/sounds/paid.wav"));
    if (!m_speech)
        return;
    if (SaleFeedbackBackend *sink = backend(); !sink || !sink->say(confirmationText(amount, locale), locale))
        m_speech = false;
}

void SaleFeedback::failed()
{
    play(QStringLiteral("qrc:/sounds/failed.wav"));
}
