#pragma once

#include <QByteArray>
#include <QFile>
#include <QString>
#include <QtTest/QTest>

// Reads tests/data/gateway/<name>; an empty array (and a failed QVERIFY in the caller's
// check) if it is missing.
inline QByteArray readFixture(const QString &name)
{
    QFile file(QStringLiteral(COUNTERPAY_TEST_DATA_DIR "/gateway/") + name);
    if (!file.open(QIODevice::ReadOnly))
        return {};
    return file.readAll();
}
