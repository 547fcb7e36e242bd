#include "ui/SaleFeedback.h"
#include "ui/SaleFeedbackBackend.h"
#include "ui/UiPluginLoader.h"

#include <QElapsedTimer>
#include <QTest>

// End-of-sale sound and speech. The machine running the tests has no audio device and maybe no
// speech engine, so nothing here asserts that audio played (ARCHITECTURE.md): it asserts the
// words, that the plugin loads, and that a sale is never held up or broken by feedback.
class tst_SaleFeedback final : public QObject
{
    Q_OBJECT

private slots:
    void confirmationText_data();
    void confirmationText();
    void pluginLoadsFromTheBuildTree();
    void feedbackWithoutAudioNeverBlocks();
};

void tst_SaleFeedback::confirmationText_data()
{
    QTest::addColumn<qint64>("minor");
    QTest::addColumn<QString>("currency");
    QTest::addColumn<QString>("expected");
    QTest::newRow("rupees") << qint64(14950) << QStringLiteral("INR") << QStringLiteral("Received rupees 149.50");
    QTest::newRow("one paisa") << qint64(1) << QStringLiteral("INR") << QStringLiteral("Received rupees 0.01");
    QTest::newRow("euro") << qint64(1000) << QStringLiteral("EUR") << QStringLiteral("Received 10.00 EUR");
}

void tst_SaleFeedback::confirmationText()
{
    QFETCH(qint64, minor);
    QFETCH(QString, currency);
    QFETCH(QString, expected);
    const Money amount = Money::fromMinorUnits(minor, Currency::fromCode(currency).value()).value();
    QCOMPARE(SaleFeedback::confirmationText(amount, QLocale(QLocale::English, QLocale::India)), expected);
}

void tst_SaleFeedback::pluginLoadsFromTheBuildTree()
{
    QString error;
    SaleFeedbackBackend *backend = UiPluginLoader::feedbackBackend(&error);
    QVERIFY2(backend, qPrintable(error));
    QCOMPARE(UiPluginLoader::feedbackBackend(), backend); // loaded once
}

void tst_SaleFeedback::feedbackWithoutAudioNeverBlocks()
{
    SaleFeedback feedback(true, true);
    const Money amount = Money::fromMinorUnits(14950, Currency::inr()).value();
    QElapsedTimer timer;
    timer.start();
    feedback.preload();
    feedback.paid(amount, QLocale(QLocale::English, QLocale::India));
    feedback.failed();
    feedback.paid(amount, QLocale(QLocale::Hindi, QLocale::India));
    QTest::qWait(50); // let any queued audio/speech work run: it must not crash
    QVERIFY2(timer.elapsed() < 5000, "feedback must not hold up the sale");
}

QTEST_MAIN(tst_SaleFeedback)
#include "tst_SaleFeedback.moc"
