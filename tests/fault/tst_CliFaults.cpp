// counterpay-cli under faults, with real processes: a counterpay-sandbox with --state on
// 127.0.0.1, the CLI killed with SIGKILL at random points, lost answers, double submits,
// tampered amounts, damaged ledgers and bad input.
//
// COUNTERPAY_KILL_POINTS (default 20) and COUNTERPAY_KILL_SEED set the size and randomness of
// the kill test; tests/fault/kill_recovery.sh runs the long form.
#include "FaultRig.h"

#include <QCryptographicHash>
#include <QFile>
#include <QJsonDocument>
#include <QJsonObject>
#include <QRandomGenerator>
#include <QSet>
#include <QDirIterator>
#include <QFileInfo>
#include <QDir>
#include <QProcess>
#include <QTemporaryDir>
#include <QProcessEnvironment>
#include <QTest>

namespace {

const QStringList kFinalOrUnknown = { QStringLiteral("charged"), QStringLiteral("failed"), QStringLiteral("declined"),
                                      QStringLiteral("expired"), QStringLiteral("cancelled"), QStringLiteral("unknown"),
                                      QStringLiteral("refunded"), QStringLiteral("partially_refunded") };

QByteArray digest(const QString &path)
{
    QFile file(path);
    return file.open(QIODevice::ReadOnly) ? QCryptographicHash::hash(file.readAll(), QCryptographicHash::Sha256) : QByteArray();
}

// Every file in the rig's folder (but the sandbox's own state) with its size and digest: a
// refused command must leave this exactly as it was (no ledger, no device key, no temp file).
QStringList fingerprint(const QString &folder)
{
    QStringList lines;
    QDirIterator it(folder, QDir::Files | QDir::Hidden | QDir::NoDotAndDotDot, QDirIterator::Subdirectories);
    while (it.hasNext()) {
        const QString path = it.next();
        if (QFileInfo(path).fileName().startsWith(QLatin1String("sandbox-state")))
            continue;
        lines << QStringLiteral("%1 %2 %3").arg(QDir(folder).relativeFilePath(path)).arg(QFileInfo(path).size())
                         .arg(QString::fromLatin1(digest(path).toHex()));
    }
    lines.sort();
    return lines;
}

QStringList payArgs(const QString &orderId, const QString &amount = QStringLiteral("149.50"))
{
    return { QStringLiteral("pay"), QStringLiteral("--provider"), QStringLiteral("juspay-gpay"), QStringLiteral("--amount"),
             amount, QStringLiteral("--mobile"), QStringLiteral("9876543210"), QStringLiteral("--order-id"), orderId };
}

} // namespace

class tst_CliFaults : public QObject
{
    Q_OBJECT

private slots:
    void killRecovery();
    void lostResponseIsNeverReportedFailed();
    void doubleSubmitMakesOneOrder();
    void amountMismatchIsNeverCharged();
    void damagedDatabaseIsRefusedAndUntouched();
    void checkReadsEveryPage();
    void badInput_data();
    void badInput();
    void badProfileWritesNothing_data();
    void badProfileWritesNothing();
    void deviceKeyIsNeverQuietlyReplaced();
    void otherDigitsAndNotesAreNormalised_data();
    void otherDigitsAndNotesAreNormalised();
    void cleanupTestCase();

private:
    std::unique_ptr<FaultRig> m_inputRig; // one sandbox for every bad-input row
};

