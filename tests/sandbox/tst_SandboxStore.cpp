// SandboxStore and --state: atomic save and reload, a corrupt file refused and left untouched,
// and state surviving a restart of the real counterpay-sandbox executable.

#include "SandboxTestClient.h"

#include "sandbox/SandboxStore.h"

#include <QProcess>
#include <QTemporaryDir>
#include <QtTest>

using namespace Qt::StringLiterals;

class tst_SandboxStore : public QObject
{
    Q_OBJECT

private slots:
    void saveAndLoad_roundTrip();
    void corruptFile_refusedAndUntouched_data();
    void corruptFile_refusedAndUntouched();
    void executable_stateSurvivesRestart();
    void changesAreBatchedThenWritten();
    void executable_refusesCorruptState();
    void executable_helpDocumentsEverything();

private:
    // Starts the executable and reads its "listening on" line; empty URL on failure.
    QUrl startSandbox(QProcess &process, const QStringList &arguments);
};

void tst_SandboxStore::saveAndLoad_roundTrip()
{
    QTemporaryDir dir;
    const QString path = dir.filePath(u"state.json"_s);
    SandboxOrder order;
    order.provider = SandboxOrder::Provider::GooglePay;
    order.id = u"G1"_s;
    order.amountMinor = 14950;
    order.currency = u"INR"_s;
    order.state = PaymentState::Charged;
    order.charges = 1;
    order.created = order.updated = QDateTime::currentDateTimeUtc();
    order.udfs = QStringList(10, QString());
    order.refunds.append(SandboxRefund { u"r1"_s, u"u1"_s, 500, order.created });
    {
        SandboxStore store(path);
        QVERIFY(store.load().ok());
        store.put(order);
        store.addToken(u"tok"_s, u"google"_s, QDateTime::currentDateTimeUtc().addSecs(60));
        store.setKeys(QJsonObject { { u"k"_s, u"v"_s } });
    }
    QVERIFY(QFile::exists(path));
    QCOMPARE(QFile::permissions(path) & (QFileDevice::ReadOther | QFileDevice::ReadGroup),
        QFileDevice::Permissions());
    SandboxStore reloaded(path);
    const Result<bool> loaded = reloaded.load();
    QVERIFY(loaded.ok());
    QVERIFY(loaded.value());
    const auto back = reloaded.find(order.key());
    QVERIFY(back.has_value());
    QCOMPARE(back->amountMinor, 14950);
    QCOMPARE(back->state, PaymentState::Charged);
    QCOMPARE(back->charges, 1);
    QCOMPARE(back->refundedMinor(), 500);
    QVERIFY(reloaded.isTokenValid(u"tok"_s, u"google"_s, QDateTime::currentDateTimeUtc()));
    QVERIFY(!reloaded.isTokenValid(u"tok"_s, u"cm"_s, QDateTime::currentDateTimeUtc()));
    QCOMPARE(reloaded.keys().value(u"k"_s).toString(), u"v"_s);
}

void tst_SandboxStore::changesAreBatchedThenWritten()
{
    QTemporaryDir dir;
    const QString path = dir.filePath(u"state.json"_s);
    SandboxStore store(path);
    QVERIFY(store.load().ok());
    const auto orderNamed = [](const QString &id) {
        SandboxOrder order;
        order.provider = SandboxOrder::Provider::Juspay;
        order.id = id;
        order.amountMinor = 100;
        order.currency = u"INR"_s;
        order.created = order.updated = QDateTime::currentDateTimeUtc();
        order.udfs = QStringList(10, QString());
        return order;
    };
    const auto savedOrders = [&path] {
        QFile file(path);
        if (!file.open(QIODevice::ReadOnly))
            return qsizetype(-1);
        return QJsonDocument::fromJson(file.readAll()).object().value(u"orders"_s).toArray().size();
    };
    // A burst of changes is one write, a moment later (not one rewrite and fsync each).
    for (int i = 0; i < 50; ++i)
        store.put(orderNamed(u"B%1"_s.arg(i)));
    QCOMPARE(savedOrders(), qsizetype(-1));
    QTRY_COMPARE_WITH_TIMEOUT(savedOrders(), qsizetype(50), 5000);
    // flush() writes what is pending at once.
    store.put(orderNamed(u"LAST"_s));
    QCOMPARE(savedOrders(), qsizetype(50));
    store.flush();
    QCOMPARE(savedOrders(), qsizetype(51));

    // Keys read back unchanged at a restart are not written again (no rewrite, no fsync).
    store.setKeys(QJsonObject { { u"k"_s, u"v"_s } });
    QVERIFY(QFile::exists(path));
    QVERIFY(QFile::remove(path));
    store.setKeys(QJsonObject { { u"k"_s, u"v"_s } });
    QVERIFY(!QFile::exists(path));
    store.setKeys(QJsonObject { { u"k"_s, u"w"_s } }); // changed keys are written at once
    QVERIFY(QFile::exists(path));
}

void tst_SandboxStore::corruptFile_refusedAndUntouched_data()
{
    QTest::addColumn<QByteArray>("content");
    QTest::newRow("not json") << QByteArray("{ this is not json");
    QTest::newRow("array") << QByteArray("[]");
    QTest::newRow("other format") << QByteArray(R"({"format":"something","version":1})");
    QTest::newRow("bad order") << QByteArray(
        R"({"format":"counterpay-sandbox-state","version":1,"orders":[{"provider":"juspay","id":"A","amount_minor":-5,"currency":"INR","state":"charged"}]})");
}

