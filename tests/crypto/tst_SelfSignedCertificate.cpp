#include "crypto/SelfSignedCertificate.h"

#include "OpenSslCli.h"
#include "crypto/RsaKey.h"

#include <QSignalSpy>
#include <QSslCertificate>
#include <QSslConfiguration>
#include <QSslKey>
#include <QSslSocket>
#include <QTcpServer>
#include <QTemporaryDir>
#include <QTest>

namespace {

// Qt 6.4 has no QSslServer: hand each accepted descriptor to a QSslSocket in server mode.
class TlsServer : public QTcpServer
{
public:
    TlsServer(QSslCertificate certificate, QSslKey key)
        : m_certificate(std::move(certificate))
        , m_key(std::move(key))
    { }

    QList<QSslSocket *> sockets;

protected:
    void incomingConnection(qintptr descriptor) override
    {
        auto *socket = new QSslSocket(this);
        if (!socket->setSocketDescriptor(descriptor)) {
            delete socket;
            return;
        }
        socket->setLocalCertificate(m_certificate);
        socket->setPrivateKey(m_key);
        sockets.append(socket);
        socket->startServerEncryption();
    }

private:
    QSslCertificate m_certificate;
    QSslKey m_key;
};

} // namespace

class tst_SelfSignedCertificate : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();
    void pemShapes();
    void leafExtensions();
    void caExtensions();
    void cliVerifiesLeafAgainstCa();
    void cliRejectsWrongCaOrName();
    void keyMatchesLeaf();
    void customNamesAndValidity();
    void badArguments_data();
    void badArguments();
    void tlsHandshake_data();
    void tlsHandshake();

private:
    QString write(const QString &name, const QByteArray &data);
    QByteArray text(const QString &path);

    QTemporaryDir m_dir;
    QByteArray m_caPem;
    QByteArray m_leafPem;
    QByteArray m_keyPem;
    QString m_caPath;
    QString m_leafPath;
};

QString tst_SelfSignedCertificate::write(const QString &name, const QByteArray &data)
{
    return OpenSslCli::writeFile(m_dir.path(), name, data);
}

QByteArray tst_SelfSignedCertificate::text(const QString &path)
{
    const OpenSslCli::Run run = OpenSslCli::run({ QStringLiteral("x509"), QStringLiteral("-in"),
        path, QStringLiteral("-noout"), QStringLiteral("-text") });
    return run.finished && run.exitCode == 0 ? run.standardOutput : QByteArray();
}

void tst_SelfSignedCertificate::initTestCase()
{
    QVERIFY(m_dir.isValid());
    QVERIFY2(!OpenSslCli::program().isEmpty(), "the openssl command-line tool is not on PATH");
    const Result<SelfSignedCertificate> pair
        = SelfSignedCertificate::create(QStringLiteral("CounterPay sandbox"));
    QVERIFY2(pair.ok(), qPrintable(pair.errorMessage()));
    m_caPem = pair->caCertificatePem();
    m_leafPem = pair->certificatePem();
    m_keyPem = pair->privateKeyPem();
    m_caPath = write(QStringLiteral("ca.pem"), m_caPem);
    m_leafPath = write(QStringLiteral("leaf.pem"), m_leafPem);
    QVERIFY(!m_caPath.isEmpty() && !m_leafPath.isEmpty());
}

void tst_SelfSignedCertificate::pemShapes()
{
    QVERIFY(m_caPem.startsWith("-----BEGIN CERTIFICATE-----\n"));
    QVERIFY(m_leafPem.startsWith("-----BEGIN CERTIFICATE-----\n"));
    QVERIFY(m_keyPem.startsWith("-----BEGIN PRIVATE KEY-----\n"));
    QVERIFY(m_caPem != m_leafPem);
    QVERIFY(SelfSignedCertificate().isNull());
    QVERIFY(SelfSignedCertificate().certificatePem().isEmpty());
}

