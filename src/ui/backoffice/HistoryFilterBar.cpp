#include "ui/backoffice/HistoryFilterBar.h"

#include "core/Money.h"
#include "gateway/ProviderRules.h"
#include "ui/backoffice/BackOfficeText.h"
#include "ui_HistoryFilterBar.h"

#include <QHash>
#include <QRegularExpression>
#include <QTimer>

namespace {

constexpr int kDebounceMs = 300;

QDateTime localMidnight(const QDate &day, const QTimeZone &zone)
{
    return QDateTime(day, QTime(0, 0), zone).toUTC();
}

bool isPhoneLast4(const QString &text)
{
    static const QRegularExpression fourDigits(QStringLiteral("^\\d{4}$"));
    return fourDigits.match(text).hasMatch();
}

} // namespace

HistoryFilterBar::HistoryFilterBar(const Clock &clock, const QLocale &locale, QWidget *parent)
    : QWidget(parent), m_ui(std::make_unique<Ui::HistoryFilterBar>()), m_clock(clock), m_locale(locale)
{
    m_ui->setupUi(this);
    setSizePolicy(QSizePolicy::Preferred, QSizePolicy::Maximum);
    m_ui->filterGrid->setColumnStretch(1, 3);
    m_ui->filterGrid->setColumnStretch(5, 2);
    m_ui->filterGrid->setColumnStretch(7, 2);
    m_ui->presetCombo->addItem(tr("Today"), int(Preset::Today));
    m_ui->presetCombo->addItem(tr("Yesterday"), int(Preset::Yesterday));
    m_ui->presetCombo->addItem(tr("This week"), int(Preset::ThisWeek));
    m_ui->presetCombo->addItem(tr("This month"), int(Preset::ThisMonth));
    m_ui->presetCombo->addItem(tr("Custom days"), int(Preset::Custom));

    m_ui->stateCombo->addItem(tr("Any state"), QString());
    for (PaymentState state : PaymentStates::all())
        m_ui->stateCombo->addItem(BackOfficeText::state(state), PaymentStates::name(state));
    m_ui->providerCombo->addItem(tr("Any provider"), QStringList { QString(), QString() });

    m_ui->filterError->setStyleSheet(QStringLiteral("color: #ffffff; background: #b31d1d; padding: 2px 6px; "
                                                    "border-radius: 4px;"));
    m_ui->filterError->hide();
    m_ui->fromDateEdit->setDisplayFormat(locale.dateFormat(QLocale::ShortFormat));
    m_ui->toDateEdit->setDisplayFormat(locale.dateFormat(QLocale::ShortFormat));

    m_debounce = new QTimer(this);
    m_debounce->setSingleShot(true);
    m_debounce->setInterval(kDebounceMs);
    connect(m_debounce, &QTimer::timeout, this, &HistoryFilterBar::changed);

    connect(m_ui->presetCombo, &QComboBox::currentIndexChanged, this, &HistoryFilterBar::presetChosen);
    connect(m_ui->fromDateEdit, &QDateEdit::dateChanged, this, &HistoryFilterBar::changed);
    connect(m_ui->toDateEdit, &QDateEdit::dateChanged, this, &HistoryFilterBar::changed);
    connect(m_ui->stateCombo, &QComboBox::currentIndexChanged, this, &HistoryFilterBar::changed);
    connect(m_ui->providerCombo, &QComboBox::currentIndexChanged, this, &HistoryFilterBar::changed);
    for (QLineEdit *edit : { m_ui->searchEdit, m_ui->minAmountEdit, m_ui->maxAmountEdit, m_ui->cashierEdit }) {
        connect(edit, &QLineEdit::textChanged, this, &HistoryFilterBar::emitSoon);
        connect(edit, &QLineEdit::returnPressed, this, &HistoryFilterBar::changed);
    }
    presetChosen();
}

HistoryFilterBar::~HistoryFilterBar() = default;

void HistoryFilterBar::setTimeZone(const QTimeZone &zone)
{
    m_zone = zone;
    presetChosen();
}

void HistoryFilterBar::setCurrency(const Currency &currency)
{
    m_currency = currency;
    changed();
}

void HistoryFilterBar::setProviders(const QStringList &providers)
{
    QList<std::pair<QString, QString>> pairs;
    for (const QString &provider : providers)
        pairs.append({ provider, QString() });
    setProviderMethods(pairs);
}

void HistoryFilterBar::setProviderMethods(const QList<std::pair<QString, QString>> &pairs)
{
    m_updating = true;
    const QVariant current = m_ui->providerCombo->currentData();
    while (m_ui->providerCombo->count() > 1)
        m_ui->providerCombo->removeItem(1);
    QStringList providers;
    QHash<QString, QStringList> methods;
    for (const auto &[provider, method] : pairs) {
        if (!providers.contains(provider))
            providers << provider;
        if (!method.isEmpty() && !methods[provider].contains(method))
            methods[provider] << method;
    }
    for (const QString &provider : std::as_const(providers)) {
        m_ui->providerCombo->addItem(ProviderRules::displayName(provider), QStringList { provider, QString() });
        const QStringList &several = methods.value(provider);
        if (several.size() < 2)
            continue;
        for (const QString &method : several)
            m_ui->providerCombo->addItem(ProviderRules::displayName(provider) + QStringLiteral(" \u00b7 ") + method,
                                         QStringList { provider, method });
    }
    const int index = m_ui->providerCombo->findData(current);
    m_ui->providerCombo->setCurrentIndex(index < 0 ? 0 : index);
    m_updating = false;
}

