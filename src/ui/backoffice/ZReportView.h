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
class Settings;
struct BackOfficeServices;

// The end-of-day (Z) report of one day: orders, charged, refunded and net, and the lines by
// provider, method and state, all from the ledger's SQL totals (ManagerActions::zReport).
// Print (QPrintDialog), Save as PDF (QPdfWriter) and Export CSV (manager: the PIN first).
// The day is midnight to midnight in the store's zone (Settings::Key::TimeZone; empty: the
// services' zone), followed when the setting changes. Screen and paper use the same words
// (provider names, states, refund outcomes) and dates that cannot be misread ("3 Dec 2026").
class ZReportView final : public QWidget
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(ZReportView)

public:
    // The back office's view: the zone comes from services.settings.
    explicit ZReportView(const BackOfficeServices &services, QWidget *parent = nullptr);
    // A fixed zone, no settings.
    ZReportView(ManagerActions &actions, const Clock &clock, const QLocale &locale, const QTimeZone &zone,
                QWidget *parent = nullptr);
    ~ZReportView() override;

    QTimeZone timeZone() const { return m_zone; }
    // The printable document (Print and Save as PDF), in the screen's words.
    static QString documentHtml(const ZReport &report, const QString &merchantName, const QLocale &locale);

    void setMerchantName(const QString &name) { m_merchantName = name; }
    void showDay(const QDate &day);
    QDate day() const;
    std::optional<ZReport> report() const { return m_report; }

    // The report as a PDF at `path`; false with `error` set when it cannot be written.
    bool savePdf(const QString &path, QString *error) const;
    QString message() const;

private:
    ZReportView(ManagerActions &actions, const Clock &clock, const QLocale &locale, const QTimeZone &zone,
                Settings *settings, QWidget *parent);
    void applyZone();
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
    QTimeZone m_fallbackZone;
    Settings *m_settings = nullptr;
    QString m_merchantName;
    std::optional<ZReport> m_report;
};
