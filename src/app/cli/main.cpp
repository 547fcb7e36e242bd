// counterpay-cli: the headless face of the checkout engine, for scripts, support staff and tests.
#include "app/cli/CliArguments.h"
#include "app/cli/CliOutput.h"
#include "app/cli/CliRunner.h"

#include <QCoreApplication>
#include <QLoggingCategory>
#include <QTextStream>

#include <csignal>

int main(int argc, char *argv[])
{
    QCoreApplication app(argc, argv);
    QCoreApplication::setOrganizationName(QStringLiteral("CounterPay"));
    QCoreApplication::setApplicationName(QStringLiteral("CounterPay"));
    QCoreApplication::setApplicationVersion(QStringLiteral(COUNTERPAY_VERSION));
    // Diagnostics go to stderr only when asked for (QT_LOGGING_RULES); stdout is the contract.
    if (qEnvironmentVariableIsEmpty("QT_LOGGING_RULES"))
        QLoggingCategory::setFilterRules(QStringLiteral("counterpay.*.info=false\ncounterpay.*.debug=false"));

    const Result<CliArguments> arguments = CliArguments::parse(app.arguments().mid(1));
    if (!arguments) {
        CliOutput::error(arguments.errorMessage());
        return CliRunner::BadInput;
    }
    QTextStream out(stdout);
    if (arguments->command == QLatin1String("help")) {
        out << CliArguments::usage();
        return 0;
    }
    if (arguments->command == QLatin1String("version")) {
        out << "counterpay-cli " << QCoreApplication::applicationVersion() << '\n';
        return 0;
    }

    CliRunner runner(arguments.value());
    int exitCode = CliRunner::Unknown;
    QObject::connect(&runner, &CliRunner::done, &app, [&exitCode](int code) {
        exitCode = code;
        QCoreApplication::exit(code);
    });
    QMetaObject::invokeMethod(&runner, [&runner] { runner.start(); }, Qt::QueuedConnection);
    app.exec();
    return exitCode;
}
