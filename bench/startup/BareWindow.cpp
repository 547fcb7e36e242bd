// The baseline: a bare Qt Widgets window, measured the same way as counterpay --bench-ready.
#include <QApplication>
#include <QElapsedTimer>
#include <QFile>
#include <QLabel>
#include <QTextStream>
#include <QTimer>

namespace {

qint64 residentKiB()
{
    QFile status(QStringLiteral("/proc/self/status"));
    if (!status.open(QIODevice::ReadOnly))
        return -1;
    for (const QByteArray &line : status.readAll().split('\n')) {
        if (line.startsWith("VmRSS:"))
            return line.mid(6).trimmed().split(' ').value(0).toLongLong();
    }
    return -1;
}

} // namespace

int main(int argc, char *argv[])
{
    QElapsedTimer sinceMain;
    sinceMain.start();
    QApplication app(argc, argv);
    QLabel window(QStringLiteral("bare"));
    window.resize(1024, 600);
    window.show();
    QTimer::singleShot(0, &window, [&sinceMain] {
        QTextStream(stdout) << "ready " << sinceMain.elapsed() << ' ' << residentKiB() << Qt::endl;
        QCoreApplication::quit();
    });
    return app.exec();
}
