// Screenshot driver for the back office (not a test): seeds a demo shop's month into a real
// SQLite ledger, opens BackOfficeWindow as a manager and saves PNGs of the history, one
// order's timeline, the Z report and the charts. Run it under xvfb-run through
// scripts/screenshots-backoffice.sh.
//   backoffice_screenshots --out DIR [--size 1024x600] [--suffix -1024x600]
#include "BackOfficeRig.h"
#include "ui/backoffice/BackOfficeWindow.h"
#include "ui/backoffice/ChartsView.h"
#include "ui/backoffice/FirstRunWizard.h"
#include "ui/backoffice/PinDialog.h"
#include "ui/backoffice/SettingsDialog.h"
#include "ui/backoffice/HistoryFilterBar.h"
#include "ui/backoffice/HistoryModel.h"
#include "ui/backoffice/HistoryView.h"
#include "ui/backoffice/OrderDetailPane.h"
#include "ui/backoffice/ZReportView.h"

#include <QApplication>
#include <QCommandLineParser>
#include <QDir>
#include <QLabel>
#include <QLineEdit>
#include <QRadioButton>
#include <QSplitter>
#include <QTabWidget>
#include <QTableView>
#include <QTranslator>

#include <cstdio>

namespace {

// A shop open 09:00-21:00 local, busier at lunch and in the evening; today up to "now".
Result<QStringList> seedShop(Ledger &ledger, const QDateTime &nowUtc, const QTimeZone &zone)
{
    QRandomGenerator random(11);
    const QStringList cashiers { QStringLiteral("asha"), QStringLiteral("ravi"), QStringLiteral("meena") };
    const int busy[] = { 2, 3, 4, 6, 5, 3, 3, 4, 6, 7, 5, 3 }; // 09:00 .. 20:00
    const QDate today = nowUtc.toTimeZone(zone).date();
    QList<OrderRecord> orders;
    int index = 0;
    for (int back = ChartsView::kDays - 1; back >= 0; --back) {
        const QDate day = today.addDays(-back);
        const int weekendBoost = day.dayOfWeek() >= 6 ? 2 : 0;
        for (int slot = 0; slot < 12; ++slot) {
            const int count = int(random.bounded(busy[slot] + weekendBoost + 1));
            for (int i = 0; i < count; ++i) {
                const QDateTime at = QDateTime(day, QTime(9 + slot, int(random.bounded(60)), int(random.bounded(60))), zone).toUTC();
                if (at >= nowUtc)
                    continue;
                const int roll = int(random.bounded(100));
                const PaymentState state = roll < 82 ? PaymentState::Charged
                                         : roll < 89 ? PaymentState::Failed
                                         : roll < 94 ? PaymentState::Declined
                                         : roll < 98 ? PaymentState::Expired
                                                     : PaymentState::Unknown;
                const qint64 minor = (40 + qint64(random.bounded(2400))) * 100 + (random.bounded(3) == 0 ? 50 : 0);
                const DemoSeed &provider = demoProviders().at(int(random.bounded(int(demoProviders().size()))));
                orders << demoOrder(++index, at, minor, state, provider, cashiers.at(int(random.bounded(3))));
            }
        }
    }
    std::sort(orders.begin(), orders.end(), [](const OrderRecord &a, const OrderRecord &b) { return a.createdAt < b.createdAt; });
    QStringList ids;
    for (int i = 0; i < orders.size(); ++i) {
        OrderRecord order = orders.at(i);
        order.orderId = QStringLiteral("T01-%1").arg(i + 1, 6, 10, QLatin1Char('0'));
        order.txnId = QStringLiteral("TXN%1").arg(880000 + i);
        if (order.state == PaymentState::Charged)
            order.upiRrn = QStringLiteral("63%1").arg(4100000000LL + i);
        const VoidResult inserted = ledger.insertOrder(
                order, demoEvent(order.orderId, order.createdAt, QStringLiteral("created"), {}, PaymentState::Created,
                                 QStringLiteral("ok"), QStringLiteral("amount %1").arg(order.amount.toDecimalString())));
        if (!inserted.ok())
            return inserted.error();
        // The newest orders get a timeline; on the second newest (the one the timeline shot
        // shows) the customer took a while, so its identical checks fold into one row.
        if (i >= orders.size() - 12 && !appendDemoTimeline(ledger, order, i == orders.size() - 2 ? 14 : 1))
            return Error { QStringLiteral("seed_failed"), QStringLiteral("Cannot append events") };
        ids.prepend(order.orderId);
    }
    // One partial refund today, so the Z report shows a refund line.
    for (const QString &id : std::as_const(ids)) {
        const auto found = ledger.findOrder(id, PhoneAccess::Masked);
        if (!found.ok() || !found.value() || found.value()->state != PaymentState::Charged)
            continue;
        OrderRecord order = *found.value();
        RefundRecord refund;
        refund.uniqueRequestId = QStringLiteral("RF-") + id;
        refund.orderId = id;
        refund.amountMinorUnits = order.amount.minorUnits() / 2;
        refund.currency = order.amount.currency().code();
        refund.state = QStringLiteral("succeeded");
        refund.providerRefundId = QStringLiteral("rfnd_8812");
        refund.requestedBy = QStringLiteral("manager");
        refund.createdAt = nowUtc.addSecs(-600);
        refund.updatedAt = nowUtc.addSecs(-590);
        if (!ledger.insertRefund(refund, demoEvent(id, refund.createdAt, QStringLiteral("refund"), {}, {},
                                                   QStringLiteral("sent"), QStringLiteral("partial refund")))
                     .ok())
            break;
        const PaymentState before = order.state;
        order.state = PaymentState::PartiallyRefunded;
        order.refundedMinorUnits = refund.amountMinorUnits;
        order.updatedAt = refund.updatedAt;
        ledger.updateOrder(order, before, demoEvent(id, refund.updatedAt, QStringLiteral("transition"), before,
                                                    PaymentState::PartiallyRefunded, QStringLiteral("ok"),
                                                    QStringLiteral("refund succeeded")));
        break;
    }
    return ids;
}

bool save(QWidget *window, const QString &path)
{
    QApplication::processEvents();
    const bool written = window->grab().save(path);
    std::fprintf(written ? stdout : stderr, "%s %s\n", written ? "saved" : "FAILED", qPrintable(path));
    return written;
}

} // namespace

