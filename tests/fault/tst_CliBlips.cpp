// counterpay-cli when the gateway blips: down, then up again; 503 and 429 at order creation;
// and what `status` says (exit code and JSON) when it learnt nothing. Real processes: a
// counterpay-sandbox with --state on 127.0.0.1, stopped and started on the same port, and
// counterpay-cli against a real ledger file.
#include "FaultRig.h"

#include <QFile>
#include <QProcess>
#include <QJsonDocument>
#include <QJsonObject>
#include <QTest>

namespace {

QStringList payArgs(const QString &orderId)
{
    return { QStringLiteral("pay"), QStringLiteral("--provider"), QStringLiteral("juspay-gpay"), QStringLiteral("--amount"),
             QStringLiteral("149.50"), QStringLiteral("--mobile"), QStringLiteral("9876543210"),
             QStringLiteral("--order-id"), orderId, QStringLiteral("--json") };
}

QStringList statusArgs(const QString &orderId)
{
    return { QStringLiteral("status"), QStringLiteral("--order-id"), orderId, QStringLiteral("--json"),
             QStringLiteral("--timeout"), QStringLiteral("20") };
}

int sandboxCount(const FaultRig &rig, const char *field)
{
    int total = 0;
    for (const QJsonValue &order : rig.sandboxOrders())
        total += order.toObject().value(QLatin1String(field)).toInt();
    return total;
}

} // namespace

class tst_CliBlips : public QObject
{
    Q_OBJECT

private slots:
    void downThenUpSameOrderIdIsChargedOnce();
    void gatewayBackDuringPayIsCharged();
    void transientErrorsAtCreation_data();
    void transientErrorsAtCreation();
    void statusExitCodes();
    void statusOfAnOrderNotInTheLedger();
    void tlsFailureSaysWhyOnStderr();
    void refusedKeyOnPaySaysSo();
};

void tst_CliBlips::downThenUpSameOrderIdIsChargedOnce()
{
    FaultRig rig(QStringLiteral("approve-after:300"), FaultRig::Start::Later);
    QVERIFY2(rig.ok(), qPrintable(rig.error()));
    const QString orderId = QStringLiteral("T01BLIP0001");

    // Nothing listens: the CLI keeps trying until its --timeout, then says what is true.
    const FaultRig::Run down = rig.cli(payArgs(orderId) << QStringLiteral("--timeout") << QStringLiteral("3"));
    QCOMPARE(down.exitCode, 5);
    QVERIFY2(down.err.contains(QStringLiteral("--order-id %1").arg(orderId)), qPrintable(down.err));
    QVERIFY2(down.err.contains(QStringLiteral("never charges twice")), qPrintable(down.err));
    // Not a verdict: the sale is unknown, not failed.
    QCOMPARE(FaultRig::sqlite(rig.dbPath(), QStringLiteral("SELECT state FROM orders WHERE order_id='%1'").arg(orderId)),
             QStringLiteral("unknown"));

    // The advice, followed: the same command once the gateway is back.
    QVERIFY2(rig.startSandbox(), qPrintable(rig.error()));
    const FaultRig::Run up = rig.cli(payArgs(orderId) << QStringLiteral("--wait"));
    QVERIFY2(up.exitCode == 0, qPrintable(up.out + up.err));
    const QList<QJsonObject> lines = FaultRig::jsonLines(up.out);
    QVERIFY(!lines.isEmpty());
    QCOMPARE(lines.last().value(QLatin1String("state")).toString(), QStringLiteral("charged"));
    QCOMPARE(rig.sandboxOrders().size(), 1);
    QCOMPARE(sandboxCount(rig, "txns"), 1);
    QCOMPARE(sandboxCount(rig, "charges"), 1);
}