void tst_SelfSignedCertificate::leafExtensions()
{
    const QByteArray leaf = text(m_leafPath);
    QVERIFY(!leaf.isEmpty());
    QVERIFY2(leaf.contains("DNS:localhost"), leaf.constData());
    QVERIFY2(leaf.contains("IP Address:127.0.0.1"), leaf.constData());
    QVERIFY(leaf.contains("TLS Web Server Authentication"));
    QVERIFY(leaf.contains("CA:FALSE"));
    QVERIFY(leaf.contains("Subject: O = CounterPay Sandbox, CN = CounterPay sandbox"));
    QVERIFY(leaf.contains("Issuer: O = CounterPay Sandbox, CN = CounterPay Sandbox CA "));
    QVERIFY(leaf.contains("Signature Algorithm: sha256WithRSAEncryption"));
    QVERIFY(leaf.contains("Public-Key: (2048 bit)"));
    QVERIFY(leaf.contains("Version: 3 (0x2)"));
}

void tst_SelfSignedCertificate::caExtensions()
{
    const QByteArray ca = text(m_caPath);
    QVERIFY(!ca.isEmpty());
    QVERIFY2(ca.contains("CA:TRUE"), ca.constData());
    QVERIFY(ca.contains("Certificate Sign"));
    QVERIFY(!ca.contains("IP Address:"));
}

void tst_SelfSignedCertificate::cliVerifiesLeafAgainstCa()
{
    const OpenSslCli::Run run
        = OpenSslCli::run({ QStringLiteral("verify"), QStringLiteral("-CAfile"), m_caPath,
            QStringLiteral("-purpose"), QStringLiteral("sslserver"), QStringLiteral("-verify_ip"),
            QStringLiteral("127.0.0.1"), m_leafPath });
    QVERIFY2(run.finished && run.exitCode == 0, run.standardError.constData());
    QCOMPARE(run.standardOutput.trimmed(), QByteArray(m_leafPath.toLocal8Bit() + ": OK"));

    const OpenSslCli::Run byName
        = OpenSslCli::run({ QStringLiteral("verify"), QStringLiteral("-CAfile"), m_caPath,
            QStringLiteral("-verify_hostname"), QStringLiteral("localhost"), m_leafPath });
    QVERIFY2(byName.finished && byName.exitCode == 0, byName.standardError.constData());
}

void tst_SelfSignedCertificate::cliRejectsWrongCaOrName()
{
    const Result<SelfSignedCertificate> other
        = SelfSignedCertificate::create(QStringLiteral("CounterPay sandbox"));
    QVERIFY(other.ok());
    const QString otherCa = write(QStringLiteral("other_ca.pem"), other->caCertificatePem());
    const OpenSslCli::Run wrongCa = OpenSslCli::run(
        { QStringLiteral("verify"), QStringLiteral("-CAfile"), otherCa, m_leafPath });
    QVERIFY(wrongCa.finished);
    QVERIFY(wrongCa.exitCode != 0);

    const OpenSslCli::Run wrongHost
        = OpenSslCli::run({ QStringLiteral("verify"), QStringLiteral("-CAfile"), m_caPath,
            QStringLiteral("-verify_hostname"), QStringLiteral("example.com"), m_leafPath });
    QVERIFY(wrongHost.finished);
    QVERIFY(wrongHost.exitCode != 0);

    const OpenSslCli::Run wrongIp
        = OpenSslCli::run({ QStringLiteral("verify"), QStringLiteral("-CAfile"), m_caPath,
            QStringLiteral("-verify_ip"), QStringLiteral("127.0.0.2"), m_leafPath });
    QVERIFY(wrongIp.finished);
    QVERIFY(wrongIp.exitCode != 0);
}

void tst_SelfSignedCertificate::keyMatchesLeaf()
{
    const Result<RsaKey> key = RsaKey::fromPem(m_keyPem);
    QVERIFY2(key.ok(), qPrintable(key.errorMessage()));
    QVERIFY(key->hasPrivateKey());
    const OpenSslCli::Run run = OpenSslCli::run({ QStringLiteral("x509"), QStringLiteral("-in"),
        m_leafPath, QStringLiteral("-noout"), QStringLiteral("-pubkey") });
    QVERIFY2(run.finished && run.exitCode == 0, run.standardError.constData());
    QCOMPARE(run.standardOutput, key->publicKeyPem());
}