void tst_CliFaults::killRecovery()
{
    const int points = qEnvironmentVariableIsSet("COUNTERPAY_KILL_POINTS") ? qEnvironmentVariableIntValue("COUNTERPAY_KILL_POINTS") : 20;
    const quint32 seed = qEnvironmentVariableIsSet("COUNTERPAY_KILL_SEED") ? quint32(qEnvironmentVariableIntValue("COUNTERPAY_KILL_SEED")) : 20261122u;
    FaultRig rig(QStringLiteral("approve-after:600"));
    QVERIFY2(rig.ok(), qPrintable(rig.error()));
    QRandomGenerator random(seed);

    int killed = 0;
    for (int i = 0; i < points; ++i) {
        const QString orderId = QStringLiteral("K%1N%2").arg(seed % 100000).arg(i);
        auto process = rig.startCli(payArgs(orderId, QStringLiteral("%1.00").arg(1 + i % 500)) << QStringLiteral("--wait"));
        // A kill point anywhere from process start to well after the approval.
        const int at = int(random.bounded(1800));
        if (!process->waitForFinished(at)) {
            process->kill(); // SIGKILL: no destructor, no flush, no goodbye
            process->waitForFinished(5000);
            ++killed;
        }
    }

    // Settling hundreds of orders takes longer than a few: give resume time in proportion.
    const int resumeSeconds = 90 + points / 2;
    const FaultRig::Run resume = rig.cli({ QStringLiteral("resume"), QStringLiteral("--json"), QStringLiteral("--timeout"),
                                           QString::number(resumeSeconds) }, (resumeSeconds + 30) * 1000);
    QVERIFY2(resume.exitCode == 0 || resume.exitCode == 4, qPrintable(resume.err));

    // 0 orders lost: everything the sandbox heard of is in the ledger.
    QSet<QString> ledgerIds;
    QMap<QString, int> states;
    const QString rows = FaultRig::sqlite(rig.dbPath(), QStringLiteral("SELECT order_id || ' ' || state FROM orders"));
    for (const QString &row : rows.split(u'\n', Qt::SkipEmptyParts)) {
        const QStringList parts = row.split(u' ');
        ledgerIds.insert(parts.value(0));
        states[parts.value(1)] += 1;
        QVERIFY2(kFinalOrUnknown.contains(parts.value(1)), qPrintable(row)); // final or unknown
    }
    int atSandbox = 0;
    int charges = 0;
    for (const QJsonValue &value : rig.sandboxOrders()) {
        const QJsonObject order = value.toObject();
        ++atSandbox;
        QVERIFY2(ledgerIds.contains(order.value(QLatin1String("order_id")).toString()), qPrintable(order.value(QLatin1String("order_id")).toString()));
        const int charged = order.value(QLatin1String("charges")).toInt();
        QVERIFY2(charged <= 1, "an order was charged twice at the sandbox");
        charges += charged;
    }
    QCOMPARE(FaultRig::sqlite(rig.dbPath(), QStringLiteral("PRAGMA integrity_check")), QStringLiteral("ok"));
    // Every order the ledger calls charged was charged exactly once at the gateway.
    QVERIFY(states.value(QStringLiteral("charged")) <= charges);

    QString figures;
    for (auto it = states.cbegin(); it != states.cend(); ++it)
        figures += QStringLiteral(" %1=%2").arg(it.key()).arg(it.value());
    qInfo().noquote() << QStringLiteral("kill points %1 (seed %2): killed %3, ledger %4 orders, sandbox %5 orders, "
                                        "%6 charges, lost 0, double charges 0, integrity ok; states:%7")
                                 .arg(points).arg(seed).arg(killed).arg(ledgerIds.size()).arg(atSandbox).arg(charges).arg(figures);
}

