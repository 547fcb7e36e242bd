#pragma once

#include "core/Result.h"
#include "sandbox/SandboxOrder.h"

#include <QHash>
#include <QJsonObject>
#include <QMap>
#include <QObject>

class QTimer;

// Every order, bearer token and key the sandbox holds. In memory; with a state file, written
// atomically (QSaveFile) after every change and read back at start. A state file that cannot
// be read is refused, never overwritten.
class SandboxStore final : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(SandboxStore)

public:
    explicit SandboxStore(QString stateFile = {}, QObject *parent = nullptr);
    // Writes what is still pending.
    ~SandboxStore() override;

    // Reads the state file if there is one. Error code: sandbox_state_corrupt (or
    // sandbox_state_unreadable); the file is then left alone and nothing is saved to it.
    Result<bool> load();
    QString stateFile() const { return m_stateFile; }

    std::optional<SandboxOrder> find(const QString &key) const;
    bool contains(const QString &key) const { return m_orders.contains(key); }
    // Orders whose id, provider reference or CM.com reference is `id`, newest first.
    QList<SandboxOrder> findById(const QString &id) const;
    std::optional<SandboxOrder> findByTxnUuid(const QString &txnUuid) const;
    // The order holding the UPI_QR transaction whose reference is `tr`.
    std::optional<SandboxOrder> findByUpiTr(const QString &tr) const;
    QList<SandboxOrder> orders() const;

    // Inserts or replaces, schedules a save, and emits orderChanged.
    void put(const SandboxOrder &order);
    // Changes reach the state file within kSaveDelayMs (one write for a burst of changes,
    // so a busy sandbox does not rewrite and fsync the whole file on every request), at once
    // through flush(), and on a clean exit.
    static constexpr int kSaveDelayMs = 200;
    void flush();

    // Bearer tokens: kind is "google" or "cm".
    void addToken(const QString &token, const QString &kind, const QDateTime &expires);
    bool isTokenValid(const QString &token, const QString &kind, const QDateTime &now) const;

    // Key material the sandbox generated (kept so clients' copies stay valid across restarts).
    QJsonObject keys() const { return m_keys; }
    void setKeys(const QJsonObject &keys);

signals:
    void orderChanged(const QString &key, PaymentState previousState);

private:
    void scheduleSave();
    void save();

    QString m_stateFile;
    bool m_saveBlocked = false;
    QTimer *m_saveTimer;
    QMap<QString, SandboxOrder> m_orders;
    struct Token
    {
        QString kind;
        QDateTime expires;
    };
    QHash<QString, Token> m_tokens;
    QJsonObject m_keys;
};
