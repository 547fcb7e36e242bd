#include "ui/SaleForm.h"

#include "gateway/ProviderRules.h"
#include "core/AmountWords.h"
#include "core/SaleNote.h"
#include "ui/Badge.h"
#include "gateway/ProviderRules.h"
#include "ui_SaleForm.h"

#include <QApplication>
#include <QKeyEvent>
#include <QPushButton>
#include <QShortcut>
#include <QTimer>

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

// How long the last customer's number is kept for "same customer".
constexpr std::chrono::milliseconds kLastCustomerTimeout = std::chrono::minutes(2);
// The confirm button takes Enter only this long after the panel appears: the Enter that opened
// it, its autorepeat or a habitual double Enter never also confirms.
constexpr std::chrono::milliseconds kConfirmArmDelay = std::chrono::milliseconds(400);

bool isEnter(int key)
{
    return key == Qt::Key_Return || key == Qt::Key_Enter;
}

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
    for (Badge *error : { m_ui->amountError, m_ui->mobileError, m_ui->noteError }) {
        error->setProperty("role", QStringLiteral("error"));
        error->setColors(QColor(0xb3, 0x1d, 0x1d), Qt::white);
        error->hide();
    }
    buildKeypad(); // again by configure() only if the decimal point differs
    QFont wordsFont = m_ui->confirmWords->font();
    wordsFont.setPointSizeF(wordsFont.pointSizeF() * 1.6);
    wordsFont.setBold(true);
    m_ui->confirmWords->setFont(wordsFont);
    m_ui->confirmFigures->setFont(mid);
    m_ui->confirmYesButton->setFont(payFont);

    m_confirmArm = new QTimer(this);
    m_confirmArm->setSingleShot(true);
    m_confirmArm->setInterval(kConfirmArmDelay);
    connect(m_confirmArm, &QTimer::timeout, this, [this] {
        m_ui->confirmYesButton->setEnabled(true);
        m_ui->confirmYesButton->setFocus(Qt::OtherFocusReason);
    });
    m_lastCustomerTimer = new QTimer(this);
    m_lastCustomerTimer->setObjectName(QStringLiteral("lastCustomerTimer"));
    m_lastCustomerTimer->setSingleShot(true);
    m_lastCustomerTimer->setInterval(kLastCustomerTimeout);
    connect(m_lastCustomerTimer, &QTimer::timeout, this, &SaleForm::forgetLastCustomer);
    auto *sameCustomer = new QShortcut(QKeySequence(Qt::Key_F3), this);
    sameCustomer->setContext(Qt::WidgetWithChildrenShortcut);
    connect(sameCustomer, &QShortcut::activated, this, &SaleForm::useLastCustomer);

    // Tab goes amount -> mobile -> Pay; the country picker is reached by its mnemonic or by
    // Shift+Tab from the mobile, and digits typed while it has focus go to the mobile.
    m_ui->mobileEdit->installEventFilter(this);
    m_ui->countryCombo->installEventFilter(this);

    connect(m_ui->amountEdit, &QLineEdit::textChanged, this, [this] {
        m_engineAmountError.clear();
        hideConfirm(false);
        revalidate();
    });
    connect(m_ui->noteEdit, &QLineEdit::textChanged, this, &SaleForm::revalidate);
    connect(m_ui->mobileEdit, &QLineEdit::textChanged, this, [this] {
        m_engineMobileError.clear();
        if (!m_fillingLastCustomer)
            m_usingLastCustomer = false;
        hideConfirm(false);
        revalidate();
    });
    connect(m_ui->countryCombo, &QComboBox::currentIndexChanged, this, [this] {
        hideConfirm(false);
        revalidate();
    });
    connect(m_ui->providerCombo, &QComboBox::currentIndexChanged, this, [this] {
        hideConfirm(false);
        showCurrency();
        revalidate();
    });
    connect(m_ui->payButton, &QPushButton::clicked, this, &SaleForm::requestPay);
    connect(m_ui->confirmYesButton, &QPushButton::clicked, this, [this] {
        if (!isConfirming())
            return;
        const std::optional<CheckoutRequest> sale = request();
        hideConfirm(!sale);
        if (sale)
            send(*sale);
    });
    connect(m_ui->confirmNoButton, &QPushButton::clicked, this, [this] { hideConfirm(true); });
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
        m_ui->providerCombo->addItem(ProviderRules::displayName(provider), provider);
    if (const int keep = m_ui->providerCombo->findData(current); keep >= 0)
        m_ui->providerCombo->setCurrentIndex(keep);
}

