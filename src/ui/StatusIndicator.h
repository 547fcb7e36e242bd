#pragma once

#include "core/PaymentState.h"

#include <QDateTime>
#include <QTimer>
#include <QWidget>

// The live status of the current sale: an icon, the state in words and a colour (never colour
// alone), a spinner while the customer is expected to act, the elapsed time, the time left to
// the provider's expiry and the time of the last status check. It repaints as soon as a state
// arrives; the timer only drives the spinner and the clocks.
class StatusIndicator final : public QWidget
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(StatusIndicator)

public:
    explicit StatusIndicator(QWidget *parent = nullptr);
    ~StatusIndicator() override;

    void reset();
    void setState(PaymentState state, const QString &detail = {});
    void setStartedAt(const QDateTime &at);
    void setExpiresAt(const QDateTime &at);
    void setLastCheck(const QDateTime &at);

    PaymentState state() const { return m_state; }
    bool isWaiting() const;
    // The words shown for the state ("Waiting for the customer", "Paid" ...).
    QString stateText() const;
    // The second line: elapsed, time left, last check.
    QString timingText() const;

    static QString wordsFor(PaymentState state);
    static QColor colourFor(PaymentState state, bool dark);

    QSize sizeHint() const override;
    QSize minimumSizeHint() const override;

protected:
    void paintEvent(QPaintEvent *event) override;
    void changeEvent(QEvent *event) override;

private:
    void paintIcon(QPainter &painter, const QRectF &box, const QColor &colour) const;
    void refreshAccessibleText();

    PaymentState m_state = PaymentState::Created;
    QString m_detail;
    QDateTime m_startedAt;
    QDateTime m_expiresAt;
    QDateTime m_lastCheck;
    QTimer m_tick;
    int m_phase = 0;
};
