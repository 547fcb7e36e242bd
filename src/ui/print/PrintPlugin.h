#pragma once

#include "ui/ReceiptPrintBackend.h"

#include <QObject>

// The plugin behind ReceiptPrinter::print: QPrinter, never a dialog.
class PrintPlugin final : public QObject, public ReceiptPrintBackend
{
    Q_OBJECT
    Q_PLUGIN_METADATA(IID CounterPayReceiptPrintBackend_iid)
    Q_INTERFACES(ReceiptPrintBackend)
    Q_DISABLE_COPY_MOVE(PrintPlugin)

public:
    PrintPlugin() = default;
    ~PrintPlugin() override = default;

    bool printToPrinter(const QString &html, const QString &jobName, const QString &printerName,
                        QString *error) override;
    QString defaultPrinterName() override;
    void printToFile(const QString &html, const QString &path) override;
};
