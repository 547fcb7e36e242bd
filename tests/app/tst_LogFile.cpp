// The log a store can send (LogFile): every category's messages reach the file, redacted (a
// fake API key, a bearer token, a JWT and a phone number never appear, their masks do), the
// file rotates at its cap keeping only the set number of generations, it is owner-only, and
// stderr's handler still gets each message.
#include "app/log/LogFile.h"
#include "gateway/LogRedactor.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QLoggingCategory>
#include <QTemporaryDir>
#include <QTest>

Q_LOGGING_CATEGORY(lcTest, "counterpay.test")

namespace {

QStringList g_echoed; // what the handler before ours (stderr's) was given

void recordingHandler(QtMsgType, const QMessageLogContext &, const QString &message)
{
    g_echoed << message;
}

QString readAll(const QString &path)
{
    QFile file(path);
    return file.open(QIODevice::ReadOnly) ? QString::fromUtf8(file.readAll()) : QString();
}

const QString kFakeKey = QStringLiteral("sk_live_51HfakeKEYvalue");
const QString kFakeJwt = QStringLiteral("eyJhbGciOiJSUzI1NiJ9.eyJzdWIiOiJjb3VudGVycGF5In0.c2lnbmF0dXJl");

} // namespace

class tst_LogFile : public QObject
{
    Q_OBJECT

private slots:
    void init()
    {
        g_echoed.clear();
        m_previous = qInstallMessageHandler(recordingHandler);
        m_dir = std::make_unique<QTemporaryDir>();
        QVERIFY(m_dir->isValid());
        QLoggingCategory::setFilterRules(QStringLiteral("counterpay.*=true"));
    }
    void cleanup()
    {
        LogFile::uninstall();
        qInstallMessageHandler(m_previous);
        QLoggingCategory::setFilterRules(QString());
    }

    void linesAreWrittenRedacted()
    {
        LogFile::Options options;
        options.path = m_dir->filePath(QStringLiteral("logs/counterpay.log"));
        QString error;
        QVERIFY2(LogFile::install(options, &error), qPrintable(error));
        QCOMPARE(LogFile::currentPath(), options.path);

        qCWarning(lcTest).noquote() << QStringLiteral("juspay refused api_key=%1 for customer_phone=9876543210").arg(kFakeKey);
        qCInfo(lcTest).noquote() << QStringLiteral("Authorization: Bearer %1").arg(kFakeKey);
        qCCritical(lcTest).noquote() << QStringLiteral("assertion %1 rejected").arg(kFakeJwt);
        qCInfo(lcTest).noquote() << QStringLiteral("{\"client_secret\":\"%1\",\"amount\":\"149.50\"}").arg(kFakeKey);
        qCDebug(lcTest) << "below the file's minimum";
        qWarning("started at %s", "12:00"); // the default category too

        const QString text = readAll(options.path);
        QVERIFY2(!text.contains(kFakeKey), qPrintable(text));
        QVERIFY2(!text.contains(kFakeJwt), qPrintable(text));
        QVERIFY2(!text.contains(QLatin1String("9876543210")), qPrintable(text));
        QVERIFY2(text.contains(QLatin1String("api_key=<redacted>")), qPrintable(text));
        QVERIFY2(text.contains(QStringLiteral("customer_phone=••••••3210")) || text.contains(QStringLiteral("••3210")),
                 qPrintable(text));
        QVERIFY2(text.contains(QLatin1String("Bearer <redacted>")), qPrintable(text));
        QVERIFY2(text.contains(QLatin1String("\"client_secret\":\"<redacted>\"")), qPrintable(text));
        QVERIFY2(text.contains(QLatin1String("\"amount\":\"149.50\"")), qPrintable(text)); // the rest stays readable
        QVERIFY2(!text.contains(QLatin1String("below the file's minimum")), qPrintable(text));
        const QStringList lines = text.split(u'\n', Qt::SkipEmptyParts);
        QCOMPARE(lines.size(), 5);
        QVERIFY2(lines.at(0).contains(QLatin1String(" warning counterpay.test: juspay refused")), qPrintable(lines.at(0)));
        QVERIFY2(lines.at(2).contains(QLatin1String(" critical counterpay.test: assertion <redacted> rejected")), qPrintable(lines.at(2)));
        QVERIFY2(lines.at(4).contains(QLatin1String(" warning default: started at 12:00")), qPrintable(lines.at(4)));
        // Each line starts with the local time and its offset.
        QVERIFY2(QDateTime::fromString(lines.at(0).section(u' ', 0, 0), Qt::ISODateWithMs).isValid(), qPrintable(lines.at(0)));

        // stderr's handler got every message (the debug one too), redacted the same way.
        QCOMPARE(g_echoed.size(), 6);
        for (const QString &echoed : std::as_const(g_echoed))
            QVERIFY2(!echoed.contains(kFakeKey) && !echoed.contains(QLatin1String("9876543210")), qPrintable(echoed));

#ifdef Q_OS_UNIX
        QCOMPARE(QFileInfo(options.path).permissions() & (QFileDevice::ReadGroup | QFileDevice::ReadOther), QFileDevice::Permissions());
#endif
    }

