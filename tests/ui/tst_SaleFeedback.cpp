#include "ui/SaleFeedback.h"
#include "ui/SaleFeedbackBackend.h"
#include "ui/UiPluginLoader.h"

#include <QElapsedTimer>
#include <QTest>
#include <QTextToSpeech>

// End-of-sale sound and speech. The machine running the tests has no audio device and maybe no
// speech engine, so nothing here asserts that audio played (ARCHITECTURE.md): it asserts the
// words in each language, when a sale is spoken, the voice the real engine gives each language,
// and that a sale is never held up or broken by feedback.
namespace {

// A sink that keeps what it was asked to play and say (the sounds and speech themselves are
// the plugin's business, tested below against the real engine).
class RecordingBackend final : public SaleFeedbackBackend
{
public:
    bool play(const QUrl &source) override
    {
        played << source.toString();
        return true;
    }
    bool say(const QString &text, const QLocale &locale) override
    {
        said << text;
        locales << locale;
        return true;
    }
    void prepareSpeech() override { ++prepared; }
    void chooseVoice(const QLocale &, QObject *, std::function<void(const SpeechVoice &)>) override {}

    QStringList played;
    QStringList said;
    QList<QLocale> locales;
    int prepared = 0;
};

const QLocale kEnglish(QLocale::English, QLocale::India);
const QLocale kHindi(QLocale::Hindi, QLocale::India);

Money rupees(qint64 paise)
{
    return Money::fromMinorUnits(paise, Currency::inr()).value();
}

// Voices as Qt 6.4's engines list them on Debian 12 (name, locale), in the engines' order:
// speechd with espeak-ng (a few of its 13,000 voices and variants) and flite.
QList<SpeechVoice> voices(const QString &engine, const QStringList &namesAndLocales)
{
    QList<SpeechVoice> list;
    for (const QString &entry : namesAndLocales) {
        const qsizetype at = entry.lastIndexOf(u'@');
        list.append({ engine, entry.left(at), QLocale(entry.mid(at + 1)) });
    }
    return list;
}

const QStringList kEspeakNg = {
    QStringLiteral("Afrikaans@af_ZA"),
    QStringLiteral("English (Great Britain)@en_GB"),
    QStringLiteral("English (Great Britain)+Adam@en_GB"),
    QStringLiteral("English (America)@en_US"),
    QStringLiteral("Hindi@hi_IN"),
    QStringLiteral("Hindi+Adam@hi_IN"),
    QStringLiteral("Marathi@mr_IN"),
};
const QStringList kFlite = { QStringLiteral("slt@en_US"), QStringLiteral("rms@en_US"), QStringLiteral("kal16@en_US"),
                             QStringLiteral("kal@en_US"), QStringLiteral("awb@en_US") };

} // namespace

class tst_SaleFeedback final : public QObject
{
    Q_OBJECT

private slots:
    void confirmationText_data();
    void confirmationText();
    void spokenText_data();
    void spokenText();
    void speechModes_data();
    void speechModes();
    void oldConstructorAndSettingWords();
    void preloadStartsSpeechOnlyWhenSpoken();
    void pickVoice_data();
    void pickVoice();
    void pluginLoadsFromTheBuildTree();
    void realEngineChoosesAVoiceOfEachLanguage_data();
    void realEngineChoosesAVoiceOfEachLanguage();
    void feedbackWithoutAudioNeverBlocks();
};

void tst_SaleFeedback::confirmationText_data()
{
    QTest::addColumn<qint64>("minor");
    QTest::addColumn<QString>("currency");
    QTest::addColumn<QLocale>("locale");
    QTest::addColumn<QString>("expected");
    QTest::newRow("rupees") << qint64(14950) << QStringLiteral("INR") << kEnglish << QStringLiteral("Received rupees 149.50");
    QTest::newRow("one paisa") << qint64(1) << QStringLiteral("INR") << kEnglish << QStringLiteral("Received rupees 0.01");
    QTest::newRow("euro") << qint64(1000) << QStringLiteral("EUR") << kEnglish << QStringLiteral("Received 10.00 EUR");
    QTest::newRow("hi rupees") << qint64(14950) << QStringLiteral("INR") << kHindi << QStringLiteral("₹149.50 प्राप्त हुए");
    QTest::newRow("hi one paisa") << qint64(1) << QStringLiteral("INR") << kHindi << QStringLiteral("₹0.01 प्राप्त हुआ");
    QTest::newRow("hi lakh") << qint64(10'000'000) << QStringLiteral("INR") << kHindi
                             << QStringLiteral("₹1,00,000.00 प्राप्त हुए");
}

