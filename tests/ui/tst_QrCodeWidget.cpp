#include "QrDecode.h"
#include "ui/QrCodeWidget.h"

#include <QTest>

class tst_QrCodeWidget final : public QObject
{
    Q_OBJECT

private slots:
    void renderedPixelsDecode_data();
    void renderedPixelsDecode();
    void quietZoneIsWhite();
    void emptyTextClears();
};

void tst_QrCodeWidget::renderedPixelsDecode_data()
{
    QTest::addColumn<QString>("text");
    QTest::newRow("sandbox url") << QStringLiteral("http://127.0.0.1:41234/v2/pay/start/counterpay_demo/abc-123");
    QTest::newRow("long juspay url")
            << QStringLiteral("https://api.juspay.in/v2/pay/start/merchant/") + QString(300, u'x');
    QTest::newRow("unicode") << QStringLiteral("upi://pay?pn=दुकान&am=149.50");
}

void tst_QrCodeWidget::renderedPixelsDecode()
{
    QFETCH(QString, text);
    QrCodeWidget widget;
    widget.resize(400, 400);
    QVERIFY(widget.setText(text));
    QVERIFY(widget.hasCode());
    QCOMPARE(decodeQr(widget.grab().toImage()), text);
}

void tst_QrCodeWidget::quietZoneIsWhite()
{
    QrCodeWidget widget;
    widget.setText(QStringLiteral("http://127.0.0.1:1/x"));
    const QImage image = widget.toImage(5);
    const int quiet = QrCodeWidget::kQuietZoneModules * 5;
    for (int y = 0; y < image.height(); ++y) {
        for (int x = 0; x < quiet; ++x) {
            QCOMPARE(qGray(image.pixel(x, y)), 255);
            QCOMPARE(qGray(image.pixel(image.width() - 1 - x, y)), 255);
        }
    }
    QCOMPARE(qGray(image.pixel(quiet, quiet)), 0); // a finder pattern's corner is dark
}

void tst_QrCodeWidget::emptyTextClears()
{
    QrCodeWidget widget;
    widget.setText(QStringLiteral("abc"));
    QVERIFY(widget.hasCode());
    widget.setText(QString());
    QVERIFY(!widget.hasCode());
    QVERIFY(widget.toImage(4).isNull());
}

QTEST_MAIN(tst_QrCodeWidget)
#include "tst_QrCodeWidget.moc"