void tst_SelfSignedCertificate::customNamesAndValidity()
{
    const Result<SelfSignedCertificate> pair
        = SelfSignedCertificate::create(QStringLiteral("till-7"),
            { QStringLiteral("counterpay.local"), QStringLiteral("*.shop.counterpay.local") },
            { QStringLiteral("127.0.0.1"), QStringLiteral("::1") }, 2);
    QVERIFY2(pair.ok(), qPrintable(pair.errorMessage()));
    const QString ca = write(QStringLiteral("custom_ca.pem"), pair->caCertificatePem());
    const QString leaf = write(QStringLiteral("custom_leaf.pem"), pair->certificatePem());

    const QStringList checks[] = {
        { QStringLiteral("-verify_ip"), QStringLiteral("::1") },
        { QStringLiteral("-verify_hostname"), QStringLiteral("counterpay.local") },
        { QStringLiteral("-verify_hostname"), QStringLiteral("till.shop.counterpay.local") },
    };
    for (const QStringList &check : checks) {
        const OpenSslCli::Run run = OpenSslCli::run(
            QStringList { QStringLiteral("verify"), QStringLiteral("-CAfile"), ca } + check
            + QStringList { leaf });
        QVERIFY2(run.finished && run.exitCode == 0, qPrintable(check.join(u' ')));
    }
    const OpenSslCli::Run noLocalhost
        = OpenSslCli::run({ QStringLiteral("verify"), QStringLiteral("-CAfile"), ca,
            QStringLiteral("-verify_hostname"), QStringLiteral("localhost"), leaf });
    QVERIFY(noLocalhost.finished && noLocalhost.exitCode != 0);

    // Valid for 2 days: still valid in 1 day, expired in 3.
    const auto checkend = [&](int seconds) {
        return OpenSslCli::run(
            { QStringLiteral("x509"), QStringLiteral("-in"), leaf, QStringLiteral("-noout"),
                QStringLiteral("-checkend"), QString::number(seconds) })
            .exitCode;
    };
    QCOMPARE(checkend(86400), 0);
    QCOMPARE(checkend(3 * 86400), 1);
}

void tst_SelfSignedCertificate::badArguments_data()
{
    QTest::addColumn<QString>("commonName");
    QTest::addColumn<QStringList>("dnsNames");
    QTest::addColumn<QStringList>("ipAddresses");
    QTest::addColumn<int>("validDays");
    QTest::addColumn<QString>("code");

    const QString cn = QStringLiteral("sandbox");
    const QStringList dns { QStringLiteral("localhost") };
    const QStringList ip { QStringLiteral("127.0.0.1") };
    const QString badName = QStringLiteral("cert_bad_name");

    QTest::newRow("empty CN") << QString() << dns << ip << 30 << badName;
    QTest::newRow("CN too long") << QString(65, u'x') << dns << ip << 30 << badName;
    QTest::newRow("no names") << cn << QStringList() << QStringList() << 30 << badName;
    QTest::newRow("DNS with space")
        << cn << QStringList { QStringLiteral("local host") } << ip << 30 << badName;
    QTest::newRow("DNS config injection")
        << cn << QStringList { QStringLiteral("localhost,IP:10.0.0.1") } << ip << 30 << badName;
    QTest::newRow("DNS empty") << cn << QStringList { QString() } << ip << 30 << badName;
    QTest::newRow("IP out of range")
        << cn << dns << QStringList { QStringLiteral("999.1.1.1") } << 30 << badName;
    QTest::newRow("IP is a name") << cn << dns << QStringList { QStringLiteral("localhost") } << 30
                                  << badName;
    QTest::newRow("zero days") << cn << dns << ip << 0 << QStringLiteral("cert_bad_validity");
    QTest::newRow("too many days")
        << cn << dns << ip << 3651 << QStringLiteral("cert_bad_validity");
}