void tst_SaleFeedback::confirmationText()
{
    QFETCH(qint64, minor);
    QFETCH(QString, currency);
    QFETCH(QLocale, locale);
    QFETCH(QString, expected);
    const Money amount = Money::fromMinorUnits(minor, Currency::fromCode(currency).value()).value();
    QCOMPARE(SaleFeedback::confirmationText(amount, locale), expected);
}

// What is said: words, in the till's language, chosen by the locale alone (no .qm is loaded).
void tst_SaleFeedback::spokenText_data()
{
    QTest::addColumn<qint64>("paise");
    QTest::addColumn<QLocale>("locale");
    QTest::addColumn<QString>("expected");
    QTest::newRow("en 149.50") << qint64(14950) << kEnglish
                               << QStringLiteral("Received one hundred forty-nine rupees and fifty paise");
    QTest::newRow("en 0.01") << qint64(1) << kEnglish << QStringLiteral("Received one paisa");
    QTest::newRow("en 1.00") << qint64(100) << kEnglish << QStringLiteral("Received one rupee");
    QTest::newRow("en 1,00,000.00") << qint64(10'000'000) << kEnglish << QStringLiteral("Received one lakh rupees");
    QTest::newRow("en 12,34,567.89") << qint64(123'456'789) << kEnglish
                                     << QStringLiteral("Received twelve lakh thirty-four thousand five hundred "
                                                       "sixty-seven rupees and eighty-nine paise");
    QTest::newRow("en_GB too") << qint64(250) << QLocale(QLocale::English, QLocale::UnitedKingdom)
                               << QStringLiteral("Received two rupees and fifty paise");
    QTest::newRow("hi 149.50") << qint64(14950) << kHindi << QStringLiteral("एक सौ उनचास रुपये और पचास पैसे प्राप्त हुए");
    QTest::newRow("hi 0.01") << qint64(1) << kHindi << QStringLiteral("एक पैसा प्राप्त हुआ");
    QTest::newRow("hi 1.00") << qint64(100) << kHindi << QStringLiteral("एक रुपया प्राप्त हुआ");
    QTest::newRow("hi 2.00") << qint64(200) << kHindi << QStringLiteral("दो रुपये प्राप्त हुए");
    QTest::newRow("hi 1,00,000.00") << qint64(10'000'000) << kHindi << QStringLiteral("एक लाख रुपये प्राप्त हुए");
    QTest::newRow("hi 1.01") << qint64(101) << kHindi << QStringLiteral("एक रुपया और एक पैसा प्राप्त हुए");
    QTest::newRow("hi without territory") << qint64(5000) << QLocale(QLocale::Hindi)
                                          << QStringLiteral("पचास रुपये प्राप्त हुए");
}

void tst_SaleFeedback::spokenText()
{
    QFETCH(qint64, paise);
    QFETCH(QLocale, locale);
    QFETCH(QString, expected);
    QCOMPARE(SaleFeedback::spokenText(rupees(paise), locale), expected);
}

void tst_SaleFeedback::speechModes_data()
{
    using Mode = SaleFeedback::SpeechMode;
    QTest::addColumn<Mode>("mode");
    QTest::addColumn<bool>("qrSale");
    QTest::addColumn<bool>("spoken");
    QTest::newRow("off, QR") << Mode::Off << true << false;
    QTest::newRow("off, push") << Mode::Off << false << false;
    QTest::newRow("QR sales, QR") << Mode::QrSales << true << true;
    QTest::newRow("QR sales, push") << Mode::QrSales << false << false;
    QTest::newRow("all, QR") << Mode::AllSales << true << true;
    QTest::newRow("all, push") << Mode::AllSales << false << true;
}

