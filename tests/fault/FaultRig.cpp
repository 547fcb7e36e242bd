#include "FaultRig.h"

#include <algorithm>

#include <QEventLoop>
#include <QFile>
#include <QJsonDocument>
#include <QNetworkAccessManager>
#include <QNetworkReply>
#include <QTcpServer>
#include <QTimer>

namespace {

// As fast as the CLI allows (PollLimits: no check sooner than 250 ms).
const QString kPoll = QStringLiteral("first=250;phases=8000:250;cap=300;expiry=8000;grace=1500;jitter=10");

QByteArray fetch(const QUrl &url, const QByteArray &method)
{
    QNetworkAccessManager manager;
    QNetworkRequest request(url);
    request.setHeader(QNetworkRequest::ContentTypeHeader, QByteArrayLiteral("application/json"));
    QNetworkReply *reply = method == "POST" ? manager.post(request, QByteArray("{}")) : manager.get(request);
    QEventLoop loop;
    QTimer::singleShot(10'000, &loop, &QEventLoop::quit);
    QObject::connect(reply, &QNetworkReply::finished, &loop, &QEventLoop::quit);
    loop.exec();
    const QByteArray body = reply->error() == QNetworkReply::NoError ? reply->readAll() : QByteArray();
    delete reply;
    return body;
}

} // namespace

FaultRig::FaultRig(const QString &scenario, Start start) : m_scenario(scenario)
{
    // COUNTERPAY_KEEP_FAULT_DIR=1 keeps the ledger and sandbox state for a post-mortem.
    if (qEnvironmentVariableIsSet("COUNTERPAY_KEEP_FAULT_DIR")) {
        m_dir.setAutoRemove(false);
        qInfo().noquote() << "fault rig folder kept:" << m_dir.path();
    }
    if (start == Start::Now) {
        if (launch(0))
            writeProfile();
        return;
    }
    // A port that was free a moment ago; nothing listens on it until startSandbox().
    QTcpServer probe;
    if (!probe.listen(QHostAddress::LocalHost, 0)) {
        m_error = QStringLiteral("no free port on 127.0.0.1");
        return;
    }
    m_base = QUrl(QStringLiteral("http://127.0.0.1:%1").arg(probe.serverPort()));
    probe.close();
    writeProfile();
}

bool FaultRig::launch(quint16 port)
{
    m_sandbox.setProgram(QStringLiteral(COUNTERPAY_SANDBOX_EXE));
    m_sandbox.setArguments({ QStringLiteral("--port"), QString::number(port), QStringLiteral("--scenario"), m_scenario,
                             QStringLiteral("--state"), m_dir.filePath(QStringLiteral("sandbox-state.json")),
                             QStringLiteral("--seed"), QStringLiteral("7") });
    m_sandbox.setProcessChannelMode(QProcess::SeparateChannels);
    // The sandbox logs every request to stderr. Nothing here reads that pipe while the test
    // waits on other processes, so after a few thousand lines the pipe filled, the sandbox
    // blocked in write() and stopped answering: that was the long kill run's "sandbox slowdown".
    // Its log goes to a file instead (kept with COUNTERPAY_KEEP_FAULT_DIR).
    m_sandbox.setStandardErrorFile(m_dir.filePath(QStringLiteral("sandbox.log")), QIODevice::Append);
    m_sandbox.start();
    if (!m_sandbox.waitForStarted(10'000)) {
        m_error = QStringLiteral("sandbox did not start: ") + m_sandbox.errorString();
        return false;
    }
    QByteArray line;
    while (!line.contains('\n') && m_sandbox.waitForReadyRead(10'000))
        line += m_sandbox.readAllStandardOutput();
    line = line.left(line.indexOf('\n')).trimmed();
    if (!line.startsWith("listening on ")) {
        m_error = QStringLiteral("unexpected first line from the sandbox: ") + QString::fromUtf8(line);
        return false;
    }
    m_base = QUrl(QString::fromUtf8(line.mid(13)));
    return true;
}

bool FaultRig::writeProfile()
{
    QFile profile(profilePath());
    if (!profile.open(QIODevice::WriteOnly)) {
        m_error = QStringLiteral("cannot write the profile");
        m_base.clear();
        return false;
    }
    profile.write("[juspay]\nbase_url=" + m_base.toString().toUtf8() + "\nmerchant_id=counterpay_demo\n");
    return true;
}

void FaultRig::stopSandbox()
{
    m_sandbox.terminate();
    if (!m_sandbox.waitForFinished(5000))
        m_sandbox.kill();
    m_sandbox.waitForFinished(2000);
}

bool FaultRig::startSandbox(const QString &scenario)
{
    stopSandbox();
    if (!scenario.isEmpty())
        m_scenario = scenario;
    return launch(quint16(m_base.port()));
}

FaultRig::~FaultRig()
{
    stopSandbox();
}

QStringList FaultRig::cliArguments(const QStringList &args) const
{
    // The CLI refuses an option given twice: a test's own --poll replaces the rig's.
    const bool ownPoll = std::any_of(args.cbegin(), args.cend(),
                                     [](const QString &arg) { return arg == QLatin1String("--poll") || arg.startsWith(QLatin1String("--poll=")); });
    QStringList out { QStringLiteral("--config"), profilePath(), QStringLiteral("--db"), dbPath() };
    if (!ownPoll)
        out << QStringLiteral("--poll") << kPoll;
    return out + args;
}

QProcessEnvironment FaultRig::environment() const
{
    QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
    env.insert(QStringLiteral("COUNTERPAY_JUSPAY_API_KEY"), m_apiKey);
    return env;
}

FaultRig::Run FaultRig::cli(const QStringList &args, int timeoutMs) const
{
    QProcess process;
    process.setProcessEnvironment(environment());
    process.start(QStringLiteral(COUNTERPAY_CLI_EXE), cliArguments(args));
    Run run;
    if (!process.waitForFinished(timeoutMs)) {
        process.kill();
        process.waitForFinished(2000);
        run.crashed = true;
    }
    run.exitCode = process.exitStatus() == QProcess::NormalExit ? process.exitCode() : -1;
    run.out = QString::fromUtf8(process.readAllStandardOutput());
    run.err = QString::fromUtf8(process.readAllStandardError());
    return run;
}

std::unique_ptr<QProcess> FaultRig::startCli(const QStringList &args) const
{
    auto process = std::make_unique<QProcess>();
    process->setProcessEnvironment(environment());
    process->start(QStringLiteral(COUNTERPAY_CLI_EXE), cliArguments(args));
    process->waitForStarted(10'000);
    return process;
}

QJsonArray FaultRig::sandboxOrders() const
{
    return QJsonDocument::fromJson(fetch(m_base.resolved(QUrl(QStringLiteral("/__sandbox/orders"))), "GET")).array();
}

bool FaultRig::control(const QString &orderId, const QString &action) const
{
    return !fetch(m_base.resolved(QUrl(QStringLiteral("/__sandbox/orders/%1/%2").arg(orderId, action))), "POST").isEmpty();
}

QList<QJsonObject> FaultRig::jsonLines(const QString &out)
{
    QList<QJsonObject> lines;
    for (const QString &line : out.split(u'\n', Qt::SkipEmptyParts)) {
        const QJsonDocument document = QJsonDocument::fromJson(line.toUtf8());
        if (document.isObject())
            lines.append(document.object());
    }
    return lines;
}

QString FaultRig::sqlite(const QString &db, const QString &sql)
{
    QProcess shell;
    shell.start(QStringLiteral("sqlite3"), { db, sql });
    shell.waitForFinished(30'000);
    return QString::fromUtf8(shell.readAllStandardOutput()).trimmed();
}
