#include "sandbox/SandboxStore.h"

#include "sandbox/SandboxLogging.h"

#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QSaveFile>
#include <QTimer>

#include <algorithm>

namespace {
constexpr int kStateVersion = 1;
}

SandboxStore::SandboxStore(QString stateFile, QObject *parent)
    : QObject(parent)
    , m_stateFile(std::move(stateFile))
    , m_saveTimer(new QTimer(this))
{
    m_saveTimer->setSingleShot(true);
    m_saveTimer->setInterval(kSaveDelayMs);
    connect(m_saveTimer, &QTimer::timeout, this, &SandboxStore::save);
}

Result<bool> SandboxStore::load()
{
    if (m_stateFile.isEmpty() || !QFile::exists(m_stateFile))
        return false;
    auto refuse = [this](const QString &code, const QString &why) {
        m_saveBlocked = true;
        return Result<bool>::failure(code,
            QStringLiteral("State file %1 cannot be used: %2. It was left untouched; "
                           "move it away or pass another --state file.")
                .arg(m_stateFile, why));
    };
    QFile file(m_stateFile);
    if (!file.open(QIODevice::ReadOnly))
        return refuse(QStringLiteral("sandbox_state_unreadable"), file.errorString());
    QJsonParseError parseError;
    const QJsonDocument document = QJsonDocument::fromJson(file.readAll(), &parseError);
    if (parseError.error != QJsonParseError::NoError || !document.isObject()) {
        return refuse(QStringLiteral("sandbox_state_corrupt"),
            QStringLiteral("it is not a JSON object (%1)").arg(parseError.errorString()));
    }
    const QJsonObject root = document.object();
    if (root.value(QStringLiteral("format")).toString() != QLatin1String("counterpay-sandbox-state")
        || root.value(QStringLiteral("version")).toInt() != kStateVersion) {
        return refuse(QStringLiteral("sandbox_state_corrupt"),
            QStringLiteral("it is not a version %1 counterpay-sandbox state file")
                .arg(kStateVersion));
    }
    QMap<QString, SandboxOrder> orders;
    const QJsonArray orderArray = root.value(QStringLiteral("orders")).toArray();
    for (const QJsonValue &value : orderArray) {
        const Result<SandboxOrder> order = SandboxOrder::fromJson(value.toObject());
        if (!order)
            return refuse(order.errorCode(), order.errorMessage());
        orders.insert(order->key(), order.value());
    }
    QHash<QString, Token> tokens;
    const QJsonArray tokenArray = root.value(QStringLiteral("tokens")).toArray();
    for (const QJsonValue &value : tokenArray) {
        const QJsonObject object = value.toObject();
        tokens.insert(object.value(QStringLiteral("token")).toString(),
            Token { object.value(QStringLiteral("kind")).toString(),
                QDateTime::fromString(
                    object.value(QStringLiteral("expires")).toString(), Qt::ISODateWithMs) });
    }
    m_orders = orders;
    m_tokens = tokens;
    m_keys = root.value(QStringLiteral("keys")).toObject();
    qCInfo(lcSandbox) << "loaded" << m_orders.size() << "orders from" << m_stateFile;
    return true;
}

std::optional<SandboxOrder> SandboxStore::find(const QString &key) const
{
    const auto it = m_orders.constFind(key);
    if (it == m_orders.constEnd())
        return std::nullopt;
    return it.value();
}

QList<SandboxOrder> SandboxStore::findById(const QString &id) const
{
    QList<SandboxOrder> found;
    for (const SandboxOrder &order : m_orders) {
        if (order.id == id || order.providerRef == id
            || (order.provider == SandboxOrder::Provider::CmCom && order.reference == id))
            found.append(order);
    }
    std::sort(found.begin(), found.end(),
        [](const SandboxOrder &a, const SandboxOrder &b) { return a.updated > b.updated; });
    return found;
}

