#pragma once

#include "checkout/CheckoutRequest.h"
#include "core/Currency.h"

#include <QLocale>
#include <QWidget>

#include <chrono>
#include <functional>
#include <memory>
#include <optional>

namespace Ui {
class SaleForm;
}
class QLineEdit;
class QTimer;

// The entry page: amount (locale-aware, with an on-screen keypad), the customer's mobile with
// a country prefix, the payment method and an optional note. It checks what the cashier types
// with the core parsers, the engine's published limits and the till's per-sale ceiling, shows
// each message next to its field and enables Pay only when the sale can be sent. The engine
// validates again. Above the confirmation threshold Pay first asks the cashier to confirm the
// amount in words; payRequested follows only that confirmation. The last sale's mobile is kept
// in memory (never on disk) for two minutes and refilled, masked, with F3.
class SaleForm final : public QWidget
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(SaleForm)

public:
    explicit SaleForm(QWidget *parent = nullptr);
    ~SaleForm() override;

    // The configured providers only, in the order given.
    void configure(const QStringList &providers, const Currency &currency, const QLocale &locale);
    // Replaces the provider choices (the window is shown before the gateways are set up).
    void setProviders(const QStringList &providers);
    // The till's per-sale ceiling (Settings::Key::SaleCeilingMinor) and the amount above which
    // the cashier confirms in words first (Settings::Key::ConfirmAboveMinor; 0 = never), in
    // minor units of the configured currency. Until set: no ceiling but the provider's, and no
    // confirmation.
    void setLimits(qint64 saleCeilingMinor, qint64 confirmAboveMinor);
    // The largest amount the current provider may be sent from this till.
    qint64 maxMinorUnits() const;
    // Whether the confirm-in-words panel is up (Pay was pressed above the threshold).
    bool isConfirming() const;

    // "Same customer as last sale" (F3): fills the mobile with the last sent sale's number,
    // shown masked. The number lives in memory only and is forgotten after
    // lastCustomerTimeout() (2 minutes) or by forgetLastCustomer() (on lock).
    void useLastCustomer();
    void forgetLastCustomer();
    bool hasLastCustomer() const { return m_lastCustomer.has_value(); }
    std::chrono::milliseconds lastCustomerTimeout() const;
    void setLastCustomerTimeout(std::chrono::milliseconds timeout);

    // The sale as typed, when valid; orderId is left empty (the window keeps it).
    std::optional<CheckoutRequest> request() const;
    bool isValid() const { return request().has_value(); }
    QString amountError() const;
    QString mobileError() const;
    QString noteError() const;
    QString provider() const;

    void clear();
    // While a sale is being sent, Pay stays disabled whatever the fields hold.
    void setBusy(bool busy);
    void focusAmount();
    // Shows an error the engine returned next to the field it concerns.
    void showEngineError(const QString &code, const QString &message);

signals:
    void payRequested();

protected:
    bool event(QEvent *event) override;
    bool eventFilter(QObject *watched, QEvent *event) override;
    void keyPressEvent(QKeyEvent *event) override;
    void changeEvent(QEvent *event) override;

private:
    void buildKeypad();
    // The currency of a sale by the chosen provider (ProviderRules::currencyFor the terminal's).
    Currency saleCurrency() const;
    void showCurrency();
    void fillProviders(const QStringList &providers);
    void keypadPressed(const QString &key);
    void revalidate();
    QLineEdit *keypadTarget() const;
    QString limitMessage(qint64 maxMinorUnits) const;
    void requestPay(); // Pay or Enter: confirm in words first when above the threshold
    void send(const CheckoutRequest &request);
    void showConfirm(const Money &amount);
    void hideConfirm(bool backToAmount);
    void confirmKey(QKeyEvent *event);
    void leaveLastCustomer(); // the cashier types a number of their own
    void updateLastCustomerHint();

    std::unique_ptr<Ui::SaleForm> m_ui;
    Currency m_currency = Currency::inr();
    QLocale m_locale;
    bool m_busy = false;
    QString m_keypadPoint; // the decimal point key the keypad was built with
    QString m_engineAmountError;
    QString m_engineMobileError;
    qint64 m_ceilingMinor = Money::kAbsoluteMaxMinorUnits;
    qint64 m_confirmAboveMinor = 0;
    QTimer *m_confirmArm = nullptr; // the Yes button takes keys only once this has fired
    std::optional<PhoneNumber> m_lastCustomer;
    QTimer *m_lastCustomerTimer = nullptr;
    bool m_usingLastCustomer = false; // the mobile field shows the last customer, masked
    bool m_fillingLastCustomer = false;
};