void tst_CliBlips::gatewayBackDuringPayIsCharged()
{
    FaultRig rig(QStringLiteral("approve-after:300"), FaultRig::Start::Later);
    QVERIFY2(rig.ok(), qPrintable(rig.error()));
    const QString orderId = QStringLiteral("T01BLIP0002");
    auto process = rig.startCli(payArgs(orderId) << QStringLiteral("--wait"));
    QString err;
    // The first attempts are refused; the sale goes on trying by itself.
    QTRY_VERIFY_WITH_TIMEOUT((err += QString::fromUtf8(process->readAllStandardError())).contains(QLatin1String("unreachable")),
                             15'000);
    QVERIFY2(rig.startSandbox(), qPrintable(rig.error()));
    QVERIFY(process->waitForFinished(60'000));
    const QString out = QString::fromUtf8(process->readAllStandardOutput());
    QVERIFY2(process->exitCode() == 0, qPrintable(out + err + QString::fromUtf8(process->readAllStandardError())));
    QCOMPARE(FaultRig::jsonLines(out).last().value(QLatin1String("state")).toString(), QStringLiteral("charged"));
    for (const QJsonObject &line : FaultRig::jsonLines(out))
        QVERIFY2(line.value(QLatin1String("state")).toString() != QLatin1String("failed"), qPrintable(out));
    QCOMPARE(rig.sandboxOrders().size(), 1);
    QCOMPARE(sandboxCount(rig, "txns"), 1);
}

void tst_CliBlips::transientErrorsAtCreation_data()
{
    QTest::addColumn<QString>("scenario");
    // Three answers per order are 503 / 429 with Retry-After: 1; the HTTP client alone gives
    // up after its three attempts, the sale does not.
    QTest::newRow("flaky:3") << QStringLiteral("flaky:3");
    QTest::newRow("throttle:3") << QStringLiteral("throttle:3");
}

void tst_CliBlips::transientErrorsAtCreation()
{
    QFETCH(QString, scenario);
    FaultRig rig(scenario);
    QVERIFY2(rig.ok(), qPrintable(rig.error()));
    const QString orderId = QStringLiteral("T01BUSY%1").arg(scenario.startsWith(u'f') ? 1 : 2);
    auto process = rig.startCli(payArgs(orderId) << QStringLiteral("--wait"));
    QTRY_VERIFY_WITH_TIMEOUT(sandboxCount(rig, "txns") >= 1, 30'000);
    QVERIFY(rig.control(orderId, QStringLiteral("approve")));
    QVERIFY(process->waitForFinished(60'000));
    const QString out = QString::fromUtf8(process->readAllStandardOutput());
    QVERIFY2(process->exitCode() == 0, qPrintable(out + QString::fromUtf8(process->readAllStandardError())));
    QCOMPARE(FaultRig::jsonLines(out).last().value(QLatin1String("state")).toString(), QStringLiteral("charged"));
    QCOMPARE(rig.sandboxOrders().size(), 1);
    QCOMPARE(sandboxCount(rig, "txns"), 1);
}

void tst_CliBlips::statusExitCodes()
{
    FaultRig rig(QStringLiteral("manual"));
    QVERIFY2(rig.ok(), qPrintable(rig.error()));
    const QString orderId = QStringLiteral("T01STATUS01");
    QCOMPARE(rig.cli(payArgs(orderId)).exitCode, 0);
    QVERIFY(rig.control(orderId, QStringLiteral("approve")));

    // 0: a verdict arrived.
    const FaultRig::Run paid = rig.cli(statusArgs(orderId));
    QVERIFY2(paid.exitCode == 0, qPrintable(paid.out + paid.err));
    QCOMPARE(FaultRig::jsonLines(paid.out).last().value(QLatin1String("state")).toString(), QStringLiteral("charged"));
    QCOMPARE(FaultRig::jsonLines(paid.out).last().value(QLatin1String("error")).toString(), QString());

    // 2: the gateway refused the credentials, and says so in words.
    rig.setApiKey(QStringLiteral("not-the-key"));
    const FaultRig::Run refused = rig.cli(statusArgs(orderId));
    QVERIFY2(refused.exitCode == 2, qPrintable(refused.out + refused.err));
    QVERIFY2(refused.err.contains(QLatin1String("refused the credentials")), qPrintable(refused.err));
    QVERIFY(FaultRig::jsonLines(refused.out).last().value(QLatin1String("error")).toString().contains(QLatin1String("auth")));
    rig.setApiKey(QStringLiteral("sandbox-juspay-key"));

    // 4: an answer that cannot be read says nothing about the order.
    QVERIFY2(rig.startSandbox(QStringLiteral("garbled")), qPrintable(rig.error()));
    const FaultRig::Run garbled = rig.cli(statusArgs(orderId));
    QVERIFY2(garbled.exitCode == 4, qPrintable(garbled.out + garbled.err));
    QVERIFY(FaultRig::jsonLines(garbled.out).last().value(QLatin1String("error")).toString().contains(QLatin1String("malformed")));

    // 5: nobody answers.
    rig.stopSandbox();
    const FaultRig::Run down = rig.cli(statusArgs(orderId));
    QVERIFY2(down.exitCode == 5, qPrintable(down.out + down.err));
    QVERIFY(FaultRig::jsonLines(down.out).last().value(QLatin1String("error")).toString().contains(QLatin1String("unreachable")));
    // What the ledger knew is kept: it was paid.
    QCOMPARE(FaultRig::jsonLines(down.out).last().value(QLatin1String("state")).toString(), QStringLiteral("charged"));
}

void tst_CliBlips::statusOfAnOrderNotInTheLedger()
{
    FaultRig rig(QStringLiteral("manual"));
    QVERIFY2(rig.ok(), qPrintable(rig.error()));
    const QString orderId = QStringLiteral("T01ELSEWHERE");
    QCOMPARE(rig.cli(payArgs(orderId)).exitCode, 0);
    QVERIFY(rig.control(orderId, QStringLiteral("approve")));
    // Another terminal's ledger: this one has never seen the order.
    QVERIFY(QFile::rename(rig.dbPath(), rig.dbPath() + QStringLiteral(".other")));
    const FaultRig::Run run = rig.cli({ QStringLiteral("status"), QStringLiteral("--order-id"), orderId,
                                        QStringLiteral("--provider"), QStringLiteral("juspay-gpay"), QStringLiteral("--json") });
    QVERIFY2(run.exitCode == 0, qPrintable(run.out + run.err));
    const QJsonObject line = FaultRig::jsonLines(run.out).last();
    QCOMPARE(line.value(QLatin1String("state")).toString(), QStringLiteral("charged"));
    QCOMPARE(line.value(QLatin1String("verified")).toBool(), false);
    QCOMPARE(line.value(QLatin1String("amount")).toString(), QStringLiteral("149.50"));
    QVERIFY2(!run.err.contains(QLatin1String("0.00")), qPrintable(run.err));
}

// A gateway whose certificate the terminal cannot trust (the sandbox's own CA is not given):
// the sale is not sent, and stderr says why in TLS's own words, as the JSON's error does,
// not only "could not be reached; check the network".
void tst_CliBlips::tlsFailureSaysWhyOnStderr()
{
    FaultRig rig(QStringLiteral("manual"), FaultRig::Start::Later); // its folder, profile path and environment
    QVERIFY2(rig.ok(), qPrintable(rig.error()));
    QProcess sandbox;
    sandbox.setProgram(QStringLiteral(COUNTERPAY_SANDBOX_EXE));
    sandbox.setArguments({ QStringLiteral("--port"), QStringLiteral("0"), QStringLiteral("--tls"), QStringLiteral("--scenario"),
                           QStringLiteral("approve-after:300") });
    sandbox.setStandardErrorFile(QProcess::nullDevice());
    sandbox.start();
    QVERIFY(sandbox.waitForStarted(10'000));
    QByteArray out;
    while (!out.contains("\nca ") && sandbox.waitForReadyRead(10'000))
        out += sandbox.readAllStandardOutput();
    const QByteArray first = out.left(out.indexOf('\n')).trimmed();
    QVERIFY2(first.startsWith("listening on https://"), first.constData());
    const QUrl base(QString::fromUtf8(first.mid(13)));
    QFile profile(rig.profilePath());
    QVERIFY(profile.open(QIODevice::WriteOnly | QIODevice::Truncate));
    profile.write("[juspay]\nbase_url=" + base.toString().toUtf8() + "\nmerchant_id=counterpay_demo\n");
    profile.close();

    const FaultRig::Run run = rig.cli(payArgs(QStringLiteral("T01TLS0001")), 60'000);
    sandbox.terminate();
    sandbox.waitForFinished(5000);
    QVERIFY2(run.exitCode == 5 || run.exitCode == 4, qPrintable(run.out + run.err));
    const QString error = FaultRig::jsonLines(run.out).last().value(QLatin1String("error")).toString();
    QVERIFY2(error.contains(QLatin1String("tls")) || error.contains(QLatin1String("certificate")), qPrintable(error));
    // The words after the kind ("unreachable: ...") are on stderr too.
    const QString reason = error.section(QLatin1String(": "), 1);
    QVERIFY2(!reason.isEmpty() && run.err.contains(reason), qPrintable(QStringLiteral("%1\n---\n%2").arg(error, run.err)));
}

// A pay the gateway refuses for the API key fails the sale (exit 3), and stderr says that it
// was the credentials, not the customer, in one line.
void tst_CliBlips::refusedKeyOnPaySaysSo()
{
    FaultRig rig(QStringLiteral("approve-after:300"));
    QVERIFY2(rig.ok(), qPrintable(rig.error()));
    rig.setApiKey(QStringLiteral("not-the-key"));
    const FaultRig::Run run = rig.cli(payArgs(QStringLiteral("T01KEYBAD1")), 30'000);
    QVERIFY2(run.exitCode == 3, qPrintable(run.out + run.err));
    QVERIFY2(run.err.contains(QLatin1String("refused the credentials")), qPrintable(run.err));
    QCOMPARE(run.err.count(u'\n'), 1);
    QVERIFY(!run.err.contains(QLatin1String("not-the-key")));
}

QTEST_GUILESS_MAIN(tst_CliBlips)
#include "tst_CliBlips.moc"
