// What the cashier's first frame costs: the real `counterpay` executable, started in demo mode
// with --bench-ready, must paint its window before Qt Network, Qt Sql, OpenSSL, libphonenumber,
// QtKeychain, Qt Charts, Qt PrintSupport or the terminal plugin are loaded, and must have them
// (and a working engine) once it reports the engine attached. Guards the "as needed" link and
// the plugin split (src/app/gui/CMakeLists.txt) against a stray call that drags a library back.
#include <QProcess>
#include <QProcessEnvironment>
#include <QRegularExpression>
#include <QTemporaryDir>
#include <QTest>

class tst_StartupFootprint final : public QObject
{
    Q_OBJECT

private slots:
    void firstFrameLoadsOnlyTheWindow();
};

namespace {

// Libraries that belong behind the first frame, as they appear in /proc/self/maps.
const char *const kBehindTheFirstFrame[] = {
    "libQt6Network.so", "libQt6Sql.so",      "libcrypto.so",       "libssl.so",          "libphonenumber.so",
    "libqt6keychain.so", "libQt6Charts.so",  "libQt6PrintSupport.so", "libcounterpay_terminal.so",
    "libQt6WebEngineCore.so", "libQt6Multimedia.so",
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

void tst_StartupFootprint::firstFrameLoadsOnlyTheWindow()
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
    QVERIFY2(out.contains(QRegularExpression(QStringLiteral("^engine \\d+ \\d+$"), QRegularExpression::MultilineOption)),
             qPrintable(out));

    const QStringList atReady = librariesAt(err, QStringLiteral("ready"));
    const QStringList atEngine = librariesAt(err, QStringLiteral("engine"));
    QVERIFY2(hasLibrary(atReady, "libQt6Widgets.so"), qPrintable(err)); // the list is real
    for (const char *library : kBehindTheFirstFrame)
        QVERIFY2(!hasLibrary(atReady, library), library);
    // Once the engine is attached the terminal and the libraries under it are there.
    for (const char *library : { "libcounterpay_terminal.so", "libQt6Network.so", "libQt6Sql.so", "libcrypto.so",
                                 "libphonenumber.so" })
        QVERIFY2(hasLibrary(atEngine, library), library);
}

QTEST_GUILESS_MAIN(tst_StartupFootprint)
#include "tst_StartupFootprint.moc"
