#include "ui/backoffice/OrderDetailPane.h"

#include "backoffice/ManagerActions.h"
#include "gateway/ProviderRules.h"
#include "gateway/GatewayError.h"
#include "ui/ReceiptPrinter.h"
#include "ui/backoffice/BackOfficeText.h"
#include "ui/backoffice/BackOfficeUiLogging.h"
#include "ui/backoffice/PinDialog.h"
#include "ui/backoffice/RefundDialog.h"
#include "ui/backoffice/ResolveDialog.h"
#include "ui_OrderDetailPane.h"

#include <QHeaderView>
#include <QPointer>

OrderDetailPane::OrderDetailPane(ManagerActions &actions, const QLocale &locale, const QTimeZone &zone, QWidget *parent)
    : QWidget(parent), m_ui(std::make_unique<Ui::OrderDetailPane>()), m_actions(actions), m_locale(locale), m_zone(zone)
{
    m_ui->setupUi(this);
    QFont title = m_ui->titleLabel->font();
    title.setPointSizeF(title.pointSizeF() * 1.3);
    title.setBold(true);
    m_ui->titleLabel->setFont(title);
    m_ui->timelineTree->header()->setSectionResizeMode(QHeaderView::ResizeToContents);
    m_ui->timelineTree->header()->setStretchLastSection(true);
    m_ui->actionMessage->hide();
    connect(m_ui->recheckButton, &QPushButton::clicked, this, &OrderDetailPane::recheck);
    connect(m_ui->refundButton, &QPushButton::clicked, this, &OrderDetailPane::askRefund);
    connect(m_ui->resolveButton, &QPushButton::clicked, this, &OrderDetailPane::askResolve);
    connect(m_ui->reprintButton, &QPushButton::clicked, this, &OrderDetailPane::reprint);
    connect(&m_actions, &ManagerActions::refundFinished, this, &OrderDetailPane::refundFinished);
    connect(&m_actions, &ManagerActions::refundFailed, this, &OrderDetailPane::refundFailed);
    showOrder({});
}

OrderDetailPane::~OrderDetailPane() = default;

void OrderDetailPane::showOrder(const QString &orderId)
{
    m_orderId = orderId;
    m_ui->actionMessage->hide();
    reload();
}

void OrderDetailPane::reload()
{
    m_order.reset();
    m_events.clear();
    m_ui->timelineTree->clear();
    for (QLabel *value : { m_ui->methodValue, m_ui->phoneValue, m_ui->referenceValue, m_ui->refundsValue })
        value->clear();
    if (m_orderId.isEmpty()) {
        m_ui->titleLabel->setText(tr("Choose an order to see its timeline."));
        updateButtons();
        return;
    }
    const Result<std::optional<OrderRecord>> found = m_actions.order(m_orderId);
    if (!found.ok() || !found.value()) {
        m_ui->titleLabel->setText(m_orderId);
        showMessage(found.ok() ? tr("There is no order %1.").arg(m_orderId) : found.errorMessage(), true);
        updateButtons();
        return;
    }
    m_order = *found.value();
    const OrderRecord &order = *m_order;
    const QString currency = order.amount.currency().code();
    m_ui->titleLabel->setText(tr("%1 \u00b7 %2 \u00b7 %3")
                                      .arg(order.orderId,
                                           BackOfficeText::amountWithNet(order.amount.minorUnits(), order.refundedMinorUnits,
                                                                         order.netMinorUnits(), currency, m_locale),
                                           BackOfficeText::state(order.state)));
    m_ui->methodValue->setText(order.method.isEmpty() ? ProviderRules::displayName(order.provider)
                                                      : ProviderRules::displayName(order.provider) + QStringLiteral(" \u00b7 ")
                                                                + order.method);
    m_ui->phoneValue->setText(order.phoneLast4.isEmpty() ? tr("none") : BackOfficeText::maskedPhone(order.phoneLast4));
    QStringList references;
    if (!order.txnId.isEmpty())
        references << tr("txn %1").arg(order.txnId);
    if (!order.providerReference.isEmpty())
        references << tr("provider %1").arg(order.providerReference);
    if (!order.upiRrn.isEmpty())
        references << tr("UPI RRN %1").arg(order.upiRrn);
    references << tr("cashier %1 at %2, %3").arg(order.cashier, order.terminal,
                                                 BackOfficeText::dateTime(order.createdAt, m_zone, m_locale));
    m_ui->referenceValue->setText(references.join(QStringLiteral(" \u00b7 ")));

    const Result<QList<RefundRecord>> refunds = m_actions.refunds(m_orderId);
    QStringList refundLines;
    if (refunds.ok()) {
        for (const RefundRecord &refund : refunds.value())
            refundLines << tr("%1: %2 (%3)").arg(BackOfficeText::money(refund.amountMinorUnits, refund.currency, m_locale),
                                                 BackOfficeText::refundState(refund.state),
                                                 BackOfficeText::dateTime(refund.createdAt, m_zone, m_locale));
    }
    m_ui->refundsValue->setText(refundLines.isEmpty() ? tr("none") : refundLines.join(QLatin1Char('\n')));

    const Result<QList<OrderEvent>> events = m_actions.timeline(m_orderId);
    if (!events.ok()) {
        showMessage(events.errorMessage(), true);
    } else {
        m_events = events.value();
        for (int i = 0; i < m_events.size(); ++i) {
            const OrderEvent &event = m_events.at(i);
            // Repeated identical status checks (the poll while the customer decides) are one
            // row: "Checked 23 times, 14:02:10–14:03:55".
            int last = i;
            while (last + 1 < m_events.size() && sameCheck(event, m_events.at(last + 1)))
                ++last;
            if (last > i) {
                const int count = last - i + 1;
                const QString from = BackOfficeText::time(event.at, m_zone, m_locale);
                const QString to = BackOfficeText::time(m_events.at(last).at, m_zone, m_locale);
                auto *item = new QTreeWidgetItem(
                        m_ui->timelineTree,
                        { from, tr("Checked %1 times, %2–%3").arg(count).arg(from, to),
                          event.toState ? BackOfficeText::state(*event.toState) : QString(), event.providerStatus,
                          event.outcome.isEmpty() ? event.detail : event.outcome + QStringLiteral(": ") + event.detail });
                item->setToolTip(1, tr("%1 status checks with the same answer").arg(count));
                item->setToolTip(4, event.detail);
                item->setData(0, Qt::UserRole, event.kind);
                item->setData(1, Qt::UserRole, count);
                i = last;
                continue;
            }
            QString change;
            if (event.fromState && event.toState && *event.fromState != *event.toState)
                change = BackOfficeText::state(*event.fromState) + QStringLiteral(" \u2192 ") + BackOfficeText::state(*event.toState);
            else if (event.toState)
                change = BackOfficeText::state(*event.toState);
            auto *item = new QTreeWidgetItem(m_ui->timelineTree,
                                             { BackOfficeText::time(event.at, m_zone, m_locale), eventWhat(event), change,
                                               event.providerStatus,
                                               event.outcome.isEmpty() ? event.detail
                                                                       : event.outcome + QStringLiteral(": ") + event.detail });
            item->setToolTip(4, event.detail);
            item->setData(0, Qt::UserRole, event.kind);
        }
    }
    updateButtons();
}

