#pragma once

#include <QJsonArray>
#include <QJsonObject>
#include <QProcess>
#include <QProcessEnvironment>
#include <QString>
#include <QStringList>
#include <QTemporaryDir>
#include <QUrl>

#include <memory>

// Real processes for fault tests: a counterpay-sandbox with --state, a profile pointing at it,
// and counterpay-cli runs against a real ledger file.
class FaultRig
{
public:
    struct Run
    {
        int exitCode = -1;
        QString out;
        QString err;
        bool crashed = false;
    };

    // Starts a sandbox with `scenario` on a free port. With Start::Later nothing listens yet:
    // the profile already names a free port, and startSandbox() brings the gateway up there.
    enum class Start { Now, Later };
    explicit FaultRig(const QString &scenario, Start start = Start::Now);
    ~FaultRig();

    bool ok() const { return !m_base.isEmpty(); }
    QString error() const { return m_error; }
    QUrl base() const { return m_base; }
    QString dbPath() const { return m_dir.filePath(QStringLiteral("ledger.sqlite")); }
    QString profilePath() const { return m_dir.filePath(QStringLiteral("profile.ini")); }
    QString dir() const { return m_dir.path(); }

    // counterpay-cli --config <profile> --db <ledger> --poll <fast> ARGS
    QStringList cliArguments(const QStringList &args) const;
    QProcessEnvironment environment() const;
    Run cli(const QStringList &args, int timeoutMs = 60'000) const;
    std::unique_ptr<QProcess> startCli(const QStringList &args) const;

    // The gateway goes away (connection refused) and comes back on the same port, with its
    // state file, under `scenario` (empty: the one it had).
    void stopSandbox();
    bool startSandbox(const QString &scenario = {});
    // The API key the CLI is given (COUNTERPAY_JUSPAY_API_KEY).
    void setApiKey(const QString &key) { m_apiKey = key; }

    // The sandbox's control API.
    QJsonArray sandboxOrders() const;
    bool control(const QString &orderId, const QString &action) const;

    // The JSON objects among the CLI's output lines (--json prints one per line).
    static QList<QJsonObject> jsonLines(const QString &out);

    // SQLite's verdict on the ledger file, read with the sqlite3 shell.
    static QString sqlite(const QString &db, const QString &sql);

private:
    bool launch(quint16 port);
    bool writeProfile();

    QString m_scenario;
    QString m_apiKey = QStringLiteral("sandbox-juspay-key");
    QTemporaryDir m_dir;
    QProcess m_sandbox;
    QUrl m_base;
    QString m_error;
};
