#include "core/Result.h"

#include <QtTest>

namespace {

// A layer's richer error: Result<T, E>::failure(...) builds it with E::make(...).
struct RichError
{
    int kind = 0;
    QString message;
    int detail = 0;

    static RichError make(int kind, QString message, int detail = 0) { return { kind, std::move(message), detail }; }
};

Result<QStringList> names(bool fail)
{
    if (fail)
        return Error::make("no_names", QStringLiteral("There are none."));
    return QStringList { QStringLiteral("a"), QStringLiteral("b") };
}

} // namespace

class tst_Result : public QObject
{
    Q_OBJECT

private slots:
    void valueOrError()
    {
        const Result<int> good = 7;
        QVERIFY(good.ok());
        QVERIFY(bool(good));
        QCOMPARE(good.value(), 7);
        QCOMPARE(good.errorCode(), QString());
        QCOMPARE(good.errorMessage(), QString());

        const Result<int> bad = Result<int>::failure(QStringLiteral("bad"), QStringLiteral("It is bad."));
        QVERIFY(!bad.ok());
        QVERIFY(!bad);
        QCOMPARE(bad.error().code, QStringLiteral("bad"));
        QCOMPARE(bad.errorCode(), QStringLiteral("bad"));
        QCOMPARE(bad.errorMessage(), QStringLiteral("It is bad."));
    }

    void errorMake()
    {
        const Error error = Error::make("not_found", QStringLiteral("There is no order 1."));
        QCOMPARE(error.code, QStringLiteral("not_found"));
        QCOMPARE(error.message, QStringLiteral("There is no order 1."));
        QCOMPARE(names(true).errorCode(), QStringLiteral("no_names"));
    }

    void valueFromTemporaryIsACopy()
    {
        QStringList seen;
        for (const QString &name : names(false).value())
            seen.append(name);
        QCOMPARE(seen, QStringList({ QStringLiteral("a"), QStringLiteral("b") }));
        QCOMPARE(names(false)->size(), 2);
    }

    void otherErrorType()
    {
        using Rich = Result<QString, RichError>;
        Rich bad = Rich::failure(3, QStringLiteral("odd"));
        QVERIFY(!bad.ok());
        QCOMPARE(bad.error().kind, 3);
        QCOMPARE(bad.error().detail, 0);
        QCOMPARE(bad.errorMessage(), QStringLiteral("odd"));
        bad.error().detail = 9; // a caller may amend the error it passes on
        QCOMPARE(Rich(bad).error().detail, 9);
        QCOMPARE(Rich::failure(1, QStringLiteral("x"), 5).error().detail, 5);

        const Rich good = QStringLiteral("fine");
        QVERIFY(good.ok());
        QCOMPARE(good.value(), QStringLiteral("fine"));
    }

    void voidResult()
    {
        QVERIFY(ok().ok());
        const VoidResult failed = Error::make("nope", QStringLiteral("No."));
        QCOMPARE(failed.errorCode(), QStringLiteral("nope"));
    }
};

QTEST_GUILESS_MAIN(tst_Result)
#include "tst_Result.moc"
