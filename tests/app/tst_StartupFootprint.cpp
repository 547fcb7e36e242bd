// What the cashier waits for: the real `counterpay` executable, started in demo mode with
// --bench-ready, reports Pay enabled (its window painted, the engine attached) with the engine's
// libraries loaded and none of the optional plugins' heavy ones (Qt WebEngine, Qt Multimedia,
// Qt TextToSpeech): those come on first use, so the idle till stays small. The time and the
// memory themselves are figures, printed by bench/startup (docs/benchmarks.md).
#include <QProcess>
#include <QProcessEnvironment>
#include <QRegularExpression>
#include <QTemporaryDir>
#include <QTest>

class tst_StartupFootprint final : public QObject
{
    Q_OBJECT

private slots:
    void payIsEnabledWithoutTheOptionalPlugins();
};

namespace {

// What only the optional plugins bring, as it appears in /proc/self/maps.
const char *const kOnFirstUse[] = {
    "libQt6WebEngineCore.so", "libQt6WebEngineWidgets.so", "libQt6Multimedia.so", "libQt6TextToSpeech.so",
    "libcounterpay_webengine.so", "libcounterpay_feedback.so", "libcounterpay_print.so",
};

bool hasLibrary(const QStringList &libraries, const char *prefix)
{
    for (const QString &library : libraries) {
        if (library.startsWith(QLatin1String(prefix)))
            return true;
    }
    return false;
}

QStringList librariesAt(const QString &stderrText, const QString &when)
{
    const QRegularExpression line(QStringLiteral("^startup libraries at %1: (.*)$").arg(when),
                                  QRegularExpression::MultilineOption);
    const QRegularExpressionMatch match = line.match(stderrText);
    return match.hasMatch() ? match.captured(1).split(u' ', Qt::SkipEmptyParts) : QStringList();
}

} // namespace

void tst_StartupFootprint::payIsEnabledWithoutTheOptionalPlugins()
{
#ifndef Q_OS_LINUX
    QSKIP("reads /proc/self/maps");
#endif
    QTemporaryDir dir;
    QVERIFY(dir.isValid());
    QProcess app;
    QProcessEnvironment environment = QProcessEnvironment::systemEnvironment();
    environment.insert(QStringLiteral("COUNTERPAY_STARTUP_TRACE"), QStringLiteral("1"));
    environment.insert(QStringLiteral("XDG_CONFIG_HOME"), dir.filePath(QStringLiteral("config")));
    environment.insert(QStringLiteral("XDG_DATA_HOME"), dir.filePath(QStringLiteral("data")));
    app.setProcessEnvironment(environment);
    app.start(QStringLiteral(COUNTERPAY_GUI),
              { QStringLiteral("--demo"), QStringLiteral("--db"), dir.filePath(QStringLiteral("ledger.sqlite")),
                QStringLiteral("--bench-ready") });
    QVERIFY(app.waitForFinished(60'000));
    const QString out = QString::fromLocal8Bit(app.readAllStandardOutput());
    const QString err = QString::fromLocal8Bit(app.readAllStandardError());
    QVERIFY2(app.exitCode() == 0, qPrintable(err));
    QVERIFY2(out.contains(QRegularExpression(QStringLiteral("^ready \\d+ \\d+$"), QRegularExpression::MultilineOption)),
             qPrintable(out));
    const QRegularExpressionMatch pay =
            QRegularExpression(QStringLiteral("^pay (\\d+) (\\d+)$"), QRegularExpression::MultilineOption).match(out);
    QVERIFY2(pay.hasMatch(), qPrintable(out));
    qInfo("Pay enabled after %s ms, resident %s KiB (figures: bench/startup)", qPrintable(pay.captured(1)),
          qPrintable(pay.captured(2)));

    const QStringList atPay = librariesAt(err, QStringLiteral("pay"));
    // The engine and what it stands on are there: Pay works.
    for (const char *library : { "libQt6Widgets.so", "libQt6Network.so", "libQt6Sql.so", "libcrypto.so",
                                 "libphonenumber.so" })
        QVERIFY2(hasLibrary(atPay, library), library);
    for (const char *library : kOnFirstUse)
        QVERIFY2(!hasLibrary(atPay, library), library);
}

QTEST_GUILESS_MAIN(tst_StartupFootprint)
#include "tst_StartupFootprint.moc"
