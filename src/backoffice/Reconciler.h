#pragma once

#include "backoffice/ReconciliationLine.h"
#include "storage/OrderRecord.h"

#include <QDate>
#include <QHash>
#include <QList>
#include <QObject>
#include <QTimeZone>

class Ledger;
class PaymentGateway;
struct PaymentStatus;
struct GatewayError;

// Re-asks the gateways about one day's doubtful orders and lists where the ledger and the
// gateway disagree. Doubtful: not final (created, submitting, awaiting the customer, unknown)
// or taken money whose amount was never verified. At most kConcurrency status queries run at
// once. It changes nothing in the ledger: the manager acts on the list (re-check, resolve).
class Reconciler final : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(Reconciler)

public:
    static constexpr int kConcurrency = 4;

    Reconciler(Ledger &ledger, const QList<PaymentGateway *> &gateways, QObject *parent = nullptr);

    // Starts a run for `day` (midnight to midnight in `zone`); ignored while one is running.
    // Emits progress(done, total) after each order and then finished(lines), or failed().
    void run(const QDate &day, const QTimeZone &zone);
    bool isRunning() const { return m_running; }
    // Whether an order is re-asked by run().
    static bool isDoubtful(const OrderRecord &order);

signals:
    void progress(int done, int total);
    void finished(const QList<ReconciliationLine> &lines);
    void failed(const QString &message);

private:
    void startNext();
    void onStatus(const OrderRecord &order, const PaymentStatus &status);
    void onError(const OrderRecord &order, const GatewayError &error);
    void completeOne();

    Ledger &m_ledger;
    QHash<QString, PaymentGateway *> m_gateways;
    QList<OrderRecord> m_pending;
    QList<ReconciliationLine> m_lines;
    int m_total = 0;
    int m_done = 0;
    int m_inFlight = 0;
    bool m_running = false;
};
