#include "ui/SaleForm.h"

#include "checkout/ProviderRules.h"
#include "ui/Badge.h"
#include "ui/ProviderNames.h"
#include "ui_SaleForm.h"

#include <QApplication>
#include <QKeyEvent>
#include <QPushButton>

namespace {

struct CountryPrefix
{
    const char16_t *region;
    const char16_t *label;
};

constexpr CountryPrefix kCountries[] = {
    { u"IN", u"IN +91" }, { u"ID", u"ID +62" }, { u"NL", u"NL +31" }, { u"DE", u"DE +49" },
    { u"GB", u"GB +44" }, { u"FR", u"FR +33" }, { u"SG", u"SG +65" }, { u"AE", u"AE +971" },
};

const QString kBackspace = QStringLiteral("⌫");

void setError(QLabel *label, const QString &message)
{
    label->setText(message.isEmpty() ? QString() : QStringLiteral("⚠ ") + message);
    label->setVisible(!message.isEmpty());
}

} // namespace

SaleForm::SaleForm(QWidget *parent) : QWidget(parent), m_ui(std::make_unique<Ui::SaleForm>())
{
    m_ui->setupUi(this);
    QFont big = m_ui->amountEdit->font();
    big.setPointSizeF(big.pointSizeF() * 2.6);
    big.setBold(true);
    m_ui->amountEdit->setFont(big);
    m_ui->currencyLabel->setFont(big);
    QFont mid = m_ui->mobileEdit->font();
    mid.setPointSizeF(mid.pointSizeF() * 1.5);
    m_ui->mobileEdit->setFont(mid);
    m_ui->countryCombo->setFont(mid);
    QFont payFont = m_ui->payButton->font();
    payFont.setPointSizeF(payFont.pointSizeF() * 1.6);
    payFont.setBold(true);
    m_ui->payButton->setFont(payFont);
    for (const CountryPrefix &country : kCountries)
        m_ui->countryCombo->addItem(QString::fromUtf16(country.label), QString::fromUtf16(country.region));
    for (Badge *error : { m_ui->amountError, m_ui->mobileError }) {
        error->setProperty("role", QStringLiteral("error"));
        error->setColors(QColor(0xb3, 0x1d, 0x1d), Qt::white);
        error->hide();
    }
    buildKeypad(); // again by configure() only if the decimal point differs

    connect(m_ui->amountEdit, &QLineEdit::textChanged, this, [this] {
        m_engineAmountError.clear();
        revalidate();
    });
    connect(m_ui->mobileEdit, &QLineEdit::textChanged, this, [this] {
        m_engineMobileError.clear();
        revalidate();
    });
    connect(m_ui->countryCombo, &QComboBox::currentIndexChanged, this, &SaleForm::revalidate);
    connect(m_ui->providerCombo, &QComboBox::currentIndexChanged, this, &SaleForm::revalidate);
    connect(m_ui->payButton, &QPushButton::clicked, this, [this] {
        if (!m_busy && isValid())
            emit payRequested();
    });
    revalidate();
}

SaleForm::~SaleForm() = default;

void SaleForm::setProviders(const QStringList &providers)
{
    fillProviders(providers);
    revalidate();
}

void SaleForm::fillProviders(const QStringList &providers)
{
    const QString current = m_ui->providerCombo->currentData().toString();
    m_ui->providerCombo->clear();
    for (const QString &provider : providers)
        m_ui->providerCombo->addItem(ProviderNames::display(provider), provider);
    if (const int keep = m_ui->providerCombo->findData(current); keep >= 0)
        m_ui->providerCombo->setCurrentIndex(keep);
}

void SaleForm::configure(const QStringList &providers, const Currency &currency, const QLocale &locale)
{
    m_currency = currency;
    m_locale = locale;
    m_ui->currencyLabel->setText(currency.symbol());
    m_ui->currencyLabel->setToolTip(currency.code());
    fillProviders(providers);
    m_ui->amountEdit->setPlaceholderText(
            Money::fromMinorUnits(0, currency).value().toDisplayString(locale).remove(currency.symbol()).trimmed());
    buildKeypad();
    revalidate();
}

void SaleForm::buildKeypad()
{
    const QString point = m_currency.exponent() > 0 ? m_locale.decimalPoint() : QString();
    QLayout *layout = m_ui->keypadLayout;
    if (layout->count() > 0 && point == m_keypadPoint)
        return; // the same keys: nothing to rebuild
    m_keypadPoint = point;
    while (QLayoutItem *item = layout->takeAt(0)) {
        delete item->widget();
        delete item;
    }
    const QStringList keys = { QStringLiteral("7"), QStringLiteral("8"), QStringLiteral("9"),
                               QStringLiteral("4"), QStringLiteral("5"), QStringLiteral("6"),
                               QStringLiteral("1"), QStringLiteral("2"), QStringLiteral("3"),
                               point,              QStringLiteral("0"), kBackspace };
    for (int i = 0; i < keys.size(); ++i) {
        if (keys.at(i).isEmpty())
            continue;
        auto *button = new QPushButton(keys.at(i), m_ui->keypadFrame);
        button->setFocusPolicy(Qt::NoFocus); // the typing target keeps the focus
        button->setMinimumSize(64, 52);
        button->setObjectName(QStringLiteral("keypad_%1").arg(i));
        button->setAccessibleName(keys.at(i) == kBackspace ? tr("Delete last digit") : keys.at(i));
        QFont font = button->font();
        font.setPointSizeF(font.pointSizeF() * 1.6);
        button->setFont(font);
        const QString key = keys.at(i);
        connect(button, &QPushButton::clicked, this, [this, key] { keypadPressed(key); });
        m_ui->keypadLayout->addWidget(button, i / 3, i % 3);
    }
    auto *clearButton = new QPushButton(tr("Clear"), m_ui->keypadFrame);
    clearButton->setFocusPolicy(Qt::NoFocus);
    clearButton->setMinimumHeight(44);
    connect(clearButton, &QPushButton::clicked, this, [this] { keypadTarget()->clear(); });
    m_ui->keypadLayout->addWidget(clearButton, 4, 0, 1, 3);
}

