#pragma once

#include <QList>
#include <QLocale>
#include <QTimeZone>

class AccessControl;
class Clock;
class ManagerActions;
class PaymentGateway;
class Reconciler;
class SecretStore;
class Settings;

// What the back-office window needs, handed in by the app (never a Ledger: every read and
// write goes through ManagerActions).
struct BackOfficeServices
{
    ManagerActions &actions;
    AccessControl &access;
    Settings &settings;
    SecretStore &secrets;
    QList<PaymentGateway *> gateways; // Test connection on the providers page
    const Clock &clock;
    QLocale locale;
    // Runs the Reconciliation tab (it reads the ledger itself, so the app builds it); null
    // hides the tab's Run button with a note.
    Reconciler *reconciler = nullptr;
    QTimeZone zone = QTimeZone::systemTimeZone();
};