// Through the real SaleFeedback into a sink that records: the paid sound every time, the
// sentence and the till's locale only when the mode says so for that kind of sale.
void tst_SaleFeedback::speechModes()
{
    QFETCH(SaleFeedback::SpeechMode, mode);
    QFETCH(bool, qrSale);
    QFETCH(bool, spoken);
    QCOMPARE(SaleFeedback::speaks(mode, qrSale), spoken);
    for (const QLocale &locale : { kEnglish, kHindi }) {
        RecordingBackend sink;
        SaleFeedback feedback(true, mode, &sink);
        feedback.paid(rupees(14950), locale, qrSale);
        QCOMPARE(sink.played, QStringList { QStringLiteral("qrc:/sounds/paid.wav") });
        if (!spoken) {
            QVERIFY(sink.said.isEmpty());
            continue;
        }
        QCOMPARE(sink.said, QStringList { SaleFeedback::spokenText(rupees(14950), locale) });
        QCOMPARE(sink.locales, QList<QLocale> { locale });
    }
}

void tst_SaleFeedback::oldConstructorAndSettingWords()
{
    using Mode = SaleFeedback::SpeechMode;
    QCOMPARE(SaleFeedback(true, true).speechMode(), Mode::AllSales);
    QCOMPARE(SaleFeedback(true, false).speechMode(), Mode::Off);
    QCOMPARE(SaleFeedback::speechModeFromSetting(QStringLiteral("qr")), Mode::QrSales);
    QCOMPARE(SaleFeedback::speechModeFromSetting(QStringLiteral("all")), Mode::AllSales);
    QCOMPARE(SaleFeedback::speechModeFromSetting(QStringLiteral("off")), Mode::Off);
    QCOMPARE(SaleFeedback::speechModeFromSetting(QString()), Mode::QrSales);
    // paid() without the kind of sale is not a QR sale.
    RecordingBackend sink;
    SaleFeedback feedback(false, Mode::QrSales, &sink);
    feedback.paid(rupees(100), kEnglish);
    QVERIFY(sink.said.isEmpty());
    QVERIFY(sink.played.isEmpty()); // sound off
    feedback.setSpeechMode(Mode::AllSales);
    feedback.paid(rupees(100), kEnglish);
    QCOMPARE(sink.said, QStringList { QStringLiteral("Received one rupee") });
}

void tst_SaleFeedback::preloadStartsSpeechOnlyWhenSpoken()
{
    RecordingBackend sink;
    SaleFeedback off(true, SaleFeedback::SpeechMode::Off, &sink);
    off.preload();
    QCOMPARE(sink.prepared, 0);
    SaleFeedback qr(false, SaleFeedback::SpeechMode::QrSales, &sink);
    qr.preload();
    QCOMPARE(sink.prepared, 1);
}

void tst_SaleFeedback::pickVoice_data()
{
    QTest::addColumn<QString>("engine");
    QTest::addColumn<QStringList>("available");
    QTest::addColumn<QLocale>("wanted");
    QTest::addColumn<QString>("voice"); // empty: none, silent in that language
    QTest::addColumn<QLocale>("locale");
    const QString speechd = QStringLiteral("speechd");
    QTest::newRow("espeak-ng hi_IN: exact") << speechd << kEspeakNg << kHindi << QStringLiteral("Hindi") << kHindi;
    QTest::newRow("espeak-ng hi: language") << speechd << kEspeakNg << QLocale(QLocale::Hindi, QLocale::Nepal)
                                            << QStringLiteral("Hindi") << kHindi;
    QTest::newRow("espeak-ng en_IN: first English") << speechd << kEspeakNg << kEnglish
                                                    << QStringLiteral("English (Great Britain)")
                                                    << QLocale(QLocale::English, QLocale::UnitedKingdom);
    QTest::newRow("espeak-ng en_US: exact") << speechd << kEspeakNg << QLocale(QLocale::English, QLocale::UnitedStates)
                                            << QStringLiteral("English (America)")
                                            << QLocale(QLocale::English, QLocale::UnitedStates);
    QTest::newRow("flite hi_IN: none") << QStringLiteral("flite") << kFlite << kHindi << QString() << QLocale::c();
    QTest::newRow("flite en_IN: first") << QStringLiteral("flite") << kFlite << kEnglish << QStringLiteral("slt")
                                        << QLocale(QLocale::English, QLocale::UnitedStates);
    QTest::newRow("no voices") << speechd << QStringList() << kEnglish << QString() << QLocale::c();
}

