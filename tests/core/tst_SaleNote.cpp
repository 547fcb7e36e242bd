#include "core/SaleNote.h"

#include <QTest>

// The note on a sale: refused with a control character or over 200 characters (never cut),
// phone numbers in it masked to their last four digits, anything else kept as typed.
class tst_SaleNote final : public QObject
{
    Q_OBJECT

private slots:
    void kept_data();
    void kept();
    void refused_data();
    void refused();
};

void tst_SaleNote::kept_data()
{
    QTest::addColumn<QString>("note");
    QTest::addColumn<QString>("stored");
    const QString bullets = QStringLiteral("\u2022\u2022\u2022\u2022\u2022\u2022");
    QTest::newRow("empty") << QString() << QString();
    QTest::newRow("plain, trimmed") << QStringLiteral("  table 4 ") << QStringLiteral("table 4");
    QTest::newRow("Hindi") << QStringLiteral("मेज़ ४") << QStringLiteral("मेज़ ४");
    QTest::newRow("short numbers stay") << QStringLiteral("invoice 2026-11-22 #4411") << QStringLiteral("invoice 2026-11-22 #4411");
    QTest::newRow("exactly 200") << QString(200, u'a') << QString(200, u'a');
    QTest::newRow("mobile, plain") << QStringLiteral("call 9876543210") << QStringLiteral("call ") + bullets + QStringLiteral("3210");
    QTest::newRow("mobile, spaced") << QStringLiteral("ph 98765 43210 ok") << QStringLiteral("ph ") + bullets + QStringLiteral("3210 ok");
    QTest::newRow("mobile, international") << QStringLiteral("+91 98765-43210.") << bullets + QStringLiteral("3210.");
    QTest::newRow("mobile, Devanagari digits") << QStringLiteral("९८७६५४३२१०") << bullets + QStringLiteral("३२१०");
    QTest::newRow("two mobiles") << QStringLiteral("9876543210 / 9123456780")
                                 << bullets + QStringLiteral("3210 / ") + bullets + QStringLiteral("6780");
    QTest::newRow("separators only between digits") << QStringLiteral("98765 43210 - paid") << bullets + QStringLiteral("3210 - paid");
}

void tst_SaleNote::kept()
{
    QFETCH(QString, note);
    QFETCH(QString, stored);
    const Result<QString> checked = SaleNote::check(note);
    QVERIFY2(checked.ok(), qPrintable(checked.errorMessage()));
    QCOMPARE(checked.value(), stored);
}

void tst_SaleNote::refused_data()
{
    QTest::addColumn<QString>("note");
    QTest::addColumn<QString>("code");
    QTest::addColumn<QString>("words");
    QTest::newRow("ESC") << QStringLiteral("a\x1b[2Jb") << QStringLiteral("note_control") << QStringLiteral("(ESC, character 2)");
    QTest::newRow("NUL") << QString(QStringLiteral("ab") + QChar(0) + QStringLiteral("c")) << QStringLiteral("note_control")
                         << QStringLiteral("(NUL, character 3)");
    QTest::newRow("CR") << QStringLiteral("a\rb") << QStringLiteral("note_control") << QStringLiteral("CR (a new line)");
    QTest::newRow("TAB") << QStringLiteral("a\tb") << QStringLiteral("note_control") << QStringLiteral("TAB");
    QTest::newRow("DEL") << QStringLiteral("a\x7f") << QStringLiteral("note_control") << QStringLiteral("DEL");
    QTest::newRow("C1 control") << QString(QStringLiteral("a") + QChar(0x9b)) << QStringLiteral("note_control")
                                << QStringLiteral("U+009B");
    QTest::newRow("201 characters") << QString(201, u'a') << QStringLiteral("note_too_long")
                                    << QStringLiteral("The note is 201 characters long; the most is 200.");
}

void tst_SaleNote::refused()
{
    QFETCH(QString, note);
    QFETCH(QString, code);
    QFETCH(QString, words);
    const Result<QString> checked = SaleNote::check(note);
    QVERIFY(!checked.ok());
    QCOMPARE(checked.errorCode(), code);
    QVERIFY2(checked.errorMessage().contains(words), qPrintable(checked.errorMessage()));
    QVERIFY(!checked.errorMessage().contains(u'\n'));
}

QTEST_APPLESS_MAIN(tst_SaleNote)
#include "tst_SaleNote.moc"
