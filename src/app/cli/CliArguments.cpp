#include "app/cli/CliArguments.h"

#include "gateway/ProviderRules.h"
#include "core/OrderId.h"

#include <QHash>
#include <QRegularExpression>
#include <QSet>

namespace {

Error bad(const QString &message)
{
    return Error { QStringLiteral("bad_input"), message };
}

// Which options take a value, and which commands accept them ("*" = every command).
struct OptionSpec
{
    const char *name;
    bool takesValue;
    const char *commands;
};

constexpr OptionSpec kOptions[] = {
    { "config", true, "*" },        { "db", true, "*" },           { "demo", false, "*" },
    { "demo-scenario", true, "*" }, { "terminal", true, "*" },     { "poll", true, "*" },
    { "json", false, "*" },         { "provider", true, "pay status history" },
    { "amount", true, "pay refund" }, { "currency", true, "pay refund" }, { "mobile", true, "pay" },
    { "order-id", true, "pay status refund" }, { "note", true, "pay" }, { "wait", false, "pay" },
    { "qr", false, "pay" },          { "timeout", true, "pay status resume" }, { "since", true, "history" },
    { "until", true, "history" },    { "state", true, "history" }, { "phone-last4", true, "history" },
    { "csv", false, "history" },     { "limit", true, "history" },
};

const OptionSpec *findOption(const QString &name)
{
    for (const OptionSpec &spec : kOptions) {
        if (name == QLatin1String(spec.name))
            return &spec;
    }
    return nullptr;
}

// A day ("2026-11-22", local time) or a date-time ("2026-11-22T10:00:00", local unless it
// carries Z or an offset). `endOfDay` turns a bare date into the start of the next day.
std::optional<QDateTime> parseWhen(const QString &text, bool endOfDay)
{
    const QDate date = QDate::fromString(text, Qt::ISODate);
    if (date.isValid() && text.size() == 10)
        return QDateTime(endOfDay ? date.addDays(1) : date, QTime(0, 0)).toUTC();
    const QDateTime time = QDateTime::fromString(text, Qt::ISODate);
    if (time.isValid())
        return time.toUTC();
    return std::nullopt;
}

} // namespace

bool CliArguments::isProviderSpec(const QString &spec)
{
    static const QRegularExpression wallet(QStringLiteral("^juspay-wallet:[A-Za-z0-9_]{2,20}$"));
    return spec == QLatin1String("juspay-upi-qr") || spec == QLatin1String("juspay-gpay") || spec == QLatin1String("juspay-cred")
            || spec == QLatin1String("googlepay") || spec == QLatin1String("cmcom") || wallet.match(spec).hasMatch();
}

