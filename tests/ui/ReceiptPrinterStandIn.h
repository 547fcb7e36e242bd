#pragma once

#include "ui/ReceiptPrintBackend.h"

#include <QApplication>
#include <QDialog>
#include <QDir>
#include <QPrinter>
#include <QStringList>
#include <QTextDocument>
#include <QTimer>

// Tests only: the counter's receipt printer, as a real QPrinter writing one PDF file per job
// into a folder (this machine has no print system). It keeps what each job was given, as the
// text of the document the printer painted. Everything else (which printer, the message, the
// receipt's content) is ReceiptPrinter's and the window's real code.
class ReceiptPrinterStandIn final : public ReceiptPrintBackend
{
public:
    struct Job
    {
        QString printer;
        QString name;
        QString text; // the receipt document as plain text, before it was painted
        QString file; // the PDF the stand-in printer wrote
    };

    ReceiptPrinterStandIn(QString folder, QStringList printers, QString defaultPrinter)
        : m_folder(std::move(folder)), m_printers(std::move(printers)), m_default(std::move(defaultPrinter))
    {
    }

    bool printToPrinter(const QString &html, const QString &jobName, const QString &printerName,
                        QString *error) override
    {
        if (!m_printers.contains(printerName)) {
            if (error)
                *error = QStringLiteral("The printer %1 is not available.").arg(printerName);
            return false;
        }
        QTextDocument document;
        document.setHtml(html);
        const QString file = QDir(m_folder).filePath(QStringLiteral("%1-job-%2.pdf").arg(printerName).arg(m_jobs.size() + 1));
        QPrinter printer(QPrinter::HighResolution);
        printer.setOutputFormat(QPrinter::PdfFormat);
        printer.setOutputFileName(file);
        printer.setDocName(jobName);
        document.print(&printer);
        m_jobs.append({ printerName, jobName, document.toPlainText(), file });
        return true;
    }
    QString defaultPrinterName() override { return m_default; }
    void printToFile(const QString &html, const QString &path) override
    {
        QTextDocument document;
        document.setHtml(html);
        QPrinter printer(QPrinter::HighResolution);
        printer.setOutputFormat(QPrinter::PdfFormat);
        printer.setOutputFileName(path);
        document.print(&printer);
    }

    const QList<Job> &jobs() const { return m_jobs; }
    void setDefaultPrinter(const QString &name) { m_default = name; }

private:
    QString m_folder;
    QStringList m_printers;
    QString m_default;
    QList<Job> m_jobs;
};

// Notes every dialog that appears while it lives (print, file or any other) and closes it, so
// a dialog makes the test fail instead of hanging it.
class DialogWatch final
{
public:
    DialogWatch()
    {
        m_timer.setInterval(20);
        QObject::connect(&m_timer, &QTimer::timeout, [this] { look(); });
        m_timer.start();
    }
    // What appeared, by class name; empty when no dialog was ever seen.
    QStringList seen()
    {
        look();
        return m_seen;
    }

private:
    void look()
    {
        if (QWidget *modal = QApplication::activeModalWidget())
            note(modal);
        for (QWidget *top : QApplication::topLevelWidgets()) {
            if (top->isVisible() && qobject_cast<QDialog *>(top))
                note(top);
        }
    }
    void note(QWidget *widget)
    {
        m_seen.append(QString::fromLatin1(widget->metaObject()->className()));
        if (auto *dialog = qobject_cast<QDialog *>(widget))
            dialog->reject();
        else
            widget->close();
    }

    QTimer m_timer;
    QStringList m_seen;
};
