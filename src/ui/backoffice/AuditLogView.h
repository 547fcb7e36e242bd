#pragma once

#include <QLocale>
#include <QTimeZone>
#include <QWidget>

#include <memory>

namespace Ui {
class AuditLogView;
}
class ManagerActions;

// The Audit log tab (manager): who did what, when, to which order, newest first.
class AuditLogView final : public QWidget
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(AuditLogView)

public:
    static constexpr int kLimit = 500;

    AuditLogView(ManagerActions &actions, const QLocale &locale, const QTimeZone &zone, QWidget *parent = nullptr);
    ~AuditLogView() override;

    void refresh();
    int rowCount() const;
    QString status() const;
    // The words a manager reads for an audit action code ("refund" is "Refund requested": the
    // outcome is its own line, "Refunded" or "Refund refused"); an unknown code as it is.
    static QString actionWords(const QString &code);
    // The text of one cell, for tests.
    QString cell(int row, int column) const;

private:
    std::unique_ptr<Ui::AuditLogView> m_ui;
    ManagerActions &m_actions;
    QLocale m_locale;
    QTimeZone m_zone;
};
