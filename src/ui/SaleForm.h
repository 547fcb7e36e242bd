#pragma once

#include "checkout/CheckoutRequest.h"
#include "core/Currency.h"

#include <QLocale>
#include <QWidget>

#include <functional>
#include <memory>
#include <optional>

namespace Ui {
class SaleForm;
}
class QLineEdit;

// The entry page: amount (locale-aware, with an on-screen keypad), the customer's mobile with
// a country prefix, the payment method and an optional note. It checks what the cashier types
// with the core parsers and the engine's published limits, shows each message next to its
// field and enables Pay only when the sale can be sent. The engine validates again.
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
    // How a mobile number is checked (PhoneNumber::parse, reached through the checkout port so
    // the window does not load libphonenumber). Until one is set a typed number is not
    // checked and the sale is not valid.
    using PhoneParser = std::function<Result<PhoneNumber>(QStringView input, QStringView defaultRegion)>;
    void setPhoneParser(PhoneParser parser);

    // The sale as typed, when valid; orderId is left empty (the window keeps it).
    std::optional<CheckoutRequest> request() const;
    bool isValid() const { return request().has_value(); }
    QString amountError() const;
    QString mobileError() const;
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
    void keyPressEvent(QKeyEvent *event) override;
    void changeEvent(QEvent *event) override;

private:
    void buildKeypad();
    void fillProviders(const QStringList &providers);
    void keypadPressed(const QString &key);
    void revalidate();
    QLineEdit *keypadTarget() const;

    std::unique_ptr<Ui::SaleForm> m_ui;
    Currency m_currency = Currency::inr();
    QLocale m_locale;
    PhoneParser m_parsePhone;
    bool m_busy = false;
    QString m_keypadPoint; // the decimal point key the keypad was built with
    QString m_engineAmountError;
    QString m_engineMobileError;
};
