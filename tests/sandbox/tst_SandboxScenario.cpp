// SandboxScenario: parsing every scenario and refusing malformed ones.

#include "sandbox/SandboxScenario.h"

#include <QtTest>

using namespace Qt::StringLiterals;

class tst_SandboxScenario : public QObject
{
    Q_OBJECT

private slots:
    void parses_data();
    void parses();
    void refuses_data();
    void refuses();
    void helpListsEveryScenario();
};

void tst_SandboxScenario::parses_data()
{
    QTest::addColumn<QString>("text");
    QTest::addColumn<int>("kind");
    QTest::addColumn<int>("parameter");
    using K = SandboxScenario::Kind;
    QTest::newRow("manual") << u"manual"_s << int(K::Manual) << 0;
    QTest::newRow("approve-after") << u"approve-after:1500"_s << int(K::ApproveAfter) << 1500;
    QTest::newRow("decline-after") << u"decline-after:0"_s << int(K::DeclineAfter) << 0;
    QTest::newRow("expire-after") << u"expire-after:20"_s << int(K::ExpireAfter) << 20;
    QTest::newRow("never") << u"never"_s << int(K::Never) << 0;
    QTest::newRow("flaky") << u"flaky:3"_s << int(K::Flaky) << 3;
    QTest::newRow("slow") << u" slow:250 "_s << int(K::Slow) << 250;
    QTest::newRow("garbled") << u"garbled"_s << int(K::Garbled) << 0;
    QTest::newRow("truncated") << u"truncated"_s << int(K::Truncated) << 0;
    QTest::newRow("drop-after-commit") << u"drop-after-commit"_s << int(K::DropAfterCommit) << 0;
}

void tst_SandboxScenario::parses()
{
    QFETCH(QString, text);
    QFETCH(int, kind);
    QFETCH(int, parameter);
    const Result<SandboxScenario> scenario = SandboxScenario::parse(text);
    QVERIFY2(scenario.ok(), qPrintable(scenario.errorMessage()));
    QCOMPARE(int(scenario->kind()), kind);
    QCOMPARE(scenario->parameter(), parameter);
    QCOMPARE(scenario->toString(), text.trimmed());
}

void tst_SandboxScenario::refuses_data()
{
    QTest::addColumn<QString>("text");
    QTest::newRow("unknown") << u"sometimes"_s;
    QTest::newRow("missing parameter") << u"approve-after"_s;
    QTest::newRow("negative") << u"slow:-5"_s;
    QTest::newRow("over the bound") << u"approve-after:99999999"_s;
    QTest::newRow("not a number") << u"flaky:x"_s;
    QTest::newRow("unexpected parameter") << u"garbled:1"_s;
    QTest::newRow("empty") << QString();
}

void tst_SandboxScenario::refuses()
{
    QFETCH(QString, text);
    const Result<SandboxScenario> scenario = SandboxScenario::parse(text);
    QVERIFY(!scenario.ok());
    QCOMPARE(scenario.errorCode(), u"sandbox_bad_scenario"_s);
}

void tst_SandboxScenario::helpListsEveryScenario()
{
    const QString help = SandboxScenario::helpText();
    for (const QString &name : { u"manual"_s, u"approve-after:MS"_s, u"decline-after:MS"_s,
             u"expire-after:MS"_s, u"never"_s, u"flaky:K"_s, u"slow:MS"_s, u"garbled"_s,
             u"truncated"_s, u"drop-after-commit"_s })
        QVERIFY2(help.contains(name), qPrintable(name));
}

QTEST_GUILESS_MAIN(tst_SandboxScenario)
#include "tst_SandboxScenario.moc"
