#pragma once

#include "backoffice/AccessControl.h"

#include <QDialog>

#include <functional>
#include <memory>

namespace Ui {
class PinDialog;
}

// Asks for the manager PIN and hands it to AccessControl::unlock. A wrong PIN, a lockout
// (with until when) or a missing PIN is shown under the field; the dialog closes only when the
// terminal is in the manager role.
class PinDialog final : public QDialog
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(PinDialog)

public:
    // `reason`: what the PIN is for, in words ("Refunds need the manager PIN.").
    PinDialog(AccessControl &access, const QString &reason, QWidget *parent = nullptr);
    ~PinDialog() override;

    // Runs `granted` at once for a manager; otherwise opens a PinDialog (window-modal, not
    // blocking) and runs `granted` only after a correct PIN. Nothing happens on Cancel.
    static void requireManager(AccessControl &access, AccessControl::Action action, QWidget *parent,
                               std::function<void()> granted);

    QString errorText() const;
    bool isBusy() const { return m_busy; }

    void accept() override;

private:
    void showUnlockError(const Error &error);
    void showError(const QString &message);
    void setBusy(bool busy);

    std::unique_ptr<Ui::PinDialog> m_ui;
    AccessControl &m_access;
    bool m_busy = false;
};
