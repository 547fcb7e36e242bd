// counterpay-cli's UPI QR sale (pay --provider juspay-upi-qr --qr), with the real executable in
// demo mode (its in-process sandbox on 127.0.0.1) against a real ledger file in a temporary
// folder. The customer's phone is ZXing reading the QR exactly as the terminal shows it: every
// character of TerminalQr's output turned back into two modules (a full block is two light
// modules, a space two dark ones, the half blocks one of each), so a QR that drew anything but
// the printed upi://pay URI, or drew it with light and dark swapped, would not decode to it.
// - Text output: the "Scan with any UPI app (payee): URI" line and the QR under it, on stdout.
// - --json: stdout stays one JSON object per line (its upi_uri), the QR goes to stderr.
// - juspay-gpay without --mobile is refused (exit 2, one line); juspay-upi-qr needs none.
#include "QrDecode.h"

#include <QFile>
#include <QImage>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QProcessEnvironment>
#include <QTemporaryDir>
#include <QTest>
#include <QUrl>
#include <QUrlQuery>

namespace {

struct Run
{
    bool finished = false;
    int exitCode = -1;
    QString out;
    QString err;
};

// counterpay-cli --demo --db <dir>/ledger.sqlite ARGS. Without --wait a pay ends by itself once
// the customer has been asked (exit 0, awaiting_customer); it is killed only if it does not.
Run runCli(const QTemporaryDir &dir, const QStringList &args)
{
    QProcess process;
    QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
    // Nothing of the user's own: settings and data folders are the test's.
    env.insert(QStringLiteral("HOME"), dir.path());
    env.insert(QStringLiteral("XDG_CONFIG_HOME"), dir.filePath(QStringLiteral("config")));
    env.insert(QStringLiteral("XDG_DATA_HOME"), dir.filePath(QStringLiteral("data")));
    process.setProcessEnvironment(env);
    process.start(QStringLiteral(COUNTERPAY_CLI_EXE),
                  QStringList { QStringLiteral("--demo"), QStringLiteral("--db"), dir.filePath(QStringLiteral("ledger.sqlite")) }
                          + args);
    Run run;
    run.finished = process.waitForFinished(20'000);
    if (!run.finished) {
        process.kill();
        process.waitForFinished(5'000);
    }
    run.exitCode = run.finished && process.exitStatus() == QProcess::NormalExit ? process.exitCode() : -1;
    run.out = QString::fromUtf8(process.readAllStandardOutput());
    run.err = QString::fromUtf8(process.readAllStandardError());
    return run;
}

constexpr char16_t kFull = 0x2588;  // both modules light
constexpr char16_t kUpper = 0x2580; // top light, bottom dark
constexpr char16_t kLower = 0x2584; // top dark, bottom light

bool isQrLine(const QString &line)
{
    if (line.isEmpty())
        return false;
    for (const QChar c : line) {
        if (c != QChar(kFull) && c != QChar(kUpper) && c != QChar(kLower) && c != QChar(u' '))
            return false;
    }
    return true;
}

// The first run of consecutive lines drawn with TerminalQr's four characters.
QStringList qrLines(const QString &output)
{
    QStringList block;
    for (const QString &line : output.split(u'\n')) {
        if (isQrLine(line))
            block.append(line);
        else if (!block.isEmpty())
            break;
    }
    return block;
}

// The terminal's picture of the code: `scale` pixels a module, light where TerminalQr draws a
// block (the terminal's foreground) and dark where it leaves a space, inside a white margin of
// `margin` modules. A null image if the lines are not a rectangle of those characters.
QImage toImage(const QStringList &lines, int scale = 6, int margin = 4)
{
    if (lines.isEmpty())
        return {};
    const int columns = int(lines.first().size());
    const int rows = int(lines.size()) * 2;
    QImage image((columns + 2 * margin) * scale, (rows + 2 * margin) * scale, QImage::Format_Grayscale8);
    image.fill(Qt::white);
    for (int row = 0; row < int(lines.size()); ++row) {
        const QString &line = lines.at(row);
        if (line.size() != columns)
            return {};
        for (int x = 0; x < columns; ++x) {
            const QChar c = line.at(x);
            bool top = false;
            bool bottom = false;
            if (c == QChar(kFull))
                top = bottom = true;
            else if (c == QChar(kUpper))
                top = true;
            else if (c == QChar(kLower))
                bottom = true;
            else if (c != QChar(u' '))
                return {};
            for (int half = 0; half < 2; ++half) {
                const bool light = half == 0 ? top : bottom;
                const int y = row * 2 + half;
                for (int dy = 0; dy < scale; ++dy) {
                    uchar *pixels = image.scanLine((y + margin) * scale + dy);
                    for (int dx = 0; dx < scale; ++dx)
                        pixels[(x + margin) * scale + dx] = light ? 255 : 0;
                }
            }
        }
    }
    return image;
}

QString queryValue(const QString &uri, const QString &key)
{
    const QUrlQuery query(QUrl(uri).query(QUrl::FullyEncoded));
    const QStringList values = query.allQueryItemValues(key, QUrl::FullyDecoded);
    return values.size() == 1 ? values.first() : QStringLiteral("<%1 times>").arg(values.size());
}

QStringList payArgs(bool json)
{
    QStringList args { QStringLiteral("pay"), QStringLiteral("--provider"), QStringLiteral("juspay-upi-qr"),
                       QStringLiteral("--amount"), QStringLiteral("149.50"), QStringLiteral("--qr") };
    if (json)
        args << QStringLiteral("--json");
    return args;
}

} // namespace

class tst_CliUpiQr final : public QObject
{
    Q_OBJECT

private slots:
    void terminalQrDecodesToThePrintedUri();
    void jsonCarriesTheUriAndTheQrGoesToStderr();
    void pushWithoutMobileIsRefused();
};

void tst_CliUpiQr::terminalQrDecodesToThePrintedUri()
{
    QTemporaryDir dir;
    QVERIFY(dir.isValid());
    // No --mobile: a UPI QR is paid by whoever scans it.
    const Run run = runCli(dir, payArgs(false));
    QVERIFY2(run.finished, qPrintable(run.out + run.err));
    QVERIFY2(run.exitCode == 0, qPrintable(run.err));

    const QString prefix = QStringLiteral("Scan with any UPI app (");
    const QStringList lines = run.out.split(u'\n');
    QStringList scanLines;
    for (const QString &line : lines) {
        if (line.startsWith(prefix))
            scanLines.append(line);
    }
    QVERIFY2(scanLines.size() == 1, qPrintable(run.out));
    const QString scanLine = scanLines.first();
    const qsizetype split = scanLine.indexOf(QLatin1String("): "));
    QVERIFY2(split > prefix.size(), qPrintable(scanLine));
    const QString payee = scanLine.mid(prefix.size(), split - prefix.size());
    const QString uri = scanLine.mid(split + 3);
    QVERIFY2(uri.startsWith(QLatin1String("upi://pay?")), qPrintable(uri));
    QCOMPARE(queryValue(uri, QStringLiteral("am")), QStringLiteral("149.50"));
    QCOMPARE(queryValue(uri, QStringLiteral("cu")), QStringLiteral("INR"));
    // The name in brackets is the one the customer's app shows (pn).
    QCOMPARE(queryValue(uri, QStringLiteral("pn")), payee);

    // The QR follows the line that names it, and is what the customer's phone reads.
    const QStringList qr = qrLines(run.out);
    QVERIFY2(!qr.isEmpty(), qPrintable(run.out));
    QCOMPARE(lines.at(lines.indexOf(scanLine) + 1), qr.first());
    const QImage image = toImage(qr);
    QVERIFY2(!image.isNull(), qPrintable(qr.join(u'\n')));
    QCOMPARE(decodeQr(image), uri);
}

void tst_CliUpiQr::jsonCarriesTheUriAndTheQrGoesToStderr()
{
    QTemporaryDir dir;
    QVERIFY(dir.isValid());
    const Run run = runCli(dir, payArgs(true));
    QVERIFY2(run.finished, qPrintable(run.out + run.err));
    QVERIFY2(run.exitCode == 0, qPrintable(run.err));

    // stdout is the contract: one JSON object per line, and nothing drawn on it.
    QList<QJsonObject> objects;
    for (const QString &line : run.out.split(u'\n', Qt::SkipEmptyParts)) {
        QJsonParseError error;
        const QJsonDocument document = QJsonDocument::fromJson(line.toUtf8(), &error);
        QVERIFY2(document.isObject(), qPrintable(QStringLiteral("not a JSON object: ") + line));
        objects.append(document.object());
    }
    QVERIFY2(objects.size() == 1, qPrintable(run.out));
    const QJsonObject order = objects.first();
    QCOMPARE(order.value(QLatin1String("provider")).toString(), QStringLiteral("juspay-upi-qr"));
    QCOMPARE(order.value(QLatin1String("state")).toString(), QStringLiteral("awaiting_customer"));
    QCOMPARE(order.value(QLatin1String("amount")).toString(), QStringLiteral("149.50"));
    const QString uri = order.value(QLatin1String("upi_uri")).toString();
    QVERIFY2(uri.startsWith(QLatin1String("upi://pay?")), qPrintable(run.out));
    QCOMPARE(queryValue(uri, QStringLiteral("am")), QStringLiteral("149.50"));
    QCOMPARE(queryValue(uri, QStringLiteral("cu")), QStringLiteral("INR"));
    // The sale's own order id is the note the customer's app shows.
    QVERIFY2(queryValue(uri, QStringLiteral("tn")).contains(order.value(QLatin1String("order_id")).toString()), qPrintable(uri));

    // The QR is for the person at the terminal: on stderr, and of the same URI.
    const QStringList qr = qrLines(run.err);
    QVERIFY2(!qr.isEmpty(), qPrintable(run.err));
    const QImage image = toImage(qr);
    QVERIFY2(!image.isNull(), qPrintable(qr.join(u'\n')));
    QCOMPARE(decodeQr(image), uri);
}

void tst_CliUpiQr::pushWithoutMobileIsRefused()
{
    QTemporaryDir dir;
    QVERIFY(dir.isValid());
    const Run run = runCli(dir, { QStringLiteral("pay"), QStringLiteral("--provider"), QStringLiteral("juspay-gpay"),
                                  QStringLiteral("--amount"), QStringLiteral("149.50") });
    QVERIFY2(run.finished, qPrintable(run.out + run.err));
    QCOMPARE(run.exitCode, 2);
    QVERIFY2(run.out.isEmpty(), qPrintable(run.out));
    // One line, saying what is missing.
    QCOMPARE(run.err.count(u'\n'), 1);
    QVERIFY(run.err.endsWith(u'\n'));
    QVERIFY2(run.err.startsWith(QLatin1String("counterpay-cli: ")) && run.err.contains(QLatin1String("--mobile")),
             qPrintable(run.err));
    // Refused before anything is opened: no ledger was made.
    QVERIFY(!QFile::exists(dir.filePath(QStringLiteral("ledger.sqlite"))));
}

QTEST_GUILESS_MAIN(tst_CliUpiQr)
#include "tst_CliUpiQr.moc"