int main(int argc, char **argv)
{
    QApplication app(argc, argv);
    QCommandLineParser parser;
    parser.addHelpOption();
    const QCommandLineOption outOption(QStringLiteral("out"), QStringLiteral("Folder for the PNGs."), QStringLiteral("dir"));
    const QCommandLineOption sizeOption(QStringLiteral("size"), QStringLiteral("Window size WxH."), QStringLiteral("size"),
                                        QStringLiteral("1024x600"));
    const QCommandLineOption suffixOption(QStringLiteral("suffix"), QStringLiteral("Added to each file name."),
                                          QStringLiteral("suffix"));
    const QCommandLineOption translationsOption(QStringLiteral("translations"),
                                                QStringLiteral("A compiled translation (.qm) to show the windows in."),
                                                QStringLiteral("qm"));
    const QCommandLineOption reviewOption(QStringLiteral("review"),
                                          QStringLiteral("Also save the settings tab, the PIN dialog and the first-run wizard here."),
                                          QStringLiteral("dir"));
    parser.addOptions({ outOption, sizeOption, suffixOption, translationsOption, reviewOption });
    parser.process(app);
    QTranslator translator;
    QLocale locale(QLocale::English, QLocale::India);
    if (parser.isSet(translationsOption)) {
        if (!translator.load(parser.value(translationsOption))) {
            std::fprintf(stderr, "cannot load %s\n", qPrintable(parser.value(translationsOption)));
            return 2;
        }
        QCoreApplication::installTranslator(&translator);
        locale = QLocale(QLocale::Hindi, QLocale::India);
    }
    QLocale::setDefault(locale);
    const QString out = parser.value(outOption);
    const QStringList size = parser.value(sizeOption).split(QLatin1Char('x'));
    if (out.isEmpty() || size.size() != 2) {
        std::fprintf(stderr, "usage: backoffice_screenshots --out DIR [--size WxH] [--suffix S]\n");
        return 2;
    }
    QDir().mkpath(out);
    const QString suffix = parser.value(suffixOption);

    // 15:00 in Kolkata on a Wednesday.
    BackOfficeRig rig(QDateTime(QDate(2026, 11, 18), QTime(9, 30), Qt::UTC));
    if (!rig.ready()) {
        std::fprintf(stderr, "ledger: %s\n", qPrintable(rig.openError));
        return 1;
    }
    const Result<QStringList> ids = seedShop(*rig.ledger, rig.clock.nowUtc(), rig.zone);
    if (!ids.ok()) {
        std::fprintf(stderr, "seed: %s\n", qPrintable(ids.errorMessage()));
        return 1;
    }
    rig.settings->setValue(Settings::Key::MerchantName, QStringLiteral("Sharma General Store, Pune"));
    if (!rig.setPin() || !rig.unlock()) {
        std::fprintf(stderr, "could not unlock\n");
        return 1;
    }

    BackOfficeWindow window(BackOfficeServices { *rig.actions, *rig.access, *rig.settings, rig.secrets, {}, rig.clock,
                                                 locale, nullptr, rig.zone });
    window.resize(size.at(0).toInt(), size.at(1).toInt());
    window.show();
    QApplication::processEvents();

    bool ok = true;
    window.showTab(BackOfficeWindow::Tab::History);
    window.history()->filterBar()->setPreset(HistoryFilterBar::Preset::ThisMonth);
    window.history()->selectOrder(ids.value().first());
    ok &= save(&window, out + QStringLiteral("/backoffice-history") + suffix + QStringLiteral(".png"));

    // The timeline: the detail pane gets most of the width.
    auto *splitter = window.history()->findChild<QSplitter *>(QStringLiteral("historySplitter"));
    const int width = splitter->width();
    splitter->setSizes({ width / 3, width - width / 3 });
    window.history()->selectOrder(ids.value().at(1));
    ok &= save(&window, out + QStringLiteral("/backoffice-timeline") + suffix + QStringLiteral(".png"));
    splitter->setSizes({ width * 3 / 5, width * 2 / 5 });

    window.showTab(BackOfficeWindow::Tab::EndOfDay);
    ok &= save(&window, out + QStringLiteral("/backoffice-zreport") + suffix + QStringLiteral(".png"));

    window.showTab(BackOfficeWindow::Tab::Charts);
    ok &= save(&window, out + QStringLiteral("/backoffice-charts") + suffix + QStringLiteral(".png"));

    // Settings: the shop page (GSTIN, zone, the sale limits) and the providers' keys.
    rig.settings->setValue(Settings::Key::Gstin, QStringLiteral("27AAPFU0939F1ZV"));
    rig.settings->setValue(Settings::Key::TimeZone, QStringLiteral("Asia/Kolkata"));
    rig.secrets.write(QStringLiteral("juspay-api-key"), QStringLiteral("screenshot-key"), [](const VoidResult &) {});
    window.showTab(BackOfficeWindow::Tab::Settings);
    if (auto *pages = window.findChild<QTabWidget *>(QStringLiteral("pagesTabs"))) {
        if (auto *settings = window.findChild<SettingsDialog *>()) {
            settings->load();
            settings->refreshSecretStates(); // the key stored above
        }
        pages->setCurrentIndex(0);
        ok &= save(&window, out + QStringLiteral("/backoffice-settings-shop") + suffix + QStringLiteral(".png"));
        pages->setCurrentIndex(1);
        // The keychain's "stored / not set" answers arrive queued.
        auto *state = window.findChild<QLabel *>(QStringLiteral("juspayApiKeyState"));
        ok &= state && QTest::qWaitFor([state] { return !state->text().endsWith(QChar(0x2026)); }, 5000);
        ok &= save(&window, out + QStringLiteral("/backoffice-settings-providers") + suffix + QStringLiteral(".png"));
        pages->setCurrentIndex(0);
    }
    // A wrong PIN: how many tries are left.
    {
        window.showTab(BackOfficeWindow::Tab::History);
        rig.access->lock();
        PinDialog pin(*rig.access, QCoreApplication::translate("AccessControl", "give refunds"), &window);
        pin.show();
        QTest::keyClicks(pin.findChild<QLineEdit *>(QStringLiteral("pinEdit")), QStringLiteral("1111"));
        QTest::keyClick(pin.findChild<QLineEdit *>(QStringLiteral("pinEdit")), Qt::Key_Return);
        ok &= QTest::qWaitFor([&pin] { return !pin.errorText().isEmpty(); }, 5000);
        ok &= save(&pin, out + QStringLiteral("/backoffice-pin") + suffix + QStringLiteral(".png"));
        pin.close();
        ok &= rig.unlock();
    }
    const QString review = parser.value(reviewOption);
    if (!review.isEmpty()) {
        QDir().mkpath(review);
        window.showTab(BackOfficeWindow::Tab::Settings);
        ok &= save(&window, review + QStringLiteral("/settings") + suffix + QStringLiteral(".png"));
        window.showTab(BackOfficeWindow::Tab::History);
        rig.access->lock();
        PinDialog pin(*rig.access, QStringLiteral("Only a manager may give refunds. Enter the manager PIN."), &window);
        pin.show();
        QTest::keyClicks(pin.findChild<QLineEdit *>(QStringLiteral("pinEdit")), QStringLiteral("1111"));
        QTest::keyClick(pin.findChild<QLineEdit *>(QStringLiteral("pinEdit")), Qt::Key_Return);
        ok &= QTest::qWaitFor([&pin] { return !pin.errorText().isEmpty(); }, 5000);
        ok &= save(&pin, review + QStringLiteral("/pin") + suffix + QStringLiteral(".png"));
        pin.close();
        BackOfficeRig fresh;
        FirstRunWizard wizard(*fresh.settings, fresh.secrets, *fresh.access);
        wizard.resize(size.at(0).toInt(), size.at(1).toInt());
        wizard.show();
        QTest::keyClicks(wizard.findChild<QLineEdit *>(QStringLiteral("pinEdit")), QStringLiteral("1234"));
        QTest::keyClicks(wizard.findChild<QLineEdit *>(QStringLiteral("pinAgainEdit")), QStringLiteral("1243"));
        wizard.next();
        ok &= save(&wizard, review + QStringLiteral("/wizard-pin") + suffix + QStringLiteral(".png"));
        wizard.findChild<QLineEdit *>(QStringLiteral("pinEdit"))->clear();
        QTest::keyClicks(wizard.findChild<QLineEdit *>(QStringLiteral("pinEdit")), QStringLiteral("1243"));
        QTest::keyClicks(wizard.findChild<QLineEdit *>(QStringLiteral("pinAgainEdit")), QStringLiteral("1243"));
        wizard.next();
        wizard.next();
        wizard.findChild<QRadioButton *>(QStringLiteral("sandboxRadio"))->setChecked(true);
        ok &= save(&wizard, review + QStringLiteral("/wizard-environment") + suffix + QStringLiteral(".png"));
    }
    return ok ? 0 : 1;
}
