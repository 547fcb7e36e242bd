// The baseline: a bare Qt Widgets window (one label), measured the same way as
// counterpay --bench-ready: from main() to its first frame painted.
#include <QApplication>
#include <QElapsedTimer>
#include <QEvent>
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

// A label that reports its first frame the way CashierWindow does: after the first paint pass.
class BareWindow final : public QLabel
{
public:
    explicit BareWindow(const QElapsedTimer &sinceMain) : QLabel(QStringLiteral("bare")), m_sinceMain(sinceMain) { }

protected:
    bool event(QEvent *event) override
    {
        if (event->type() == QEvent::Paint && !m_painted) {
            m_painted = true;
            QTimer::singleShot(0, this, [this] {
                QTextStream(stdout) << "ready " << m_sinceMain.elapsed() << ' ' << residentKiB() << Qt::endl;
                QCoreApplication::quit();
            });
        }
        return QLabel::event(event);
    }

private:
    const QElapsedTimer &m_sinceMain;
    bool m_painted = false;
};

} // namespace

int main(int argc, char *argv[])
{
    QElapsedTimer sinceMain;
    sinceMain.start();
    QApplication app(argc, argv);
    BareWindow window(sinceMain);
    window.resize(1024, 600);
    window.show();
    return app.exec();
}