QString OrderDetailPane::message() const
{
    return m_ui->actionMessage->isHidden() ? QString() : m_ui->actionMessage->text();
}

bool OrderDetailPane::sameCheck(const OrderEvent &a, const OrderEvent &b)
{
    const auto changes = [](const OrderEvent &event) {
        return event.fromState && event.toState && *event.fromState != *event.toState;
    };
    return a.kind == QLatin1String("status") && b.kind == a.kind && !changes(a) && !changes(b)
           && a.toState == b.toState && a.providerStatus == b.providerStatus && a.outcome == b.outcome
           && a.detail == b.detail;
}

QString OrderDetailPane::eventWhat(const OrderEvent &event) const
{
    const QString &kind = event.kind;
    if (kind == QLatin1String("created")) return tr("Sale created");
    if (kind == QLatin1String("request")) return tr("Request sent");
    if (kind == QLatin1String("response")) return tr("Gateway answered");
    if (kind == QLatin1String("status")) return tr("Status checked");
    if (kind == QLatin1String("transition")) return tr("State changed");
    if (kind == QLatin1String("alert")) return tr("Alert");
    if (kind == QLatin1String("note")) return tr("Note");
    if (kind == QLatin1String("error")) return tr("Error");
    if (kind.startsWith(QLatin1String("refund"))) return tr("Refund");
    return kind;
}

void OrderDetailPane::recheck()
{
    if (m_orderId.isEmpty())
        return;
    const VoidResult asked = m_actions.recheck(m_orderId);
    showMessage(asked.ok() ? tr("Asked the gateway; the timeline shows the answer when it comes.") : asked.errorMessage(),
                !asked.ok());
}

bool OrderDetailPane::refundsInCounterPay(const QString &provider)
{
    return ManagerActions::refundUnavailableReason(provider).isEmpty();
}

QString OrderDetailPane::refundUnavailableText() const
{
    return m_ui->refundElsewhereLabel->isHidden() ? QString() : m_ui->refundElsewhereLabel->text();
}

void OrderDetailPane::askRefund()
{
    if (m_order && !refundsInCounterPay(m_order->provider))
        return;
    if (!m_order)
        return;
    QPointer<OrderDetailPane> self(this);
    PinDialog::requireManager(m_actions.access(), AccessControl::Action::Refund, this, [self] {
        if (!self || !self->m_order)
            return;
        auto *dialog = new RefundDialog(*self->m_order, self->m_locale, self);
        dialog->setObjectName(QStringLiteral("refundDialog"));
        dialog->setAttribute(Qt::WA_DeleteOnClose);
        connect(dialog, &QDialog::accepted, self, [self, dialog] {
            const Result<QString> sent = self->m_actions.refund(self->m_orderId, dialog->amount());
            self->showMessage(sent.ok() ? tr("Refund sent; waiting for the provider.") : sent.errorMessage(), !sent.ok());
            self->reload();
            emit self->orderChanged(self->m_orderId);
        });
        dialog->open();
    });
}