void tst_SaleFeedback::pickVoice()
{
    QFETCH(QString, engine);
    QFETCH(QStringList, available);
    QFETCH(QLocale, wanted);
    QFETCH(QString, voice);
    QFETCH(QLocale, locale);
    const SpeechVoice chosen = SaleFeedbackBackend::pickVoice(voices(engine, available), wanted);
    QCOMPARE(chosen.name, voice);
    QCOMPARE(chosen.isValid(), !voice.isEmpty());
    if (chosen.isValid()) {
        QCOMPARE(chosen.locale, locale);
        QCOMPARE(chosen.engine, engine);
    }
}

void tst_SaleFeedback::pluginLoadsFromTheBuildTree()
{
    QString error;
    SaleFeedbackBackend *backend = UiPluginLoader::feedbackBackend(&error);
    QVERIFY2(backend, qPrintable(error));
    QCOMPARE(UiPluginLoader::feedbackBackend(), backend); // loaded once
}

void tst_SaleFeedback::realEngineChoosesAVoiceOfEachLanguage_data()
{
    QTest::addColumn<QLocale>("wanted");
    QTest::newRow("en_IN") << kEnglish;
    QTest::newRow("hi_IN") << kHindi;
}

// The plugin's own choice with the machine's real engine: Debian's speech-dispatcher and
// espeak-ng (scripts/deps.sh), spawned in this test's private XDG_RUNTIME_DIR. Nothing is said,
// so no audio device is needed.
void tst_SaleFeedback::realEngineChoosesAVoiceOfEachLanguage()
{
    QFETCH(QLocale, wanted);
    if (!QTextToSpeech::availableEngines().contains(QStringLiteral("speechd")))
        QSKIP("Qt has no speechd text-to-speech engine here (Debian: qt6-speech-speechd-plugin; scripts/deps.sh)");
    QString error;
    SaleFeedbackBackend *backend = UiPluginLoader::feedbackBackend(&error);
    QVERIFY2(backend, qPrintable(error));
    std::optional<SpeechVoice> chosen;
    QElapsedTimer timer;
    timer.start();
    backend->chooseVoice(wanted, this, [&chosen](const SpeechVoice &voice) { chosen = voice; });
    // Answered later, never on this thread's stack: starting speech-dispatcher and listing its
    // voices takes 1.5 s or more here (the first row), and the GUI thread must not wait for it.
    QCOMPARE(chosen.has_value(), false);
    QVERIFY2(timer.elapsed() < 500, "chooseVoice() waited for the speech engine on the caller's thread");
    QTRY_VERIFY_WITH_TIMEOUT(chosen.has_value(), 20000);
    qInfo().noquote() << wanted.name() << "->" << chosen->engine << chosen->name << chosen->locale.name() << "after"
                      << timer.elapsed() << "ms";
    QVERIFY2(chosen->engine == QStringLiteral("speechd"),
             "Qt's speechd engine did not start: is speech-dispatcher installed (scripts/deps.sh)?");
    QVERIFY2(chosen->isValid(), "speech-dispatcher lists no voice for this language: is speech-dispatcher-espeak-ng installed?");
    QCOMPARE(chosen->locale.language(), wanted.language());
}

void tst_SaleFeedback::feedbackWithoutAudioNeverBlocks()
{
    SaleFeedback feedback(true, true);
    const Money amount = rupees(14950);
    QElapsedTimer timer;
    timer.start();
    feedback.preload();
    feedback.paid(amount, kEnglish);
    feedback.failed();
    feedback.paid(amount, kHindi, true);
    QVERIFY2(timer.elapsed() < 1000, "feedback must not hold up the sale");
    // The speech thread keeps working meanwhile: the GUI thread's event loop still turns.
    bool turned = false;
    QMetaObject::invokeMethod(this, [&turned] { turned = true; }, Qt::QueuedConnection);
    QTRY_VERIFY_WITH_TIMEOUT(turned, 1000);
    QVERIFY2(timer.elapsed() < 5000, "feedback must not hold up the sale");
}

QTEST_MAIN(tst_SaleFeedback)
#include "tst_SaleFeedback.moc"