void SaleForm::configure(const QStringList &providers, const Currency &currency, const QLocale &locale)
{
    m_currency = currency;
    m_locale = locale;
    fillProviders(providers);
    showCurrency();
    buildKeypad();
    revalidate();
}

Currency SaleForm::saleCurrency() const
{
    return Currency::fromCode(ProviderRules::currencyFor(provider(), m_currency.code())).value_or(m_currency);
}

void SaleForm::showCurrency()
{
    // The symbol beside the amount is the sale's: ₹ for the Indian methods, € for CM.com.
    const Currency currency = saleCurrency();
    m_ui->currencyLabel->setText(currency.symbol());
    m_ui->currencyLabel->setToolTip(currency.code());
    m_ui->amountEdit->setPlaceholderText(
            Money::fromMinorUnits(0, currency).value().toDisplayString(m_locale).remove(currency.symbol()).trimmed());
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
    if (target == m_ui->mobileEdit)
        leaveLastCustomer();
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

QString SaleForm::noteError() const
{
    return m_ui->noteError->text();
}

QString SaleForm::mobileError() const
{
    return m_ui->mobileError->text();
}

void SaleForm::setLimits(qint64 saleCeilingMinor, qint64 confirmAboveMinor)
{
    m_ceilingMinor = saleCeilingMinor > 0 ? saleCeilingMinor : Money::kAbsoluteMaxMinorUnits;
    m_confirmAboveMinor = qMax<qint64>(0, confirmAboveMinor);
    revalidate();
}

qint64 SaleForm::maxMinorUnits() const
{
    return qMin(m_ceilingMinor, ProviderRules::maxMinorUnits(provider()));
}

QString SaleForm::limitMessage(qint64 maxMinorUnits) const
{
    const Result<Money> max = Money::fromMinorUnits(maxMinorUnits, saleCurrency());
    const QString money = max ? max->toDisplayString(m_locale) : QString::number(maxMinorUnits);
    if (maxMinorUnits == m_ceilingMinor)
        return tr("The most one sale can be is %1.").arg(money);
    return tr("The most one sale by %1 can be is %2.").arg(ProviderRules::displayName(provider()), money);
}

std::optional<CheckoutRequest> SaleForm::request() const
{
    if (!m_engineAmountError.isEmpty() || !m_engineMobileError.isEmpty())
        return std::nullopt;
    CheckoutRequest request;
    request.provider = provider();
    if (request.provider.isEmpty())
        return std::nullopt;
    const Result<Money> amount = Money::parse(m_ui->amountEdit->text(), saleCurrency(), m_locale);
    if (!amount || amount->checkPaymentBounds(maxMinorUnits()))
        return std::nullopt;
    request.amount = amount.value();
    const QString mobileText = m_ui->mobileEdit->text().trimmed();
    if (m_usingLastCustomer && m_lastCustomer) {
        request.mobile = m_lastCustomer;
    } else if (!mobileText.isEmpty()) {
        const Result<PhoneNumber> phone = PhoneNumber::parse(mobileText, m_ui->countryCombo->currentData().toString());
        if (!phone)
            return std::nullopt;
        request.mobile = phone.value();
    } else if (ProviderRules::needsMobile(request.provider)) {
        return std::nullopt;
    }
    if (const QString region = ProviderRules::mobileRegion(request.provider);
        request.mobile && !region.isEmpty() && request.mobile->regionCode() != region)
        return std::nullopt;
    // What is sent is what the ledger will keep (phone numbers in the note masked).
    const Result<QString> note = SaleNote::check(m_ui->noteEdit->text());
    if (!note)
        return std::nullopt;
    request.note = note.value();
    return request;
}

void SaleForm::revalidate()
{
    QString amountMessage = m_engineAmountError;
    const QString amountText = m_ui->amountEdit->text().trimmed();
    if (amountMessage.isEmpty() && !amountText.isEmpty()) {
        const Result<Money> amount = Money::parse(amountText, saleCurrency(), m_locale);
        if (!amount) {
            amountMessage = amount.errorMessage();
        } else if (amount->minorUnits() > maxMinorUnits()) {
            amountMessage = limitMessage(maxMinorUnits());
        } else if (std::optional<Error> bounds = amount->checkPaymentBounds(maxMinorUnits())) {
            amountMessage = bounds->message;
        }
    }
    setError(m_ui->amountError, amountMessage);

    QString mobileMessage = m_engineMobileError;
    const QString mobileText = m_ui->mobileEdit->text().trimmed();
    if (mobileMessage.isEmpty() && !mobileText.isEmpty() && !m_usingLastCustomer) {
        const Result<PhoneNumber> phone = PhoneNumber::parse(mobileText, m_ui->countryCombo->currentData().toString());
        const QString region = ProviderRules::mobileRegion(provider());
        if (!phone)
            mobileMessage = phone.errorMessage();
        else if (!region.isEmpty() && phone->regionCode() != region)
            mobileMessage = tr("%1 reaches Indian mobile numbers only (+91); %2 is not one.")
                                    .arg(ProviderRules::displayName(provider()), phone->countryCallingCode());
    }
    setError(m_ui->mobileError, mobileMessage);
    QString noteMessage;
    if (const Result<QString> note = SaleNote::check(m_ui->noteEdit->text()); !note) {
        const QString text = m_ui->noteEdit->text().trimmed();
        noteMessage = note.errorCode() == QLatin1String("note_too_long")
                              ? tr("The note is %1 characters long; the most is %2.").arg(text.size()).arg(SaleNote::kMaxLength)
                              : tr("The note holds a control character; a note is one line of plain text.");
    }
    setError(m_ui->noteError, noteMessage);
    const bool mobileNeeded = ProviderRules::needsMobile(provider());
    m_ui->mobileCaption->setText(mobileNeeded ? tr("Customer's &mobile") : tr("Customer's &mobile (optional)"));
    updateLastCustomerHint();

    // Pay shows the amount as it was understood (Devanagari or full-width digits, a comma for
    // a point): what the customer will be asked for, before it is sent.
    const std::optional<CheckoutRequest> sale = request();
    m_ui->payButton->setText(sale ? tr("Pay %1 (Enter)").arg(sale->amount.toDisplayString(m_locale)) : tr("Pay (Enter)"));
    m_ui->payButton->setEnabled(!m_busy && sale.has_value());
}

void SaleForm::clear()
{
    m_engineAmountError.clear();
    m_engineMobileError.clear();
    m_ui->amountEdit->clear();
    m_ui->mobileEdit->clear();
    m_ui->noteEdit->clear();
    hideConfirm(false);
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

void SaleForm::requestPay()
{
    if (m_busy || isConfirming())
        return;
    const std::optional<CheckoutRequest> sale = request();
    if (!sale)
        return;
    if (m_confirmAboveMinor > 0 && sale->amount.minorUnits() > m_confirmAboveMinor) {
        showConfirm(sale->amount);
        return;
    }
    send(*sale);
}

void SaleForm::send(const CheckoutRequest &sale)
{
    if (sale.mobile) {
        m_lastCustomer = sale.mobile;
        m_lastCustomerTimer->start();
        updateLastCustomerHint();
    }
    emit payRequested();
}

bool SaleForm::isConfirming() const
{
    return !m_ui->confirmPanel->isHidden();
}

void SaleForm::showConfirm(const Money &amount)
{
    const QString figures = amount.toDisplayString(m_locale);
    m_ui->confirmFigures->setText(figures);
    m_ui->confirmWords->setText(tr("%1?").arg(AmountWords::forLocale(amount, m_locale)));
    m_ui->confirmYesButton->setText(tr("&Yes, send %1").arg(figures));
    m_ui->confirmYesButton->setEnabled(false); // focused and usable only once armed
    m_ui->confirmPanel->show();
    m_ui->confirmPanel->setFocus(Qt::OtherFocusReason);
    m_ui->payButton->hide();
    m_confirmArm->start();
}

void SaleForm::hideConfirm(bool backToAmount)
{
    if (!isConfirming())
        return;
    m_confirmArm->stop();
    m_ui->confirmYesButton->setEnabled(false);
    m_ui->payButton->show();
    m_ui->confirmPanel->hide();
    if (backToAmount)
        focusAmount();
}

void SaleForm::confirmKey(QKeyEvent *event)
{
    event->accept();
    const int key = event->key();
    if (event->modifiers() & ~(Qt::KeypadModifier | Qt::ShiftModifier))
        return;
    if (key == Qt::Key_Escape || key == Qt::Key_N) {
        hideConfirm(true);
        return;
    }
    if (event->isAutoRepeat() || !(isEnter(key) || key == Qt::Key_Y))
        return;
    if (m_ui->confirmNoButton->hasFocus() && isEnter(key))
        m_ui->confirmNoButton->click();
    else if (m_ui->confirmYesButton->isEnabled() && m_ui->confirmYesButton->hasFocus())
        m_ui->confirmYesButton->click();
}

void SaleForm::useLastCustomer()
{
    if (!m_lastCustomer || m_busy)
        return;
    m_fillingLastCustomer = true;
    m_ui->mobileEdit->setText(m_lastCustomer->masked());
    m_fillingLastCustomer = false;
    m_usingLastCustomer = true;
    revalidate();
}

void SaleForm::leaveLastCustomer()
{
    if (m_usingLastCustomer)
        m_ui->mobileEdit->clear(); // resets the flag through textChanged
}

void SaleForm::forgetLastCustomer()
{
    m_lastCustomerTimer->stop();
    m_lastCustomer.reset();
    if (m_usingLastCustomer)
        m_ui->mobileEdit->clear();
    updateLastCustomerHint();
}

std::chrono::milliseconds SaleForm::lastCustomerTimeout() const
{
    return m_lastCustomerTimer->intervalAsDuration();
}

void SaleForm::setLastCustomerTimeout(std::chrono::milliseconds timeout)
{
    m_lastCustomerTimer->setInterval(timeout);
}

void SaleForm::updateLastCustomerHint()
{
    if (m_lastCustomer)
        m_ui->lastCustomerHint->setText(tr("F3: same customer (%1)").arg(m_lastCustomer->masked()));
    m_ui->lastCustomerHint->setVisible(m_lastCustomer.has_value());
}

bool SaleForm::event(QEvent *event)
{
    // While the amount is being confirmed Esc belongs to the panel (back to the amount), not
    // to the window's Esc shortcut (which would clear the sale).
    if (event->type() == QEvent::ShortcutOverride && isConfirming()) {
        if (static_cast<QKeyEvent *>(event)->key() == Qt::Key_Escape) {
            event->accept();
            return true;
        }
    }
    return QWidget::event(event);
}

bool SaleForm::eventFilter(QObject *watched, QEvent *event)
{
    if (event->type() != QEvent::KeyPress)
        return QWidget::eventFilter(watched, event);
    auto *key = static_cast<QKeyEvent *>(event);
    if (watched == m_ui->mobileEdit) {
        if (key->key() == Qt::Key_Backtab) {
            m_ui->countryCombo->setFocus(Qt::BacktabFocusReason);
            return true;
        }
        // The masked last customer is replaced, not edited, by what the cashier types.
        const bool edits = key->key() == Qt::Key_Backspace || key->key() == Qt::Key_Delete
                || (!key->text().isEmpty() && key->text().at(0).isPrint());
        if (m_usingLastCustomer && edits && !(key->modifiers() & Qt::ControlModifier))
            leaveLastCustomer();
    } else if (watched == m_ui->countryCombo) {
        if (key->key() == Qt::Key_Tab) {
            m_ui->mobileEdit->setFocus(Qt::TabFocusReason);
            return true;
        }
        if (key->key() == Qt::Key_Backtab) {
            m_ui->amountEdit->setFocus(Qt::BacktabFocusReason);
            return true;
        }
        const QString text = key->text();
        if (!text.isEmpty() && (text.at(0).isDigit() || text.at(0) == u'+') && !(key->modifiers() & Qt::ControlModifier)) {
            leaveLastCustomer();
            m_ui->mobileEdit->setFocus(Qt::OtherFocusReason);
            m_ui->mobileEdit->insert(text);
            return true;
        }
    }
    return QWidget::eventFilter(watched, event);
}

void SaleForm::keyPressEvent(QKeyEvent *event)
{
    if (isConfirming()) {
        confirmKey(event);
        return;
    }
    if (isEnter(event->key())) {
        requestPay();
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
