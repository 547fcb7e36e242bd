#include "backoffice/CsvExporter.h"

#include "backoffice/BackofficeLogging.h"
#include "storage/Ledger.h"

#include <QSaveFile>
#include <QStringDecoder>

namespace {

QString decimal(qint64 minorUnits, const Currency &currency)
{
    const Result<Money> money = Money::fromMinorUnits(minorUnits, currency);
    return money ? money->toDecimalString() : QString::number(minorUnits);
}

QString isoUtc(const QDateTime &time)
{
    return time.isValid() ? time.toUTC().toString(Qt::ISODateWithMs) : QString();
}

// Free text that a spreadsheet would evaluate as a formula stays text.
QString defused(const QString &text)
{
    if (!text.isEmpty()) {
        const QChar first = text.front();
        if (first == u'=' || first == u'+' || first == u'-' || first == u'@' || first == u'\t' || first == u'\r')
            return u'\'' + text;
    }
    return text;
}

Error malformed(qsizetype record, const QString &what)
{
    return Error { QStringLiteral("csv_malformed"), QStringLiteral("CSV record %1: %2.").arg(record).arg(what) };
}

} // namespace

QStringList CsvExporter::header()
{
    return { QStringLiteral("order_id"),     QStringLiteral("created_at"),        QStringLiteral("updated_at"),
             QStringLiteral("terminal"),     QStringLiteral("cashier"),           QStringLiteral("provider"),
             QStringLiteral("method"),       QStringLiteral("state"),             QStringLiteral("amount"),
             QStringLiteral("currency"),     QStringLiteral("refunded"),          QStringLiteral("phone_last4"),
             QStringLiteral("provider_status"), QStringLiteral("txn_id"),         QStringLiteral("provider_reference"),
             QStringLiteral("upi_rrn"),      QStringLiteral("verified"),          QStringLiteral("note") };
}

QStringList CsvExporter::fields(const OrderRecord &order)
{
    const Currency &currency = order.amount.currency();
    return { defused(order.orderId),
             isoUtc(order.createdAt),
             isoUtc(order.updatedAt),
             defused(order.terminal),
             defused(order.cashier),
             defused(order.provider),
             defused(order.method),
             PaymentStates::name(order.state),
             order.amount.toDecimalString(),
             currency.code(),
             decimal(order.refundedMinorUnits, currency),
             defused(order.phoneLast4),
             defused(order.providerStatus),
             defused(order.txnId),
             defused(order.providerReference),
             defused(order.upiRrn),
             order.verified ? QStringLiteral("yes") : QStringLiteral("no"),
             defused(order.note) };
}

QByteArray CsvExporter::encodeRecord(const QStringList &fields)
{
    QByteArray line;
    for (qsizetype i = 0; i < fields.size(); ++i) {
        if (i > 0)
            line += ',';
        const QByteArray utf8 = fields.at(i).toUtf8();
        const bool quote = utf8.contains(',') || utf8.contains('"') || utf8.contains('\r') || utf8.contains('\n');
        if (quote) {
            line += '"';
            line += QByteArray(utf8).replace("\"", "\"\"");
            line += '"';
        } else {
            line += utf8;
        }
    }
    line += "\r\n";
    return line;
}