    void rotatesAtTheCapAndKeepsTheGenerations()
    {
        LogFile::Options options;
        options.path = m_dir->filePath(QStringLiteral("counterpay.log"));
        options.maxBytes = 4096;
        options.generations = 2;
        QVERIFY(LogFile::install(options));
        const QString filler(100, u'x');
        for (int i = 0; i < 400; ++i) // about 50 KiB: many rotations
            qCInfo(lcTest).noquote() << QStringLiteral("line %1 %2").arg(i, 4, 10, QLatin1Char('0')).arg(filler);

        const QDir dir(m_dir->path());
        QStringList files = dir.entryList({ QStringLiteral("counterpay.log*") }, QDir::Files, QDir::Name);
        QCOMPARE(files, QStringList({ QStringLiteral("counterpay.log"), QStringLiteral("counterpay.log.1"),
                                      QStringLiteral("counterpay.log.2") }));
        for (const QString &name : std::as_const(files))
            QVERIFY2(QFileInfo(dir.filePath(name)).size() <= options.maxBytes + 200, qPrintable(name));
        // The newest lines are in the live file, the one before in .1, and the oldest are gone.
        const QString live = readAll(options.path);
        QVERIFY2(live.isEmpty() || live.contains(QLatin1String("line 0399")) || readAll(options.path + QStringLiteral(".1")).contains(QLatin1String("line 0399")),
                 "the last line is kept");
        const QString oldest = readAll(options.path + QStringLiteral(".2"));
        QVERIFY(!oldest.isEmpty());
        QVERIFY2(!oldest.contains(QLatin1String("line 0000 ")), "the first lines rotated out");
        int lastSeen = -1;
        const QStringList oldestFirst { options.path + QStringLiteral(".2"), options.path + QStringLiteral(".1"), options.path };
        for (const QString &name : oldestFirst) {
            for (const QString &line : readAll(name).split(u'\n', Qt::SkipEmptyParts)) {
                const int n = line.section(QLatin1String("line "), 1).left(4).toInt();
                QVERIFY2(n > lastSeen, qPrintable(line)); // in order across the generations, none twice
                lastSeen = n;
            }
        }
        QCOMPARE(lastSeen, 399);
    }

    void anUnwritableFolderIsOneLineAndNothingInstalled()
    {
        QFile blocker(m_dir->filePath(QStringLiteral("not-a-folder")));
        QVERIFY(blocker.open(QIODevice::WriteOnly));
        blocker.close();
        LogFile::Options options;
        options.path = m_dir->filePath(QStringLiteral("not-a-folder/counterpay.log"));
        QString error;
        QVERIFY(!LogFile::install(options, &error));
        QVERIFY2(error.startsWith(QLatin1String("cannot create the log folder")), qPrintable(error));
        QVERIFY(!error.contains(u'\n'));
        QVERIFY(LogFile::currentPath().isEmpty());
        qCWarning(lcTest) << "still reaches stderr";
        QCOMPARE(g_echoed.size(), 1);
    }

    void redactLineKeepsOrdinaryText()
    {
        QCOMPARE(LogRedactor::redactLine(QStringLiteral("order T01ABC charged 149.50 INR")),
                 QStringLiteral("order T01ABC charged 149.50 INR"));
        QCOMPARE(LogRedactor::redactLine(QStringLiteral("token: abc123 and password=hunter2")),
                 QStringLiteral("token: <redacted> and password=<redacted>"));
        QCOMPARE(LogRedactor::redactLine(QStringLiteral("key -----BEGIN PRIVATE KEY-----\nMIIE\n-----END PRIVATE KEY----- end")),
                 QStringLiteral("key <redacted> end"));
    }

private:
    QtMessageHandler m_previous = nullptr;
    std::unique_ptr<QTemporaryDir> m_dir;
};

QTEST_GUILESS_MAIN(tst_LogFile)
#include "tst_LogFile.moc"