void tst_SandboxStore::corruptFile_refusedAndUntouched()
{
    QFETCH(QByteArray, content);
    QTemporaryDir dir;
    const QString path = dir.filePath(u"state.json"_s);
    QFile file(path);
    QVERIFY(file.open(QIODevice::WriteOnly));
    file.write(content);
    file.close();
    SandboxStore store(path);
    const Result<bool> loaded = store.load();
    QVERIFY(!loaded.ok());
    QCOMPARE(loaded.errorCode(), u"sandbox_state_corrupt"_s);
    QVERIFY(loaded.errorMessage().contains(path));
    SandboxOrder order;
    order.id = u"A"_s;
    order.currency = u"INR"_s;
    store.put(order); // must not overwrite the refused file
    QVERIFY(file.open(QIODevice::ReadOnly));
    QCOMPARE(file.readAll(), content);
}

QUrl tst_SandboxStore::startSandbox(QProcess &process, const QStringList &arguments)
{
    process.setProgram(QStringLiteral(COUNTERPAY_SANDBOX_EXE));
    process.setArguments(arguments);
    process.start();
    if (!process.waitForStarted(10000))
        return {};
    QByteArray line;
    QElapsedTimer timer;
    timer.start();
    while (
        !line.contains('\n') && timer.elapsed() < 20000 && process.state() == QProcess::Running) {
        process.waitForReadyRead(1000);
        line += process.readAllStandardOutput();
    }
    const QByteArray first = line.left(line.indexOf('\n'));
    if (!first.startsWith("listening on "))
        return {};
    return QUrl(QString::fromUtf8(first.mid(13)));
}

void tst_SandboxStore::executable_stateSurvivesRestart()
{
    QTemporaryDir dir;
    const QString state = dir.filePath(u"sandbox-state.json"_s);
    QString serviceAccount;
    {
        QProcess process;
        const QUrl url = startSandbox(
            process, { u"--port"_s, u"0"_s, u"--state"_s, state, u"--seed"_s, u"7"_s });
        QVERIFY(url.isValid());
        QCOMPARE(url.host(), u"127.0.0.1"_s);
        SandboxTestClient client(url);
        QCOMPARE(client.startJuspayPush(u"ST01"_s).status, 200);
        QCOMPARE(
            client.post(u"/__sandbox/orders/ST01/approve"_s, {}, "application/json").status, 200);
        serviceAccount = client.get(u"/__sandbox/keys/google-service-account.json"_s)
                             .json()
                             .value(u"private_key_id"_s)
                             .toString();
        process.terminate(); // SIGTERM: a clean exit
        QVERIFY(process.waitForFinished(10000));
        QCOMPARE(process.exitStatus(), QProcess::NormalExit);
        QCOMPARE(process.exitCode(), 0);
    }
    QProcess process;
    const QUrl url = startSandbox(process, { u"--state"_s, state });
    QVERIFY(url.isValid());
    SandboxTestClient client(url);
    const QJsonObject status
        = client.get(u"/orders/ST01"_s, SandboxTestClient::juspayAuth()).json();
    QCOMPARE(status.value(u"status"_s).toString(), u"CHARGED"_s);
    const QJsonArray orders = client.get(u"/__sandbox/orders"_s).jsonArray();
    QCOMPARE(orders.size(), 1);
    QCOMPARE(orders.first().toObject().value(u"charges"_s).toInt(), 1);
    // The keys are kept, so a client's copy of the service account stays valid.
    QCOMPARE(client.get(u"/__sandbox/keys/google-service-account.json"_s)
                 .json()
                 .value(u"private_key_id"_s)
                 .toString(),
        serviceAccount);
    process.terminate();
    QVERIFY(process.waitForFinished(10000));
}

void tst_SandboxStore::executable_refusesCorruptState()
{
    QTemporaryDir dir;
    const QString state = dir.filePath(u"broken.json"_s);
    QFile file(state);
    QVERIFY(file.open(QIODevice::WriteOnly));
    file.write("{ broken");
    file.close();
    QProcess process;
    process.start(QStringLiteral(COUNTERPAY_SANDBOX_EXE), { u"--state"_s, state });
    QVERIFY(process.waitForFinished(20000));
    QVERIFY(process.exitCode() != 0);
    QVERIFY(process.readAllStandardError().contains("broken.json"));
    QVERIFY(process.readAllStandardOutput().isEmpty());
    QVERIFY(file.open(QIODevice::ReadOnly));
    QCOMPARE(file.readAll(), QByteArray("{ broken"));
}

void tst_SandboxStore::executable_helpDocumentsEverything()
{
    QProcess process;
    process.start(QStringLiteral(COUNTERPAY_SANDBOX_EXE), { u"--help"_s });
    QVERIFY(process.waitForFinished(10000));
    const QByteArray help = process.readAllStandardOutput();
    for (const char *needle :
        { "--port", "--tls", "--scenario", "--seed", "--state", "--merchant-id", "--api-key",
            "--cm-client-id", "--cm-client-secret", "approve-after:MS", "decline-after:MS",
            "expire-after:MS", "never", "flaky:K", "slow:MS", "garbled", "truncated",
            "drop-after-commit", "sandbox-juspay-key", "sandbox-cm-secret", "/__sandbox/orders",
            "/approve", "google-service-account.json", "listening on" }) {
        QVERIFY2(help.contains(needle), needle);
    }
}

QTEST_GUILESS_MAIN(tst_SandboxStore)
#include "tst_SandboxStore.moc"