void tst_SelfSignedCertificate::badArguments()
{
    QFETCH(QString, commonName);
    QFETCH(QStringList, dnsNames);
    QFETCH(QStringList, ipAddresses);
    QFETCH(int, validDays);
    QFETCH(QString, code);

    const Result<SelfSignedCertificate> pair
        = SelfSignedCertificate::create(commonName, dnsNames, ipAddresses, validDays);
    QVERIFY(!pair.ok());
    QCOMPARE(pair.errorCode(), code);
    QVERIFY(!pair.errorMessage().isEmpty());
}

void tst_SelfSignedCertificate::tlsHandshake_data()
{
    QTest::addColumn<bool>("trustCa");
    QTest::addColumn<QString>("peerName");
    QTest::addColumn<bool>("expectEncrypted");

    QTest::newRow("CA trusted, 127.0.0.1") << true << QStringLiteral("127.0.0.1") << true;
    QTest::newRow("CA trusted, localhost") << true << QStringLiteral("localhost") << true;
    QTest::newRow("CA not trusted") << false << QStringLiteral("127.0.0.1") << false;
    QTest::newRow("CA trusted, wrong name") << true << QStringLiteral("example.com") << false;
}

void tst_SelfSignedCertificate::tlsHandshake()
{
    QFETCH(bool, trustCa);
    QFETCH(QString, peerName);
    QFETCH(bool, expectEncrypted);

    // CounterPay cannot work without TLS, so a missing backend is a failure, not a skip.
    QVERIFY2(QSslSocket::supportsSsl(), "Qt has no TLS backend (install the OpenSSL 3 runtime)");

    const QSslKey key(m_keyPem, QSsl::Rsa, QSsl::Pem, QSsl::PrivateKey);
    QVERIFY(!key.isNull());
    const QSslCertificate leaf(m_leafPem, QSsl::Pem);
    const QSslCertificate ca(m_caPem, QSsl::Pem);
    QVERIFY(!leaf.isNull() && !ca.isNull());

    TlsServer server(leaf, key);
    QVERIFY(server.listen(QHostAddress::LocalHost, 0));

    QSslSocket client;
    QSslConfiguration config = QSslConfiguration::defaultConfiguration();
    // Only our CA (or, for the negative case, nothing the leaf chains to) and full checks.
    config.setCaCertificates(trustCa ? QList<QSslCertificate> { ca } : QList<QSslCertificate>());
    config.setPeerVerifyMode(QSslSocket::VerifyPeer);
    client.setSslConfiguration(config);

    QSignalSpy encrypted(&client, &QSslSocket::encrypted);
    QSignalSpy failed(&client, &QSslSocket::errorOccurred);
    QSignalSpy sslErrors(&client, &QSslSocket::sslErrors);
    client.connectToHostEncrypted(QStringLiteral("127.0.0.1"), server.serverPort(), peerName);
    QTRY_VERIFY_WITH_TIMEOUT(encrypted.count() + failed.count() > 0, 15000);

    if (expectEncrypted) {
        QVERIFY2(encrypted.count() == 1,
            qPrintable(
                client.errorString() + u' ' + QString::number(sslErrors.count()) + u" TLS errors"));
        QCOMPARE(client.peerCertificate(), leaf);
        // Data flows both ways once the handshake is done.
        QTRY_VERIFY_WITH_TIMEOUT(
            !server.sockets.isEmpty() && server.sockets.constFirst()->isEncrypted(), 5000);
        client.write("ping");
        QSslSocket *serverSide = server.sockets.constFirst();
        QTRY_COMPARE_WITH_TIMEOUT(serverSide->bytesAvailable(), qint64(4), 5000);
        QCOMPARE(serverSide->readAll(), QByteArray("ping"));
    } else {
        QCOMPARE(encrypted.count(), 0);
        QVERIFY(sslErrors.count() > 0);
        QVERIFY(!client.isEncrypted());
    }
}

QTEST_GUILESS_MAIN(tst_SelfSignedCertificate)
#include "tst_SelfSignedCertificate.moc"