Result<CliArguments> CliArguments::parse(const QStringList &arguments)
{
    CliArguments args;
    QHash<QString, QString> values;
    QSet<QString> flags;
    for (qsizetype i = 0; i < arguments.size(); ++i) {
        const QString &arg = arguments.at(i);
        if (arg == QLatin1String("-h") || arg == QLatin1String("--help") || arg == QLatin1String("help")) {
            args.command = QStringLiteral("help");
            return args;
        }
        if (arg == QLatin1String("--version") || arg == QLatin1String("-v")) {
            args.command = QStringLiteral("version");
            return args;
        }
        if (!arg.startsWith(QLatin1String("--"))) {
            if (!args.command.isEmpty())
                return bad(QStringLiteral("Unexpected '%1': give one command (pay, status, resume, history, refund, check).").arg(arg.left(40)));
            args.command = arg;
            continue;
        }
        QString name = arg.mid(2);
        QString value;
        bool inlineValue = false;
        if (const qsizetype eq = name.indexOf(u'='); eq > 0) {
            value = name.mid(eq + 1);
            name = name.left(eq);
            inlineValue = true;
        }
        const OptionSpec *spec = findOption(name);
        if (!spec)
            return bad(QStringLiteral("Unknown option --%1; run counterpay-cli --help.").arg(name.left(40)));
        // "--amount 5 --amount 5000" must not quietly mean 5000.
        if (values.contains(name) || flags.contains(name))
            return bad(QStringLiteral("--%1 is given twice; give it once.").arg(name));
        if (spec->takesValue) {
            if (!inlineValue) {
                if (i + 1 >= arguments.size())
                    return bad(QStringLiteral("--%1 needs a value.").arg(name));
                value = arguments.at(++i);
            }
            values.insert(name, value);
        } else {
            if (inlineValue)
                return bad(QStringLiteral("--%1 takes no value.").arg(name));
            flags.insert(name);
        }
    }

    static const QStringList commands = { QStringLiteral("pay"), QStringLiteral("status"), QStringLiteral("resume"),
                                          QStringLiteral("history"), QStringLiteral("refund"), QStringLiteral("check") };
    if (args.command.isEmpty())
        return bad(QStringLiteral("No command given: use pay, status, resume, history, refund or check (--help explains them)."));
    if (!commands.contains(args.command))
        return bad(QStringLiteral("Unknown command '%1': use pay, status, resume, history, refund or check.").arg(args.command.left(40)));

    QStringList given = values.keys() + flags.values();
    for (const QString &name : std::as_const(given)) {
        const QString allowed = QString::fromLatin1(findOption(name)->commands);
        if (allowed != QLatin1String("*") && !allowed.split(u' ').contains(args.command))
            return bad(QStringLiteral("--%1 does not apply to '%2'.").arg(name, args.command));
    }

    // Global options.
    args.app.configPath = values.value(QStringLiteral("config"));
    args.app.dbPath = values.value(QStringLiteral("db"));
    args.app.demo = flags.contains(QStringLiteral("demo"));
    args.app.demoScenario = values.value(QStringLiteral("demo-scenario"), QStringLiteral("approve-after:2000"));
    if (values.contains(QStringLiteral("terminal"))) {
        args.app.terminal = values.value(QStringLiteral("terminal"));
        if (std::optional<Error> error = OrderId::checkPrefix(args.app.terminal))
            return bad(QStringLiteral("--terminal: ") + error->message);
    }
    if (values.contains(QStringLiteral("poll"))) {
        QString error;
        const PollPolicy policy = PollPolicy::parse(values.value(QStringLiteral("poll")), &error);
        if (!error.isEmpty())
            return bad(QStringLiteral("--poll: ") + error + u'.');
        args.app.pollPolicy = policy;
    }
    // history and check read the ledger only: no profile, no secrets, no sandbox.
    args.app.ledgerOnly = args.command == QLatin1String("history") || args.command == QLatin1String("check");
    if (!args.app.demo && args.app.configPath.isEmpty() && !args.app.ledgerOnly)
        return bad(QStringLiteral("No gateway profile: pass --config FILE, or --demo to use the built-in sandbox."));
    if (flags.contains(QStringLiteral("json")) && flags.contains(QStringLiteral("csv")))
        return bad(QStringLiteral("Choose --json or --csv, not both."));
    args.format = flags.contains(QStringLiteral("json")) ? Format::Json
            : flags.contains(QStringLiteral("csv"))      ? Format::Csv
                                                         : Format::Text;
    args.wait = flags.contains(QStringLiteral("wait"));
    args.qr = flags.contains(QStringLiteral("qr"));

    if (values.contains(QStringLiteral("provider"))) {
        args.provider = values.value(QStringLiteral("provider"));
        // Wallet names are upper case at Juspay (GOPAY); juspay-wallet:gopay means the same.
        const QLatin1String walletPrefix("juspay-wallet:");
        if (args.provider.startsWith(walletPrefix))
            args.provider = walletPrefix + args.provider.mid(walletPrefix.size()).toUpper();
        if (!isProviderSpec(args.provider)) {
            return bad(QStringLiteral("--provider '%1' is not one of juspay-upi-qr, juspay-gpay, juspay-cred, juspay-wallet:METHOD, "
                                      "googlepay, cmcom.").arg(args.provider.left(40)));
        }
    }
    // Without --currency: rupees, or the provider's own where it takes no rupees (CM.com: EUR).
    Currency currency = Currency::fromCode(ProviderRules::currencyFor(args.provider, QStringLiteral("INR"))).value_or(Currency::inr());
    if (values.contains(QStringLiteral("currency"))) {
        const std::optional<Currency> parsed = Currency::fromCode(values.value(QStringLiteral("currency")));
        if (!parsed)
            return bad(QStringLiteral("--currency '%1' is not supported; use an ISO 4217 code such as INR or EUR.")
                               .arg(values.value(QStringLiteral("currency")).left(10)));
        currency = *parsed;
    }
    if (values.contains(QStringLiteral("amount"))) {
        const Result<Money> amount = Money::parse(values.value(QStringLiteral("amount")), currency, QLocale::c());
        if (!amount)
            return bad(QStringLiteral("--amount: ") + amount.errorMessage());
        args.amount = amount.value();
    }
    if (values.contains(QStringLiteral("mobile"))) {
        const Result<PhoneNumber> mobile = PhoneNumber::parse(values.value(QStringLiteral("mobile")));
        if (!mobile)
            return bad(QStringLiteral("--mobile: ") + mobile.errorMessage());
        args.mobile = mobile.value();
    }
    if (values.contains(QStringLiteral("order-id"))) {
        args.orderId = values.value(QStringLiteral("order-id"));
        const Result<OrderId> id = OrderId::fromString(args.orderId);
        if (!id)
            return bad(QStringLiteral("--order-id: ") + id.errorMessage());
    }
    // Checked (control characters, length) and phone numbers masked by the engine, as for
    // the window; never cut here.
    args.note = values.value(QStringLiteral("note"));
    if (values.contains(QStringLiteral("timeout"))) {
        bool ok = false;
        args.timeoutSeconds = values.value(QStringLiteral("timeout")).toInt(&ok);
        if (!ok || args.timeoutSeconds <= 0 || args.timeoutSeconds > 86'400)
            return bad(QStringLiteral("--timeout wants a number of seconds between 1 and 86400."));
    }
    for (const char *name : { "since", "until" }) {
        const QString key = QString::fromLatin1(name);
        if (!values.contains(key))
            continue;
        const std::optional<QDateTime> when = parseWhen(values.value(key), key == QLatin1String("until"));
        if (!when)
            return bad(QStringLiteral("--%1 '%2' is not a date (YYYY-MM-DD) or a date-time (YYYY-MM-DDTHH:MM:SS).")
                               .arg(key, values.value(key).left(40)));
        (key == QLatin1String("since") ? args.since : args.until) = *when;
    }
    if (args.since.isValid() && args.until.isValid() && args.since >= args.until)
        return bad(QStringLiteral("--since must be before --until."));
    if (values.contains(QStringLiteral("state"))) {
        for (const QString &name : values.value(QStringLiteral("state")).split(u',', Qt::SkipEmptyParts)) {
            const std::optional<PaymentState> state = PaymentStates::fromName(name.trimmed());
            if (!state)
                return bad(QStringLiteral("--state '%1' is not a state; use created, submitting, awaiting_customer, "
                                          "charged, failed, declined, expired, cancelled, unknown, refunded or "
                                          "partially_refunded.").arg(name.left(40)));
            args.states.append(*state);
        }
    }
    if (values.contains(QStringLiteral("phone-last4"))) {
        args.phoneLast4 = values.value(QStringLiteral("phone-last4"));
        static const QRegularExpression fourDigits(QStringLiteral("^[0-9]{4}$"));
        if (!fourDigits.match(args.phoneLast4).hasMatch())
            return bad(QStringLiteral("--phone-last4 wants exactly 4 digits."));
    }
    if (values.contains(QStringLiteral("limit"))) {
        bool ok = false;
        args.limit = values.value(QStringLiteral("limit")).toInt(&ok);
        if (!ok || args.limit <= 0)
            return bad(QStringLiteral("--limit wants a positive number."));
    }

    // What each command needs.
    if (args.command == QLatin1String("pay")) {
        if (args.provider.isEmpty())
            return bad(QStringLiteral("pay needs --provider (juspay-upi-qr, juspay-gpay, juspay-cred, juspay-wallet:METHOD, googlepay, cmcom)."));
        if (!args.amount)
            return bad(QStringLiteral("pay needs --amount, such as --amount 149.50."));
        if (!args.mobile && ProviderRules::needsMobile(args.provider))
            return bad(QStringLiteral("pay needs --mobile, the customer's mobile number."));
    } else if ((args.command == QLatin1String("status") || args.command == QLatin1String("refund")) && args.orderId.isEmpty()) {
        return bad(QStringLiteral("%1 needs --order-id.").arg(args.command));
    }
    return args;
}

QString CliArguments::usage()
{
    return QStringLiteral(R"(Usage: counterpay-cli [--config FILE | --demo] [--db PATH] <command> [options]

Commands:
  pay      --provider P --amount A [--currency INR] --mobile NUMBER [--order-id ID]
           [--note TEXT] [--wait] [--qr] [--timeout S] [--json]
           Start a payment. Prints the authentication URL, or for juspay-upi-qr the upi://pay
           URI (and a QR of it with --qr; under --json the QR goes to stderr). With --wait,
           prints a line on every state change until the state is final.
           P: juspay-upi-qr (a UPI QR any UPI app pays; no --mobile), juspay-gpay, juspay-cred,
              juspay-wallet:METHOD (e.g. GOPAY), googlepay, cmcom.
  status   --order-id ID [--provider P] [--timeout S] [--json]
           Ask the gateway, update the ledger, print the state. An order that is not in the
           ledger is looked up with --provider and reported with "verified": false.
  resume   [--timeout S] [--json]
           Recover every open order with status queries (never a new payment).
  history  [--since DATE] [--until DATE] [--state S[,S]] [--provider P] [--phone-last4 NNNN]
           [--limit N] [--json | --csv]
  refund   --order-id ID [--amount A] [--json]
           Refund a charged sale (all that is left, or A). Idempotent on its request id.
  check    [--json]
           Read every page of the ledger (SQLite integrity check). Large ledgers get only a
           quick header check when they open, so run this after a crash or a disk error.

Global options:
  --config FILE        gateway profile (INI); secrets come from the environment:
                       COUNTERPAY_JUSPAY_API_KEY, COUNTERPAY_CMCOM_CLIENT_ID,
                       COUNTERPAY_CMCOM_CLIENT_SECRET, COUNTERPAY_GOOGLEPAY_SERVICE_ACCOUNT_FILE
  --db PATH            ledger file (default: the user's application data folder)
  --demo               run against a built-in sandbox that approves after a short delay
  --demo-scenario S    the built-in sandbox's scenario (default approve-after:2000)
  --terminal PREFIX    order id prefix, 1-6 letters or digits (default T01)
  --poll POLICY        polling, e.g. "first=1000;phases=37000:1500;backoff=2;cap=4400" (the default)
  --json               one JSON object per line: order_id, state, provider, provider_status,
                       amount, currency, auth_url, verified, message, error (and
                       upi_uri for a UPI QR sale)
  --version, --help

Exit codes: 0 charged (or the command succeeded; status: the gateway answered), 2 bad input,
bad profile or credentials refused by the gateway, 3 failed/declined/expired/cancelled,
4 unknown (the gateway's answer said nothing usable), 5 gateway unreachable or timed out.
)");
}