Result<qint64> CsvExporter::write(Ledger &ledger, const OrderFilter &filter, const QString &path, int pageSize)
{
    QSaveFile file(path);
    if (!file.open(QIODevice::WriteOnly)) {
        return Result<qint64>::failure(QStringLiteral("export_unwritable"),
                                       QStringLiteral("Cannot write %1: %2").arg(path, file.errorString()));
    }
    const auto fail = [&file, &path](const Error &error) {
        file.cancelWriting();
        qCWarning(lcBackoffice).noquote() << "export to" << path << "abandoned:" << error.message;
        return Result<qint64>(error);
    };
    if (file.write(encodeRecord(header())) < 0)
        return fail(Error { QStringLiteral("export_failed"), file.errorString() });

    OrderFilter page = filter;
    page.limit = qMax(1, pageSize);
    page.offset = 0;
    page.beforeCreatedAt = QDateTime();
    page.beforeOrderId.clear();
    qint64 written = 0;
    for (;;) {
        const Result<QList<OrderRecord>> rows = ledger.findOrders(page);
        if (!rows)
            return fail(rows.error());
        for (const OrderRecord &order : rows.value()) {
            if (file.write(encodeRecord(fields(order))) < 0)
                return fail(Error { QStringLiteral("export_failed"), QStringLiteral("Cannot write %1: %2").arg(path, file.errorString()) });
        }
        written += rows->size();
        if (rows->size() < page.limit)
            break;
        page.startAfter(rows->last().createdAt, rows->last().orderId);
    }
    if (!file.commit()) {
        return Result<qint64>::failure(QStringLiteral("export_failed"),
                                       QStringLiteral("Cannot finish %1: %2").arg(path, file.errorString()));
    }
    qCInfo(lcBackoffice).noquote() << "exported" << written << "orders to" << path;
    return written;
}

Result<QList<QStringList>> CsvExporter::read(const QByteArray &data)
{
    if (data.startsWith("\xEF\xBB\xBF"))
        return malformed(1, QStringLiteral("starts with a byte order mark"));
    QStringDecoder decoder(QStringDecoder::Utf8, QStringDecoder::Flag::Stateless);
    const QString text = decoder.decode(data);
    if (decoder.hasError())
        return malformed(1, QStringLiteral("is not valid UTF-8"));

    QList<QStringList> records;
    QStringList record;
    QString field;
    const qsizetype n = text.size();
    qsizetype i = 0;
    const auto endRecord = [&]() -> std::optional<Error> {
        record.append(field);
        field.clear();
        if (!records.isEmpty() && record.size() != records.first().size()) {
            return malformed(records.size() + 1, QStringLiteral("has %1 fields, the first record has %2")
                                                         .arg(record.size())
                                                         .arg(records.first().size()));
        }
        records.append(record);
        record.clear();
        return std::nullopt;
    };
    if (n == 0)
        return records;
    for (;;) {
        // At the start of a field.
        if (i < n && text.at(i) == u'"') {
            ++i;
            for (;;) {
                if (i >= n)
                    return malformed(records.size() + 1, QStringLiteral("a quoted field is not closed"));
                if (text.at(i) == u'"') {
                    if (i + 1 < n && text.at(i + 1) == u'"') {
                        field += u'"';
                        i += 2;
                        continue;
                    }
                    ++i;
                    break;
                }
                field += text.at(i++);
            }
        } else {
            while (i < n && text.at(i) != u',' && text.at(i) != u'\r' && text.at(i) != u'\n') {
                if (text.at(i) == u'"')
                    return malformed(records.size() + 1, QStringLiteral("a quote inside an unquoted field"));
                field += text.at(i++);
            }
        }
        // After a field: a comma, CRLF or the end.
        if (i >= n) {
            if (std::optional<Error> error = endRecord())
                return *error;
            return records;
        }
        if (text.at(i) == u',') {
            record.append(field);
            field.clear();
            ++i;
            continue;
        }
        if (text.at(i) == u'\r' && i + 1 < n && text.at(i + 1) == u'\n') {
            i += 2;
            if (std::optional<Error> error = endRecord())
                return *error;
            if (i >= n)
                return records;
            continue;
        }
        if (text.at(i) == u'\r' || text.at(i) == u'\n')
            return malformed(records.size() + 1, QStringLiteral("a line ends without CRLF"));
        return malformed(records.size() + 1, QStringLiteral("text after a closing quote"));
    }
}

QList<QStringList> CsvExporter::parse(const QByteArray &data)
{
    Result<QList<QStringList>> records = read(data);
    return records ? std::move(records).value() : QList<QStringList>();
}
