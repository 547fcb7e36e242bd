#pragma once

#include "backoffice/ZReport.h"

#include <QLocale>
#include <QTimeZone>
#include <QWidget>

#include <memory>
#include <optional>

namespace Ui {
class ZReportView;
}
class Clock;
class ManagerActions;

// The end-of-day (Z) report of one day: orders, charged, refunded and net, and the lines by
// provider, method and state, all from the ledger's SQL totals (ManagerActions::zReport).
// Print (QPrintDialog), Save as PDF (QPdfWriter) and Export CSV (manager: the PIN first).
class ZReportView final : public QWidget
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(ZReportView)

public:
    ZReportView(ManagerActions &actions, const Clock &clock, const QLocale &locale, const QTimeZone &zone,
                QWidget *parent = nullptr);
    ~ZReportView() override;

    void setMerchantName(const QString &name) { m_merchantName = name; }
    void showDay(const QDate &day);
    QDate day() const;
    std::optional<ZReport> report() const { return m_report; }

    // The report as a PDF at `path`; false with `error` set when it cannot be written.
    bool savePdf(const QString &path, QString *error) const;
    QString message() const;

private:
    void refresh();
    void print();
    void askPdf();
    void askCsv();
    void showMessage(const QString &text, bool error);

    std::unique_ptr<Ui::ZReportView> m_ui;
    ManagerActions &m_actions;
    const Clock &m_clock;
    QLocale m_locale;
    QTimeZone m_zone;
    QString m_merchantName;
    std::optional<ZReport> m_report;
};
