// counterpay-cli and the providers a profile configures, with real processes: a
// counterpay-sandbox on 127.0.0.1 (tests/fault's FaultRig), a profile naming wallets, the real
// CLI against a real SQLite ledger.
// - [juspay] wallets=GOPAY,PAYTM makes juspay-wallet:GOPAY (POST authentication at the sandbox)
//   and juspay-wallet:PAYTM (GET) configured providers: paid, checked and refunded end to end.
// - A provider the profile cannot set up (CRED without its public key) is mentioned only when
//   it is asked for.
#include "FaultRig.h"

#include <QEventLoop>
#include <QFile>
#include <QJsonDocument>
#include <QJsonObject>
#include <QNetworkAccessManager>
#include <QNetworkReply>
#include <QTest>
#include <QTimer>
#include <QUrlQuery>

namespace {

struct Page
{
    int status = 0;
    QByteArray body;
};

// What the customer's browser does with the authentication step: a GET of the URL, or a POST
// of the form fields.
Page open(const QUrl &url, const QByteArray &method, const QByteArray &form = {})
{
    QNetworkAccessManager manager;
    QNetworkRequest request(url);
    request.setHeader(QNetworkRequest::ContentTypeHeader, QByteArrayLiteral("application/x-www-form-urlencoded"));
    QNetworkReply *reply = method == "POST" ? manager.post(request, form) : manager.get(request);
    QEventLoop loop;
    QTimer::singleShot(10'000, &loop, &QEventLoop::quit);
    QObject::connect(reply, &QNetworkReply::finished, &loop, &QEventLoop::quit);
    loop.exec();
    Page page { reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt(), reply->readAll() };
    delete reply;
    return page;
}

QJsonObject sandboxOrder(const FaultRig &rig, const QString &orderId)
{
    for (const QJsonValue &value : rig.sandboxOrders()) {
        if (value.toObject().value(QLatin1String("order_id")).toString() == orderId)
            return value.toObject();
    }
    return {};
}

} // namespace

class tst_CliProviders final : public QObject
{
    Q_OBJECT

private slots:
    void walletIsChargedCheckedAndRefunded_data();
    void walletIsChargedCheckedAndRefunded();
    void walletsKeyIsChecked();
    void skippedProviderIsMentionedOnlyWhenAskedFor();
};

void tst_CliProviders::walletIsChargedCheckedAndRefunded_data()
{
    QTest::addColumn<QString>("wallet");
    QTest::addColumn<QString>("authMethod");
    QTest::newRow("GOPAY, POST authentication") << QStringLiteral("GOPAY") << QStringLiteral("POST");
    QTest::newRow("PAYTM, GET authentication") << QStringLiteral("PAYTM") << QStringLiteral("GET");
}

void tst_CliProviders::walletIsChargedCheckedAndRefunded()
{
    QFETCH(QString, wallet);
    QFETCH(QString, authMethod);
    FaultRig rig(QStringLiteral("manual"));
    QVERIFY2(rig.ok(), qPrintable(rig.error()));
    {
        QFile profile(rig.profilePath());
        QVERIFY(profile.open(QIODevice::Append));
        profile.write("wallets=GOPAY,PAYTM\n");
    }
    const QString provider = QStringLiteral("juspay-wallet:") + wallet;
    const QString orderId = QStringLiteral("T01WALLET") + wallet;

    // A wallet needs no mobile (the customer signs in on the wallet's page), and its name may
    // be typed in lower case.
    auto pay = rig.startCli({ QStringLiteral("pay"), QStringLiteral("--provider"), provider.toLower(), QStringLiteral("--amount"),
                              QStringLiteral("149.50"), QStringLiteral("--order-id"), orderId, QStringLiteral("--wait"),
                              QStringLiteral("--json") });
    // The inline order: one POST /txns creates the order and its transaction at the sandbox.
    QTRY_VERIFY_WITH_TIMEOUT(sandboxOrder(rig, orderId).value(QLatin1String("txns")).toInt() == 1, 10'000);
    QString out;
    QJsonObject awaiting;
    QTRY_VERIFY_WITH_TIMEOUT(([&] {
                                 out += QString::fromUtf8(pay->readAllStandardOutput());
                                 for (const QJsonObject &line : FaultRig::jsonLines(out)) {
                                     if (line.value(QLatin1String("state")).toString() == QLatin1String("awaiting_customer"))
                                         awaiting = line;
                                 }
                                 return !awaiting.isEmpty();
                             }()),
                             10'000);
    QCOMPARE(awaiting.value(QLatin1String("provider")).toString(), provider);
    QVERIFY2(awaiting.value(QLatin1String("message")).toString().contains(QStringLiteral("authenticate with ") + authMethod),
             qPrintable(out));

    // The customer's browser takes the authentication step as the gateway said.
    const QUrl authUrl(awaiting.value(QLatin1String("auth_url")).toString());
    QVERIFY2(authUrl.toString().startsWith(rig.base().toString()), qPrintable(authUrl.toString()));
    QUrlQuery form;
    form.addQueryItem(QStringLiteral("txn_uuid"), authUrl.path().section(u'/', -1));
    const Page page = open(authUrl, authMethod.toLatin1(), form.toString(QUrl::FullyEncoded).toUtf8());
    QCOMPARE(page.status, 200);
    QVERIFY(page.body.contains(orderId.toUtf8()));

    QVERIFY(rig.control(orderId, QStringLiteral("approve")));
    QVERIFY(pay->waitForFinished(30'000));
    out += QString::fromUtf8(pay->readAllStandardOutput());
    QVERIFY2(pay->exitCode() == 0, pay->readAllStandardError().constData());
    const QJsonObject paid = FaultRig::jsonLines(out).last();
    QCOMPARE(paid.value(QLatin1String("state")).toString(), QStringLiteral("charged"));
    QCOMPARE(paid.value(QLatin1String("verified")).toBool(), true);
    QCOMPARE(paid.value(QLatin1String("provider_status")).toString(), QStringLiteral("CHARGED"));

    const FaultRig::Run status = rig.cli({ QStringLiteral("status"), QStringLiteral("--order-id"), orderId, QStringLiteral("--json") });
    QVERIFY2(status.exitCode == 0, qPrintable(status.err));
    QCOMPARE(FaultRig::jsonLines(status.out).last().value(QLatin1String("state")).toString(), QStringLiteral("charged"));

    const FaultRig::Run refund = rig.cli({ QStringLiteral("refund"), QStringLiteral("--order-id"), orderId,
                                           QStringLiteral("--amount"), QStringLiteral("49.50"), QStringLiteral("--json") });
    QVERIFY2(refund.exitCode == 0, qPrintable(refund.err));
    QCOMPARE(FaultRig::jsonLines(refund.out).last().value(QLatin1String("state")).toString(), QStringLiteral("partially_refunded"));
    const QJsonObject atSandbox = sandboxOrder(rig, orderId);
    QCOMPARE(atSandbox.value(QLatin1String("charges")).toInt(), 1);
    QCOMPARE(atSandbox.value(QLatin1String("amount_refunded")).toInt(), 4950);
    QCOMPARE(FaultRig::sqlite(rig.dbPath(), QStringLiteral("SELECT provider FROM orders")), provider);
    // The history says what is left of the sale, as the Z report counts it.
    const FaultRig::Run history = rig.cli({ QStringLiteral("history"), QStringLiteral("--json") });
    QCOMPARE(history.exitCode, 0);
    const QJsonObject listed = FaultRig::jsonLines(history.out).last();
    QCOMPARE(listed.value(QLatin1String("order_id")).toString(), orderId);
    QCOMPARE(listed.value(QLatin1String("refunded")).toString(), QStringLiteral("49.50"));
    QCOMPARE(listed.value(QLatin1String("net")).toString(), QStringLiteral("100.00"));
}

void tst_CliProviders::walletsKeyIsChecked()
{
    FaultRig rig(QStringLiteral("manual"));
    QVERIFY2(rig.ok(), qPrintable(rig.error()));
    {
        QFile profile(rig.profilePath());
        QVERIFY(profile.open(QIODevice::Append));
        profile.write("wallets=GOPAY,go pay\n");
    }
    const FaultRig::Run run = rig.cli({ QStringLiteral("pay"), QStringLiteral("--provider"), QStringLiteral("juspay-wallet:GOPAY"),
                                        QStringLiteral("--amount"), QStringLiteral("1.00"), QStringLiteral("--mobile"),
                                        QStringLiteral("9876543210") });
    QCOMPARE(run.exitCode, 2);
    const QStringList lines = run.err.trimmed().split(u'\n');
    QCOMPARE(lines.size(), 1);
    QVERIFY2(lines.first().contains(rig.profilePath()) && lines.first().contains(QLatin1String("[juspay] wallets"))
                     && lines.first().contains(QLatin1String("'go pay'")),
             qPrintable(run.err));
    QVERIFY(rig.sandboxOrders().isEmpty());
}

void tst_CliProviders::skippedProviderIsMentionedOnlyWhenAskedFor()
{
    // The rig's profile has a [juspay] section without cred_public_key_file: CRED cannot be set up.
    FaultRig rig(QStringLiteral("manual"));
    QVERIFY2(rig.ok(), qPrintable(rig.error()));
    const auto pay = [&rig](const QString &provider) {
        return rig.cli({ QStringLiteral("pay"), QStringLiteral("--provider"), provider, QStringLiteral("--amount"),
                         QStringLiteral("1.00"), QStringLiteral("--mobile"), QStringLiteral("9876543210"),
                         QStringLiteral("--json") });
    };
    const FaultRig::Run gpay = pay(QStringLiteral("juspay-gpay"));
    QVERIFY2(gpay.exitCode == 0, qPrintable(gpay.err));
    QVERIFY2(gpay.err.isEmpty(), qPrintable(gpay.err)); // nothing is wrong: nothing is said

    const FaultRig::Run history = rig.cli({ QStringLiteral("history"), QStringLiteral("--json") });
    QCOMPARE(history.exitCode, 0);
    QVERIFY2(!history.err.contains(QLatin1String("cred_public_key_file")), qPrintable(history.err));

    const FaultRig::Run cred = pay(QStringLiteral("juspay-cred"));
    QCOMPARE(cred.exitCode, 2);
    // One line, before anything is written: why the method cannot be used.
    QVERIFY2(cred.err.startsWith(QLatin1String("counterpay-cli: juspay-cred cannot be used: "))
                     && cred.err.contains(QLatin1String("cred_public_key_file")),
             qPrintable(cred.err));
    QCOMPARE(cred.err.count(u'\n'), 1);
    QCOMPARE(cred.err.count(QLatin1String("cred_public_key_file")), 1);
}

QTEST_GUILESS_MAIN(tst_CliProviders)
#include "tst_CliProviders.moc"