std::optional<SandboxOrder> SandboxStore::findByTxnUuid(const QString &txnUuid) const
{
    for (const SandboxOrder &order : m_orders) {
        for (const SandboxTxn &txn : order.txns) {
            if (txn.txnUuid == txnUuid)
                return order;
        }
    }
    return std::nullopt;
}

std::optional<SandboxOrder> SandboxStore::findByUpiTr(const QString &tr) const
{
    if (tr.isEmpty())
        return std::nullopt;
    for (const SandboxOrder &order : m_orders) {
        for (const SandboxTxn &txn : order.txns) {
            if (txn.upiTr == tr)
                return order;
        }
    }
    return std::nullopt;
}

QList<SandboxOrder> SandboxStore::orders() const
{
    QList<SandboxOrder> list = m_orders.values();
    std::sort(list.begin(), list.end(),
        [](const SandboxOrder &a, const SandboxOrder &b) { return a.created < b.created; });
    return list;
}

void SandboxStore::put(const SandboxOrder &order)
{
    const auto previous = m_orders.constFind(order.key());
    const PaymentState previousState
        = previous == m_orders.constEnd() ? PaymentState::Created : previous->state;
    m_orders.insert(order.key(), order);
    scheduleSave();
    emit orderChanged(order.key(), previousState);
}

void SandboxStore::addToken(const QString &token, const QString &kind, const QDateTime &expires)
{
    m_tokens.insert(token, Token { kind, expires });
    scheduleSave();
}

bool SandboxStore::isTokenValid(
    const QString &token, const QString &kind, const QDateTime &now) const
{
    const auto it = m_tokens.constFind(token);
    return it != m_tokens.constEnd() && it->kind == kind && it->expires > now;
}

void SandboxStore::setKeys(const QJsonObject &keys)
{
    if (keys == m_keys)
        return; // the same keys read back at start: nothing to write (and no fsync to wait for)
    m_keys = keys;
    save(); // keys are written at once: clients copy them straight away
}

void SandboxStore::scheduleSave()
{
    if (!m_stateFile.isEmpty() && !m_saveBlocked && !m_saveTimer->isActive())
        m_saveTimer->start();
}

void SandboxStore::flush()
{
    if (m_saveTimer->isActive())
        save();
}

SandboxStore::~SandboxStore()
{
    flush();
}

void SandboxStore::save()
{
    m_saveTimer->stop();
    if (m_stateFile.isEmpty() || m_saveBlocked)
        return;
    QJsonArray orderArray;
    for (const SandboxOrder &order : std::as_const(m_orders))
        orderArray.append(order.toJson());
    QJsonArray tokenArray;
    const QDateTime now = QDateTime::currentDateTimeUtc();
    for (auto it = m_tokens.constBegin(); it != m_tokens.constEnd(); ++it) {
        if (it->expires <= now)
            continue;
        tokenArray.append(QJsonObject { { QStringLiteral("token"), it.key() },
            { QStringLiteral("kind"), it->kind },
            { QStringLiteral("expires"), it->expires.toString(Qt::ISODateWithMs) } });
    }
    const QJsonObject root {
        { QStringLiteral("format"), QStringLiteral("counterpay-sandbox-state") },
        { QStringLiteral("version"), kStateVersion },
        { QStringLiteral("orders"), orderArray },
        { QStringLiteral("tokens"), tokenArray },
        { QStringLiteral("keys"), m_keys },
    };
    QSaveFile file(m_stateFile);
    if (!file.open(QIODevice::WriteOnly)) {
        qCWarning(lcSandbox) << "cannot write state file" << m_stateFile << file.errorString();
        return;
    }
    file.write(QJsonDocument(root).toJson(QJsonDocument::Indented));
    if (!file.commit()) {
        qCWarning(lcSandbox) << "cannot save state file" << m_stateFile << file.errorString();
        return;
    }
    // It holds the sandbox's private keys and bearer tokens.
    QFile::setPermissions(m_stateFile, QFileDevice::ReadOwner | QFileDevice::WriteOwner);
}