QLineEdit *SaleForm::keypadTarget() const
{
    return m_ui->mobileEdit->hasFocus() ? m_ui->mobileEdit : m_ui->amountEdit;
}

void SaleForm::keypadPressed(const QString &key)
{
    QLineEdit *target = keypadTarget();
    if (key == kBackspace)
        target->backspace();
    else if (target != m_ui->mobileEdit || key != m_locale.decimalPoint())
        target->insert(key);
}

QString SaleForm::provider() const
{
    return m_ui->providerCombo->currentData().toString();
}

QString SaleForm::amountError() const
{
    return m_ui->amountError->text();
}

QString SaleForm::mobileError() const
{
    return m_ui->mobileError->text();
}

std::optional<CheckoutRequest> SaleForm::request() const
{
    if (!m_engineAmountError.isEmpty() || !m_engineMobileError.isEmpty())
        return std::nullopt;
    CheckoutRequest request;
    request.provider = provider();
    if (request.provider.isEmpty())
        return std::nullopt;
    const Result<Money> amount = Money::parse(m_ui->amountEdit->text(), m_currency, m_locale);
    if (!amount || amount->checkPaymentBounds(ProviderRules::maxMinorUnits(request.provider)))
        return std::nullopt;
    request.amount = amount.value();
    const QString mobileText = m_ui->mobileEdit->text().trimmed();
    if (!mobileText.isEmpty()) {
        if (!m_parsePhone)
            return std::nullopt;
        const Result<PhoneNumber> phone = m_parsePhone(mobileText, m_ui->countryCombo->currentData().toString());
        if (!phone)
            return std::nullopt;
        request.mobile = phone.value();
    } else if (ProviderRules::needsMobile(request.provider)) {
        return std::nullopt;
    }
    request.note = m_ui->noteEdit->text().trimmed();
    return request;
}

void SaleForm::revalidate()
{
    QString amountMessage = m_engineAmountError;
    const QString amountText = m_ui->amountEdit->text().trimmed();
    if (amountMessage.isEmpty() && !amountText.isEmpty()) {
        const Result<Money> amount = Money::parse(amountText, m_currency, m_locale);
        if (!amount) {
            amountMessage = amount.errorMessage();
        } else if (std::optional<Error> bounds =
                           amount->checkPaymentBounds(ProviderRules::maxMinorUnits(provider()))) {
            amountMessage = bounds->message;
        }
    }
    setError(m_ui->amountError, amountMessage);

    QString mobileMessage = m_engineMobileError;
    const QString mobileText = m_ui->mobileEdit->text().trimmed();
    if (mobileMessage.isEmpty() && !mobileText.isEmpty() && m_parsePhone) {
        const Result<PhoneNumber> phone = m_parsePhone(mobileText, m_ui->countryCombo->currentData().toString());
        if (!phone)
            mobileMessage = phone.errorMessage();
    }
    setError(m_ui->mobileError, mobileMessage);
    const bool mobileNeeded = ProviderRules::needsMobile(provider());
    m_ui->mobileCaption->setText(mobileNeeded ? tr("Customer's &mobile") : tr("Customer's &mobile (optional)"));

    m_ui->payButton->setEnabled(!m_busy && isValid());
}

void SaleForm::setPhoneParser(PhoneParser parser)
{
    m_parsePhone = std::move(parser);
    revalidate();
}

void SaleForm::clear()
{
    m_engineAmountError.clear();
    m_engineMobileError.clear();
    m_ui->amountEdit->clear();
    m_ui->mobileEdit->clear();
    m_ui->noteEdit->clear();
    setBusy(false);
    revalidate();
}

void SaleForm::setBusy(bool busy)
{
    m_busy = busy;
    m_ui->payButton->setEnabled(!m_busy && isValid());
}

void SaleForm::focusAmount()
{
    m_ui->amountEdit->setFocus(Qt::OtherFocusReason);
    m_ui->amountEdit->selectAll();
}

void SaleForm::showEngineError(const QString &code, const QString &message)
{
    if (code == QLatin1String("mobile_required") || code.startsWith(QLatin1String("phone")))
        m_engineMobileError = message;
    else
        m_engineAmountError = message;
    revalidate();
}

void SaleForm::keyPressEvent(QKeyEvent *event)
{
    if (event->key() == Qt::Key_Return || event->key() == Qt::Key_Enter) {
        if (!m_busy && isValid())
            emit payRequested();
        event->accept();
        return;
    }
    QWidget::keyPressEvent(event);
}

void SaleForm::changeEvent(QEvent *event)
{
    if (event->type() == QEvent::LanguageChange) {
        m_ui->retranslateUi(this);
        revalidate();
    }
    QWidget::changeEvent(event);
}
