#pragma once

#include "core/Money.h"

#include <QLocale>
#include <QObject>

class SaleFeedbackBackend;

// A sound at the end of a sale and, by the speech mode, the amount received said aloud in the
// till's language: "Received one hundred forty-nine rupees and fifty paise" in English, "एक सौ
// उनचास रुपये और पचास पैसे प्राप्त हुए" in Hindi, each with a voice of that language. The sound and
// speech libraries come from a plugin loaded on first use (or by preload() once the window is
// idle); without the plugin, an audio device, a speech engine or a voice for the language this
// stays silent: nothing here may block or break a sale.
class SaleFeedback final : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(SaleFeedback)

public:
    // When the amount is said on Paid (Settings' feedback/speech: "off", "qr", "all").
    enum class SpeechMode { Off, QrSales, AllSales };
    Q_ENUM(SpeechMode)

    // speech: true is AllSales, false is Off (as before speech became a choice).
    explicit SaleFeedback(bool sound, bool speech, QObject *parent = nullptr);
    SaleFeedback(bool sound, SpeechMode speech, QObject *parent = nullptr);
    // With a backend of the caller's instead of the plugin (not owned; must outlive this).
    SaleFeedback(bool sound, SpeechMode speech, SaleFeedbackBackend *backend, QObject *parent = nullptr);
    ~SaleFeedback() override;

    // The setting's word ("off", "qr", "all") as a mode; anything else is QrSales, the default.
    static SpeechMode speechModeFromSetting(const QString &word);
    // Whether a paid sale is spoken: AllSales always, QrSales for a QR sale only, Off never.
    static bool speaks(SpeechMode mode, bool qrSale);

    SpeechMode speechMode() const { return m_speech; }
    void setSpeechMode(SpeechMode mode);
    void setSound(bool sound);

    // The sale was paid: the paid sound, then the amount said if the mode says so for this
    // kind of sale (qrSale: the customer paid a UPI QR shown by this till).
    void paid(const Money &amount, const QLocale &locale, bool qrSale);
    // As before the speech modes: paid(amount, locale, false).
    void paid(const Money &amount, const QLocale &locale);
    void failed();
    // Loads the plugin and starts the speech engine off the GUI thread (called when the window
    // is idle, so the first sale does not wait; speech-dispatcher takes seconds to spawn).
    void preload();

    // The written line for logs and screens, in figures: "Received rupees 149.50",
    // "₹149.50 प्राप्त हुए". Chosen by the locale's language (Hindi, else English), never by a
    // loaded translation, so the words always match the voice.
    static QString confirmationText(const Money &amount, const QLocale &locale);
    // What is said, in words (a speech engine reads "149.50" as "one four nine point five zero").
    static QString spokenText(const Money &amount, const QLocale &locale);

private:
    void play(const QString &resource);
    SaleFeedbackBackend *backend();

    bool m_sound;
    SpeechMode m_speech;
    SaleFeedbackBackend *m_backend = nullptr; // owned by the plugin loader, or by the caller
    bool m_backendMissing = false;
};