void tst_CliFaults::lostResponseIsNeverReportedFailed()
{
    FaultRig rig(QStringLiteral("drop-after-commit"));
    QVERIFY2(rig.ok(), qPrintable(rig.error()));
    const QString orderId = QStringLiteral("T01LOST0001");
    auto process = rig.startCli(payArgs(orderId) << QStringLiteral("--wait") << QStringLiteral("--json"));
    // The customer approves once the gateway holds the transaction.
    QTRY_VERIFY_WITH_TIMEOUT(!rig.sandboxOrders().isEmpty()
                                     && rig.sandboxOrders().first().toObject().value(QLatin1String("txns")).toInt() >= 1, 10'000);
    QVERIFY(rig.control(orderId, QStringLiteral("approve")));
    QVERIFY(process->waitForFinished(30'000));
    const QString out = QString::fromUtf8(process->readAllStandardOutput());
    QCOMPARE(process->exitCode(), 0);
    const QList<QJsonObject> lines = FaultRig::jsonLines(out);
    QVERIFY(!lines.isEmpty());
    QCOMPARE(lines.last().value(QLatin1String("state")).toString(), QStringLiteral("charged"));
    QCOMPARE(lines.last().value(QLatin1String("verified")).toBool(), true);
    for (const QJsonObject &line : lines)
        QVERIFY2(line.value(QLatin1String("state")).toString() != QLatin1String("failed"), qPrintable(out));
    QCOMPARE(rig.sandboxOrders().first().toObject().value(QLatin1String("charges")).toInt(), 1);
    // The lost /txns was never re-sent behind our back (QNAM would, given a rewindable body).
    QCOMPARE(rig.sandboxOrders().first().toObject().value(QLatin1String("txns")).toInt(), 1);
}

void tst_CliFaults::doubleSubmitMakesOneOrder()
{
    FaultRig rig(QStringLiteral("manual"));
    QVERIFY2(rig.ok(), qPrintable(rig.error()));
    const QString orderId = QStringLiteral("T01TWICE0001");
    std::vector<std::unique_ptr<QProcess>> processes;
    for (int i = 0; i < 5; ++i)
        processes.push_back(rig.startCli(payArgs(orderId) << QStringLiteral("--json")));
    for (auto &process : processes) {
        QVERIFY(process->waitForFinished(30'000));
        QVERIFY2(process->exitCode() == 0, process->readAllStandardError().constData());
    }
    const QJsonArray orders = rig.sandboxOrders();
    QCOMPARE(orders.size(), 1);
    QCOMPARE(orders.first().toObject().value(QLatin1String("txns")).toInt(), 1); // one request, not five
    QCOMPARE(FaultRig::sqlite(rig.dbPath(), QStringLiteral("SELECT count(*) FROM orders")), QStringLiteral("1"));
    QVERIFY(rig.control(orderId, QStringLiteral("approve")));
    const FaultRig::Run status = rig.cli({ QStringLiteral("status"), QStringLiteral("--order-id"), orderId, QStringLiteral("--json") });
    QCOMPARE(status.exitCode, 0);
    QCOMPARE(FaultRig::jsonLines(status.out).last().value(QLatin1String("state")).toString(), QStringLiteral("charged"));
    QCOMPARE(rig.sandboxOrders().first().toObject().value(QLatin1String("charges")).toInt(), 1);
}

void tst_CliFaults::amountMismatchIsNeverCharged()
{
    FaultRig rig(QStringLiteral("manual"));
    QVERIFY2(rig.ok(), qPrintable(rig.error()));
    const QString orderId = QStringLiteral("T01MISMATCH1");
    QCOMPARE(rig.cli(payArgs(orderId, QStringLiteral("149.50"))).exitCode, 0);
    // The ledger now asks 1.00 while the gateway holds 149.50.
    FaultRig::sqlite(rig.dbPath(), QStringLiteral("UPDATE orders SET amount_minor = 100"));
    QVERIFY(rig.control(orderId, QStringLiteral("approve")));
    const FaultRig::Run status = rig.cli({ QStringLiteral("status"), QStringLiteral("--order-id"), orderId, QStringLiteral("--json") });
    QCOMPARE(status.exitCode, 4);
    const QJsonObject line = FaultRig::jsonLines(status.out).last();
    QCOMPARE(line.value(QLatin1String("state")).toString(), QStringLiteral("unknown"));
    QCOMPARE(line.value(QLatin1String("verified")).toBool(), false);
    QVERIFY(status.err.contains(QStringLiteral("amount_mismatch")));
}

void tst_CliFaults::damagedDatabaseIsRefusedAndUntouched()
{
    FaultRig rig(QStringLiteral("manual"));
    QVERIFY2(rig.ok(), qPrintable(rig.error()));
    const QString path = rig.dir() + QStringLiteral("/notes.sqlite");
    QFile file(path);
    QVERIFY(file.open(QIODevice::WriteOnly));
    file.write(QByteArray("this is not a ledger\n").repeated(200));
    file.close();
    const QByteArray before = digest(path);
    QProcess process;
    process.setProcessEnvironment(rig.environment());
    process.start(QStringLiteral(COUNTERPAY_CLI_EXE),
                  { QStringLiteral("--config"), rig.profilePath(), QStringLiteral("--db"), path, QStringLiteral("history") });
    QVERIFY(process.waitForFinished(20'000));
    QCOMPARE(process.exitCode(), 2);
    const QString err = QString::fromUtf8(process.readAllStandardError());
    QVERIFY2(err.contains(QStringLiteral("not a CounterPay ledger")), qPrintable(err));
    QCOMPARE(err.count(u'\n'), 1);
    QCOMPARE(digest(path), before);
}

void tst_CliFaults::checkReadsEveryPage()
{
    FaultRig rig(QStringLiteral("manual"));
    QVERIFY2(rig.ok(), qPrintable(rig.error()));
    const QString path = rig.dir() + QStringLiteral("/check.sqlite");
    const auto run = [&path](QProcess &process) {
        // No --config and no secrets: checking (like history) needs the ledger only.
        process.start(QStringLiteral(COUNTERPAY_CLI_EXE), { QStringLiteral("--db"), path, QStringLiteral("check"),
                                                            QStringLiteral("--json") });
        return process.waitForFinished(20'000);
    };
    // check never makes a ledger: a sale does.
    QProcess none;
    QVERIFY(run(none));
    QCOMPARE(none.exitCode(), 2);
    QVERIFY(!QFile::exists(path));
    QProcess sale;
    sale.setProcessEnvironment(rig.environment());
    sale.start(QStringLiteral(COUNTERPAY_CLI_EXE), QStringList { QStringLiteral("--config"), rig.profilePath(), QStringLiteral("--db"), path }
                                                          + payArgs(QStringLiteral("T01CHECK01")));
    QVERIFY(sale.waitForFinished(20'000));
    QVERIFY2(sale.exitCode() == 0, sale.readAllStandardError().constData());
    QProcess sound;
    QVERIFY(run(sound)); // reads it all
    QCOMPARE(sound.exitCode(), 0);
    const QJsonObject line = QJsonDocument::fromJson(sound.readAllStandardOutput().trimmed()).object();
    QCOMPARE(line.value(QStringLiteral("integrity")).toString(), QStringLiteral("ok"));
    QVERIFY(line.value(QStringLiteral("ledger")).toString().endsWith(QLatin1String("check.sqlite")));
    QProcess history;
    history.start(QStringLiteral(COUNTERPAY_CLI_EXE), { QStringLiteral("--db"), path, QStringLiteral("history"),
                                                        QStringLiteral("--json") });
    QVERIFY(history.waitForFinished(20'000));
    QCOMPARE(history.exitCode(), 0);
    QVERIFY(history.readAllStandardError().isEmpty());

    // Scribble over the start of every page after the header page (tables' and indexes' b-tree
    // headers): the check refuses, in one line, and leaves the file as it was.
    QFile file(path);
    QVERIFY(file.open(QIODevice::ReadWrite));
    QVERIFY(file.size() >= 8192);
    for (qint64 page = 4096; page < file.size(); page += 4096) {
        file.seek(page);
        file.write(QByteArray(64, '\xA5'));
    }
    file.close();
    const QByteArray before = digest(path);
    QProcess damaged;
    QVERIFY(run(damaged));
    QCOMPARE(damaged.exitCode(), 2);
    const QString err = QString::fromUtf8(damaged.readAllStandardError());
    QCOMPARE(err.count(u'\n'), 1);
    QVERIFY2(err.contains(QLatin1String("damaged")) || err.contains(QLatin1String("not a CounterPay ledger")), qPrintable(err));
    QCOMPARE(digest(path), before);
}

void tst_CliFaults::badInput_data()
{
    QTest::addColumn<QStringList>("args");
    QTest::addColumn<QString>("fragment");

    auto pay = [](const QStringList &overrides) {
        QStringList args = payArgs(QStringLiteral("T01BAD0001"));
        for (qsizetype i = 0; i + 1 < overrides.size(); i += 2) {
            const qsizetype at = args.indexOf(overrides.at(i));
            if (at >= 0)
                args[at + 1] = overrides.at(i + 1);
            else
                args << overrides.at(i) << overrides.at(i + 1);
        }
        return args;
    };
    auto list = [](const char *text) { return QString::fromLatin1(text).split(u' '); };
    QTest::newRow("amount letters") << pay({ QStringLiteral("--amount"), QStringLiteral("abc") }) << "--amount";
    QTest::newRow("amount too precise") << pay({ QStringLiteral("--amount"), QStringLiteral("1.234") }) << "at most 2 digits";
    QTest::newRow("amount negative") << pay({ QStringLiteral("--amount"), QStringLiteral("-5") }) << "greater than zero";
    QTest::newRow("amount zero") << pay({ QStringLiteral("--amount"), QStringLiteral("0") }) << "greater than zero";
    QTest::newRow("currency unknown") << pay({ QStringLiteral("--currency"), QStringLiteral("XYZ") }) << "--currency";
    QTest::newRow("mobile short") << pay({ QStringLiteral("--mobile"), QStringLiteral("12345") }) << "too short";
    QTest::newRow("mobile landline") << pay({ QStringLiteral("--mobile"), QStringLiteral("01123456789") }) << "landline";
    QTest::newRow("provider unknown") << pay({ QStringLiteral("--provider"), QStringLiteral("paypal") }) << "--provider";
    QTest::newRow("order id with space") << pay({ QStringLiteral("--order-id"), QStringLiteral("bad id") }) << "--order-id";
    QTest::newRow("order id too long") << pay({ QStringLiteral("--order-id"), QStringLiteral("ABCDEFGHIJ01234567890") }) << "at most 20";
    QTest::newRow("pay without amount") << list("pay --provider juspay-gpay --mobile 9876543210") << "--amount";
    QTest::newRow("status without order id") << list("status") << "--order-id";
    QTest::newRow("status bad order id") << list("status --order-id x_y") << "--order-id";
    QTest::newRow("history bad date") << list("history --since 2026-13-01") << "--since";
    QTest::newRow("history reversed dates") << list("history --since 2026-11-22 --until 2026-11-21") << "before --until";
    QTest::newRow("history bad state") << list("history --state paid") << "--state";
    QTest::newRow("history bad last4") << list("history --phone-last4 12a4") << "4 digits";
    QTest::newRow("history zero limit") << list("history --limit 0") << "--limit";
    QTest::newRow("refund zero") << list("refund --order-id T01X --amount 0") << "greater than zero";
    QTest::newRow("unknown command") << list("frobnicate") << "Unknown command";
    QTest::newRow("unknown option") << list("pay --wat") << "Unknown option";
    QTest::newRow("option for another command") << list("history --wait") << "does not apply";
    QTest::newRow("poll first and cap zero") << (payArgs(QStringLiteral("T01BAD0002")) << QStringLiteral("--poll") << QStringLiteral("first=0;cap=0"))
                                             << "--poll: first must be at least 250 ms, not 0.";
    QTest::newRow("poll cap under first") << (QStringList { QStringLiteral("status"), QStringLiteral("--order-id"), QStringLiteral("T01BAD0003"),
                                                            QStringLiteral("--poll"), QStringLiteral("first=2000;cap=500") })
                                          << "--poll: cap must be at least first (2000 ms), not 500.";
    // Issue 15: accepted in silence before; refused now, before any file is made.
    QTest::newRow("amount given twice") << (pay({ QStringLiteral("--amount"), QStringLiteral("5") }) << QStringLiteral("--amount")
                                                                                                      << QStringLiteral("5000"))
                                        << "--amount is given twice; give it once.";
    QTest::newRow("flag given twice") << (pay({}) << QStringLiteral("--json") << QStringLiteral("--json")) << "--json is given twice";
    QTest::newRow("amount above the terminal's ceiling") << pay({ QStringLiteral("--amount"), QStringLiteral("1000000000") })
                                                         << "The most one sale can be is \u20b92,00,000.00";
    QTest::newRow("amount just above the ceiling") << pay({ QStringLiteral("--amount"), QStringLiteral("200000.01") })
                                                   << "The most one sale can be is \u20b92,00,000.00";
    QTest::newRow("dollars on Juspay") << pay({ QStringLiteral("--currency"), QStringLiteral("USD") })
                                       << "juspay-gpay takes INR only, not USD.";
    QTest::newRow("euros on CRED") << pay({ QStringLiteral("--provider"), QStringLiteral("juspay-cred"), QStringLiteral("--currency"),
                                             QStringLiteral("EUR") })
                                   << "juspay-cred takes INR only, not EUR.";
    QTest::newRow("rupees on CM.com") << pay({ QStringLiteral("--provider"), QStringLiteral("cmcom"), QStringLiteral("--currency"),
                                                QStringLiteral("INR") })
                                      << "cmcom takes EUR only, not INR.";
    QTest::newRow("a US mobile for Google Pay push") << pay({ QStringLiteral("--mobile"), QStringLiteral("+1 202 555 0123") })
                                                     << "juspay-gpay reaches Indian mobile numbers only (+91); +1 is not one.";
    QTest::newRow("a UK mobile for Google Pay direct") << pay({ QStringLiteral("--provider"), QStringLiteral("googlepay"),
                                                                QStringLiteral("--mobile"), QStringLiteral("+44 7911 123456") })
                                                       << "googlepay reaches Indian mobile numbers only (+91); +44 is not one.";
    QTest::newRow("note with ESC") << pay({ QStringLiteral("--note"), QStringLiteral("table\x1b[31m 4") })
                                   << "The note holds a control character (ESC, character 6)";
    QTest::newRow("note with CR") << pay({ QStringLiteral("--note"), QStringLiteral("line one\rline two") })
                                  << "control character (CR (a new line), character 9)";
    QTest::newRow("note with a new line") << pay({ QStringLiteral("--note"), QStringLiteral("a\nb") }) << "LF (a new line)";
    QTest::newRow("note over 200 characters") << pay({ QStringLiteral("--note"), QString(201, u'x') })
                                              << "The note is 201 characters long; the most is 200.";
    QTest::newRow("a method the profile does not configure") << pay({ QStringLiteral("--provider"), QStringLiteral("cmcom") })
                                                             << "'cmcom' is not a configured payment method";
    QTest::newRow("status of an order in no ledger") << list("status --order-id T01NOPE") << "There is no order T01NOPE";
    QTest::newRow("refund of an order in no ledger") << list("refund --order-id T01NOPE") << "There is no order T01NOPE";
    QTest::newRow("history of no ledger") << list("history --json") << "There is no ledger at";
    QTest::newRow("check of no ledger") << list("check") << "There is no ledger at";
    QTest::newRow("status asked of a method the profile does not set up")
            << list("status --order-id T01NOPE --provider juspay-wallet:PAYTM") << "'juspay-wallet:PAYTM' is not a configured payment method";
}

void tst_CliFaults::badInput()
{
    QFETCH(QStringList, args);
    QFETCH(QString, fragment);
    if (!m_inputRig)
        m_inputRig = std::make_unique<FaultRig>(QStringLiteral("manual"));
    FaultRig *rig = m_inputRig.get();
    QVERIFY2(rig->ok(), qPrintable(rig->error()));
    const QStringList before = fingerprint(rig->dir());
    const FaultRig::Run run = rig->cli(args, 20'000);
    QCOMPARE(fingerprint(rig->dir()), before); // no ledger, no device key, nothing else
    QCOMPARE(run.exitCode, 2);
    QVERIFY2(run.err.contains(fragment), qPrintable(run.err));
    QCOMPARE(run.err.count(u'\n'), 1); // one line that says what to do
    QVERIFY(run.err.startsWith(QLatin1String("counterpay-cli: ")));
    // Nothing was written: the ledger was never even created.
    QVERIFY(!QFile::exists(rig->dbPath()));
    QVERIFY(rig->sandboxOrders().isEmpty());
}

// A profile refused for any reason (the rows are issue 15's) is one line naming the file, the
// line and the key, and leaves the folder as it was: no ledger, no device key.
void tst_CliFaults::badProfileWritesNothing_data()
{
    QTest::addColumn<QByteArray>("profile");
    QTest::addColumn<QString>("fragment");
    QTest::newRow("missing file") << QByteArray() << "does not exist or cannot be read";
    QTest::newRow("misspelt key") << QByteArray("[juspay]\nbase_ur=https://api.juspay.in\nmerchant_id=m\n")
                                  << ":2: [juspay] base_ur is not a key of [juspay]; did you mean base_url?";
    QTest::newRow("empty base_url") << QByteArray("[juspay]\nbase_url=\nmerchant_id=m\n") << ":2: [juspay] base_url is empty";
    QTest::newRow("second [juspay]") << QByteArray("[juspay]\nmerchant_id=a\n[juspay]\nmerchant_id=b\n")
                                     << ":3: [juspay] appears a second time (first on line 1)";
    QTest::newRow("unknown key") << QByteArray("[juspay]\nmerchant_id=m\nfoo=bar\n") << ":3: [juspay] foo is not a key";
    QTest::newRow("merchant id with &") << QByteArray("[juspay]\nmerchant_id=a&b\n") << ":2: [juspay] merchant_id may hold only";
    QTest::newRow("merchant id with a space") << QByteArray("[juspay]\nmerchant_id=a b\n") << ":2: [juspay] merchant_id may hold only";
    QTest::newRow("secret in the profile") << QByteArray("[juspay]\nmerchant_id=m\napi_key=abc\n") << "looks like a secret";
    QTest::newRow("binary") << QByteArray("\x7f" "ELF\x02\x01\x01\0\0\0\x03\0\x3e\0", 16) << "is not a text INI file";
}

void tst_CliFaults::badProfileWritesNothing()
{
    QFETCH(QByteArray, profile);
    QFETCH(QString, fragment);
    QTemporaryDir dir;
    QVERIFY(dir.isValid());
    const QString path = dir.filePath(QStringLiteral("profile.ini"));
    if (!profile.isEmpty()) {
        QFile file(path);
        QVERIFY(file.open(QIODevice::WriteOnly));
        file.write(profile);
    }
    const QStringList before = fingerprint(dir.path());
    QProcess cli;
    QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
    env.insert(QStringLiteral("COUNTERPAY_JUSPAY_API_KEY"), QStringLiteral("sandbox-juspay-key"));
    cli.setProcessEnvironment(env);
    cli.start(QStringLiteral(COUNTERPAY_CLI_EXE), QStringList { QStringLiteral("--config"), path, QStringLiteral("--db"),
                                                                dir.filePath(QStringLiteral("ledger.sqlite")) }
                                                          + payArgs(QStringLiteral("T01PROF01")));
    QVERIFY(cli.waitForFinished(20'000));
    const QString err = QString::fromUtf8(cli.readAllStandardError());
    QCOMPARE(cli.exitCode(), 2);
    QVERIFY2(err.startsWith(QStringLiteral("counterpay-cli: ") + path), qPrintable(err));
    QVERIFY2(err.contains(fragment), qPrintable(err));
    QCOMPARE(err.count(u'\n'), 1);
    QVERIFY(!err.contains(QLatin1String("ELF")) && !err.contains(QLatin1String("abc")));
    QCOMPARE(fingerprint(dir.path()), before);
}

// The key that seals the customers' phone numbers: deleted or swapped, it is an error that
// says what is lost and how to restore it, never a new key in silence; the ledger is left as
// it was, and the right key brings everything back.
void tst_CliFaults::deviceKeyIsNeverQuietlyReplaced()
{
    FaultRig rig(QStringLiteral("approve-after:300"));
    QVERIFY2(rig.ok(), qPrintable(rig.error()));
    const QString orderId = QStringLiteral("T01KEY0001");
    const FaultRig::Run paid = rig.cli(payArgs(orderId) << QStringLiteral("--wait"), 30'000);
    QVERIFY2(paid.exitCode == 0, qPrintable(paid.err));
    const QString keyPath = QDir(rig.dir()).filePath(QStringLiteral("device.key"));
    QFile keyFile(keyPath);
    QVERIFY(keyFile.open(QIODevice::ReadOnly));
    const QByteArray rightKey = keyFile.readAll();
    keyFile.close();
    QCOMPARE(rightKey.size(), 32);
    const QStringList status { QStringLiteral("status"), QStringLiteral("--order-id"), orderId, QStringLiteral("--json") };

    QVERIFY(QFile::remove(keyPath));
    const QStringList beforeMissing = fingerprint(rig.dir());
    const FaultRig::Run missing = rig.cli(status, 20'000);
    QCOMPARE(missing.exitCode, 2);
    QVERIFY2(missing.err.contains(QStringLiteral("device key")) && missing.err.contains(QStringLiteral("is missing"))
                     && missing.err.contains(QStringLiteral("Restore")),
             qPrintable(missing.err));
    QCOMPARE(missing.err.count(u'\n'), 1);
    QVERIFY(!QFile::exists(keyPath)); // no new key
    QCOMPARE(fingerprint(rig.dir()), beforeMissing);

    QByteArray foreign = rightKey;
    foreign[0] = char(foreign.at(0) ^ 0x5a);
    QVERIFY(keyFile.open(QIODevice::WriteOnly));
    keyFile.write(foreign);
    keyFile.close();
    QVERIFY(keyFile.setPermissions(QFile::ReadOwner | QFile::WriteOwner));
    const QStringList beforeForeign = fingerprint(rig.dir());
    const FaultRig::Run swapped = rig.cli(status, 20'000);
    QCOMPARE(swapped.exitCode, 2);
    QVERIFY2(swapped.err.contains(QStringLiteral("is not the one")), qPrintable(swapped.err));
    QCOMPARE(fingerprint(rig.dir()), beforeForeign);

    QVERIFY(keyFile.open(QIODevice::WriteOnly | QIODevice::Truncate));
    keyFile.write(rightKey);
    keyFile.close();
    const FaultRig::Run restored = rig.cli(status, 20'000);
    QVERIFY2(restored.exitCode == 0, qPrintable(restored.err));
    QCOMPARE(FaultRig::jsonLines(restored.out).last().value(QLatin1String("state")).toString(), QStringLiteral("charged"));
}

void tst_CliFaults::otherDigitsAndNotesAreNormalised_data()
{
    QTest::addColumn<QString>("amount");
    QTest::addColumn<QString>("mobile");
    QTest::addColumn<QString>("note");
    QTest::addColumn<QString>("storedAmount");
    QTest::addColumn<QString>("storedNote");
    // A Hindi keyboard types Devanagari digits; some keyboards Arabic-Indic or full-width ones.
    QTest::newRow("Devanagari") << QStringLiteral("\u0967\u096a\u096f.\u096b\u0966")
                                << QStringLiteral("\u096f\u096e\u096d\u096c\u096b \u096a\u0969\u0968\u0967\u0966")
                                << QString() << QStringLiteral("149.50") << QString();
    QTest::newRow("full-width") << QStringLiteral("\uff11\uff14\uff19.\uff15\uff10") << QStringLiteral("9876543210")
                                << QString() << QStringLiteral("149.50") << QString();
    // A mobile typed into the note is masked before it is stored, as the logs mask it.
    QTest::newRow("mobile in the note") << QStringLiteral("149.50") << QStringLiteral("9876543210")
                                        << QStringLiteral("call 98765 43210 when ready; table 4")
                                        << QStringLiteral("149.50")
                                        << QStringLiteral("call \u2022\u2022\u2022\u2022\u2022\u20223210 when ready; table 4");
}

void tst_CliFaults::otherDigitsAndNotesAreNormalised()
{
    QFETCH(QString, amount);
    QFETCH(QString, mobile);
    QFETCH(QString, note);
    QFETCH(QString, storedAmount);
    QFETCH(QString, storedNote);
    FaultRig rig(QStringLiteral("manual"));
    QVERIFY2(rig.ok(), qPrintable(rig.error()));
    QStringList args { QStringLiteral("pay"), QStringLiteral("--provider"), QStringLiteral("juspay-gpay"), QStringLiteral("--amount"),
                       amount, QStringLiteral("--mobile"), mobile, QStringLiteral("--order-id"), QStringLiteral("T01DIGIT01"),
                       QStringLiteral("--json") };
    if (!note.isEmpty())
        args << QStringLiteral("--note") << note;
    const FaultRig::Run run = rig.cli(args, 20'000);
    QVERIFY2(run.exitCode == 0, qPrintable(run.err + run.out));
    const QList<QJsonObject> lines = FaultRig::jsonLines(run.out);
    QVERIFY(!lines.isEmpty());
    QCOMPARE(lines.last().value(QLatin1String("amount")).toString(), storedAmount);
    QCOMPARE(FaultRig::sqlite(rig.dbPath(), QStringLiteral("SELECT phone_last4 FROM orders WHERE order_id='T01DIGIT01'")).trimmed(),
             QStringLiteral("3210"));
    QCOMPARE(FaultRig::sqlite(rig.dbPath(), QStringLiteral("SELECT note FROM orders WHERE order_id='T01DIGIT01'")).trimmed(), storedNote);
}

void tst_CliFaults::cleanupTestCase()
{
    m_inputRig.reset(); // stops its sandbox process
}

QTEST_GUILESS_MAIN(tst_CliFaults)
#include "tst_CliFaults.moc"
