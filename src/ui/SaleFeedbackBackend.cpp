#include "ui/SaleFeedbackBackend.h"

SaleFeedbackBackend::~SaleFeedbackBackend() = default;

SpeechVoice SaleFeedbackBackend::pickVoice(const QList<SpeechVoice> &voices, const QLocale &wanted)
{
    const SpeechVoice *sameLanguage = nullptr;
    for (const SpeechVoice &voice : voices) {
        if (!voice.isValid() || voice.locale.language() != wanted.language())
            continue;
        if (voice.locale.territory() == wanted.territory())
            return voice;
        if (!sameLanguage)
            sameLanguage = &voice;
    }
    return sameLanguage ? *sameLanguage : SpeechVoice {};
}