HistoryFilterBar::Preset HistoryFilterBar::preset() const
{
    return Preset(m_ui->presetCombo->currentData().toInt());
}

void HistoryFilterBar::setPreset(Preset preset)
{
    m_ui->presetCombo->setCurrentIndex(m_ui->presetCombo->findData(int(preset)));
}

void HistoryFilterBar::setCustomRange(const QDate &from, const QDate &to)
{
    m_updating = true;
    setPreset(Preset::Custom);
    m_ui->fromDateEdit->setDate(from);
    m_ui->toDateEdit->setDate(to);
    m_updating = false;
    changed();
}

std::pair<QDateTime, QDateTime> HistoryFilterBar::presetRange(Preset preset, const QDateTime &nowUtc,
                                                              const QTimeZone &zone, const QLocale &locale)
{
    const QDate today = nowUtc.toTimeZone(zone).date();
    switch (preset) {
    case Preset::Today:
        return { localMidnight(today, zone), localMidnight(today.addDays(1), zone) };
    case Preset::Yesterday:
        return { localMidnight(today.addDays(-1), zone), localMidnight(today, zone) };
    case Preset::ThisWeek: {
        const int back = (today.dayOfWeek() - int(locale.firstDayOfWeek()) + 7) % 7;
        return { localMidnight(today.addDays(-back), zone), localMidnight(today.addDays(1), zone) };
    }
    case Preset::ThisMonth:
        return { localMidnight(QDate(today.year(), today.month(), 1), zone), localMidnight(today.addDays(1), zone) };
    case Preset::Custom:
        break;
    }
    return {};
}

OrderFilter HistoryFilterBar::filter() const
{
    OrderFilter filter;
    if (preset() == Preset::Custom) {
        QDate from = m_ui->fromDateEdit->date();
        QDate to = m_ui->toDateEdit->date();
        if (to < from)
            std::swap(from, to);
        filter.since = localMidnight(from, m_zone);
        filter.until = localMidnight(to.addDays(1), m_zone);
    } else {
        const auto [since, until] = presetRange(preset(), m_clock.nowUtc(), m_zone, m_locale);
        filter.since = since;
        filter.until = until;
    }
    const QString state = m_ui->stateCombo->currentData().toString();
    if (const std::optional<PaymentState> parsed = PaymentStates::fromName(state))
        filter.states = { *parsed };
    const QStringList providerMethod = m_ui->providerCombo->currentData().toStringList();
    filter.provider = providerMethod.value(0);
    filter.method = providerMethod.value(1);
    filter.cashier = m_ui->cashierEdit->text().trimmed();
    const QString search = m_ui->searchEdit->text().trimmed();
    if (isPhoneLast4(search))
        filter.phoneLast4 = search;
    else
        filter.search = search;
    const Result<Money> min = Money::parse(m_ui->minAmountEdit->text().trimmed(), m_currency, m_locale);
    if (min.ok())
        filter.minAmountMinorUnits = min.value().minorUnits();
    const Result<Money> max = Money::parse(m_ui->maxAmountEdit->text().trimmed(), m_currency, m_locale);
    if (max.ok())
        filter.maxAmountMinorUnits = max.value().minorUnits();
    return filter;
}

bool HistoryFilterBar::reachesBeforeToday() const
{
    const auto [todayStart, tomorrow] = presetRange(Preset::Today, m_clock.nowUtc(), m_zone, m_locale);
    Q_UNUSED(tomorrow)
    const OrderFilter current = filter();
    return !current.since.isValid() || current.since < todayStart;
}

QString HistoryFilterBar::error() const
{
    QStringList problems;
    const QString minText = m_ui->minAmountEdit->text().trimmed();
    const QString maxText = m_ui->maxAmountEdit->text().trimmed();
    const Result<Money> min = Money::parse(minText, m_currency, m_locale);
    const Result<Money> max = Money::parse(maxText, m_currency, m_locale);
    if (!minText.isEmpty() && !min.ok())
        problems << tr("Smallest amount: %1").arg(min.errorMessage());
    if (!maxText.isEmpty() && !max.ok())
        problems << tr("Largest amount: %1").arg(max.errorMessage());
    if (min.ok() && max.ok() && max.value().minorUnits() < min.value().minorUnits())
        problems << tr("The smallest amount is larger than the largest.");
    return problems.join(QLatin1Char(' '));
}

void HistoryFilterBar::presetChosen()
{
    const bool custom = preset() == Preset::Custom;
    m_ui->fromDateEdit->setVisible(custom);
    m_ui->toDateEdit->setVisible(custom);
    if (!custom) {
        // Keep the custom fields on the preset's days, so switching to Custom starts there.
        const auto [since, until] = presetRange(preset(), m_clock.nowUtc(), m_zone, m_locale);
        const bool wasUpdating = m_updating;
        m_updating = true;
        m_ui->fromDateEdit->setDate(since.toTimeZone(m_zone).date());
        m_ui->toDateEdit->setDate(until.toTimeZone(m_zone).date().addDays(-1));
        m_updating = wasUpdating;
    }
    changed();
}

void HistoryFilterBar::changed()
{
    if (m_updating)
        return;
    m_debounce->stop();
    const QString problem = error();
    m_ui->filterError->setText(problem.isEmpty() ? QString() : QStringLiteral("\u26a0 ") + problem);
    m_ui->filterError->setVisible(!problem.isEmpty());
    emit filterChanged();
}

void HistoryFilterBar::emitSoon()
{
    if (!m_updating)
        m_debounce->start();
}
