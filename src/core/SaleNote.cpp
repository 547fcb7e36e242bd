#include "core/SaleNote.h"

namespace {

// What a person reads for a control character: "ESC", "NUL", "CR" ... or U+XXXX.
QString controlName(QChar ch)
{
    switch (ch.unicode()) {
    case 0x00: return QStringLiteral("NUL");
    case 0x09: return QStringLiteral("TAB");
    case 0x0a: return QStringLiteral("LF (a new line)");
    case 0x0d: return QStringLiteral("CR (a new line)");
    case 0x1b: return QStringLiteral("ESC");
    case 0x7f: return QStringLiteral("DEL");
    default: return QStringLiteral("U+") + QStringLiteral("%1").arg(ch.unicode(), 4, 16, QLatin1Char('0')).toUpper();
    }
}

bool isSeparator(QChar ch)
{
    return ch == u' ' || ch == u'-' || ch == u'.' || ch == QChar(0x00a0);
}

} // namespace

QString SaleNote::maskPhoneNumbers(const QString &text)
{
    QString out;
    out.reserve(text.size());
    const qsizetype n = text.size();
    qsizetype i = 0;
    while (i < n) {
        const QChar ch = text.at(i);
        if (!ch.isDigit() && !(ch == u'+' && i + 1 < n && text.at(i + 1).isDigit())) {
            out += ch;
            ++i;
            continue;
        }
        // A run: digits with single separators between them. A separator is taken only when
        // a digit follows, so the run always ends on a digit.
        const qsizetype start = i;
        qsizetype j = ch == u'+' ? i + 1 : i;
        QString digits;
        while (j < n) {
            if (text.at(j).isDigit()) {
                digits += text.at(j);
                ++j;
            } else if (isSeparator(text.at(j)) && j + 1 < n && text.at(j + 1).isDigit()) {
                ++j;
            } else {
                break;
            }
        }
        out += digits.size() >= 10 ? QStringLiteral("\u2022\u2022\u2022\u2022\u2022\u2022") + digits.right(4)
                                   : text.mid(start, j - start);
        i = j;
    }
    return out;
}

Result<QString> SaleNote::check(const QString &note)
{
    const QString trimmed = note.trimmed();
    for (qsizetype i = 0; i < trimmed.size(); ++i) {
        const QChar ch = trimmed.at(i);
        if (ch.category() == QChar::Other_Control) {
            return Error { QStringLiteral("note_control"),
                           QStringLiteral("The note holds a control character (%1, character %2); a note is one line of "
                                          "plain text.")
                                   .arg(controlName(ch))
                                   .arg(i + 1) };
        }
    }
    if (trimmed.size() > kMaxLength) {
        return Error { QStringLiteral("note_too_long"),
                       QStringLiteral("The note is %1 characters long; the most is %2.").arg(trimmed.size()).arg(kMaxLength) };
    }
    return maskPhoneNumbers(trimmed);
}