void OrderDetailPane::askResolve()
{
    if (!m_order || m_order->state != PaymentState::Unknown)
        return;
    QPointer<OrderDetailPane> self(this);
    PinDialog::requireManager(m_actions.access(), AccessControl::Action::ResolveUnknown, this, [self] {
        if (!self || !self->m_order)
            return;
        auto *dialog = new ResolveDialog(*self->m_order, self);
        dialog->setObjectName(QStringLiteral("resolveDialog"));
        dialog->setAttribute(Qt::WA_DeleteOnClose);
        connect(dialog, &QDialog::accepted, self, [self, dialog] {
            const VoidResult settled = self->m_actions.resolveUnknown(self->m_orderId, dialog->outcome(), dialog->reason());
            self->reload();
            self->showMessage(settled.ok() ? tr("Settled as %1.").arg(BackOfficeText::state(dialog->outcome()))
                                           : settled.errorMessage(),
                              !settled.ok());
            if (settled.ok())
                emit self->orderChanged(self->m_orderId);
        });
        dialog->open();
    });
}

void OrderDetailPane::reprint()
{
    if (!m_order)
        return;
    const ReceiptPrinter::Receipt receipt = receiptFor(*m_order, m_merchantName, m_locale);
    const Result<QString> printed = ReceiptPrinter::print(receipt, this, m_receiptPrinter);
    if (printed && !printed.value().isEmpty())
        showMessage(tr("Receipt sent to %1.").arg(printed.value()), false);
    else if (!printed && !printed.errorMessage().isEmpty())
        showMessage(tr("Cannot print: %1").arg(printed.errorMessage()), true);
}

ReceiptPrinter::Receipt OrderDetailPane::receiptFor(const OrderRecord &order, const QString &merchantName,
                                                    const QLocale &locale)
{
    ReceiptPrinter::Receipt receipt;
    receipt.merchantName = merchantName;
    // A reprint after a refund says what the sale is worth now, with the same net as the history.
    receipt.amountText = BackOfficeText::amountWithNet(order.amount.minorUnits(), order.refundedMinorUnits,
                                                       order.netMinorUnits(), order.amount.currency().code(), locale);
    receipt.methodText = ProviderRules::displayName(order.provider);
    receipt.orderId = order.orderId;
    receipt.providerReference = order.providerReference.isEmpty() ? order.txnId : order.providerReference;
    receipt.upiRrn = order.upiRrn;
    receipt.maskedPhone = BackOfficeText::maskedPhone(order.phoneLast4);
    receipt.at = order.updatedAt.isValid() ? order.updatedAt : order.createdAt;
    return receipt;
}

void OrderDetailPane::refundFinished(const QString &orderId, const RefundRecord &refund, const QString &message)
{
    Q_UNUSED(refund)
    if (orderId != m_orderId)
        return;
    reload();
    showMessage(message, false);
    emit orderChanged(orderId);
}

void OrderDetailPane::refundFailed(const QString &orderId, const GatewayError &error)
{
    if (orderId != m_orderId)
        return;
    qCWarning(lcBackOfficeUi).noquote() << "refund failed for" << orderId << error.toString();
    reload();
    showMessage(tr("The refund failed: %1").arg(error.message), true);
    emit orderChanged(orderId);
}

void OrderDetailPane::showMessage(const QString &text, bool error)
{
    m_ui->actionMessage->setText(text);
    m_ui->actionMessage->setStyleSheet(error ? QStringLiteral("color: #ffffff; background: #b31d1d; padding: 2px 6px; "
                                                              "border-radius: 4px;")
                                             : QStringLiteral("color: #ffffff; background: #1d6b33; padding: 2px 6px; "
                                                              "border-radius: 4px;"));
    m_ui->actionMessage->setVisible(!text.isEmpty());
}

void OrderDetailPane::updateButtons()
{
    const bool has = m_order.has_value();
    const PaymentState state = has ? m_order->state : PaymentState::Created;
    m_ui->recheckButton->setEnabled(has && !PaymentStates::isFinal(state));
    const bool refundable = has && PaymentStates::isRefundable(state);
    // No button that can only fail: where CounterPay cannot refund, the button stays disabled
    // and the words beside it say why and where to refund instead.
    const QString unavailable = has ? ManagerActions::refundUnavailableReason(m_order->provider) : QString();
    m_ui->refundButton->setEnabled(refundable && unavailable.isEmpty());
    m_ui->refundButton->setToolTip(unavailable);
    m_ui->refundElsewhereLabel->setText(unavailable);
    m_ui->refundElsewhereLabel->setVisible(refundable && !unavailable.isEmpty());
    m_ui->resolveButton->setEnabled(has && state == PaymentState::Unknown);
    m_ui->reprintButton->setEnabled(has && PaymentStates::isPaid(state));
}
