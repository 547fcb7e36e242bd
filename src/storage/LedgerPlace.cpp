#include "storage/LedgerPlace.h"

#include <QDir>
#include <QFileInfo>
#include <QLocale>
#include <QStorageInfo>

std::optional<Error> LedgerPlace::problem(const QString &ledgerPath)
{
    const QFileInfo file(ledgerPath);
    const QString folder = file.absolutePath();
    const QFileInfo folderInfo(folder);
    const QStorageInfo storage(folderInfo.exists() ? folder : QDir::rootPath());
    if (storage.isValid() && storage.isReady() && storage.isReadOnly()) {
        return Error { QStringLiteral("ledger_read_only"),
                       QStringLiteral("The ledger '%1' is on a read-only disk (%2); CounterPay must write to it. Mount it "
                                      "read-write, or choose a ledger on a writable disk with --db. The file was left "
                                      "untouched.")
                               .arg(ledgerPath, storage.rootPath()) };
    }
    if ((file.exists() && !file.isWritable()) || (folderInfo.exists() && !folderInfo.isWritable())) {
        return Error { QStringLiteral("ledger_read_only"),
                       QStringLiteral("The ledger '%1' is read-only (the file or its folder may not be written); give the "
                                      "user running CounterPay write access to both. The file was left untouched.")
                               .arg(ledgerPath) };
    }
    if (storage.isValid() && storage.isReady() && storage.bytesAvailable() >= 0 && storage.bytesAvailable() < kMinFreeBytes) {
        return Error { QStringLiteral("disk_full"),
                       QStringLiteral("The disk holding the ledger '%1' is full (%2 free). Free some space there and run "
                                      "the command again; the ledger itself was left untouched.")
                               .arg(ledgerPath, QLocale::c().formattedDataSize(storage.bytesAvailable())) };
    }
    return std::nullopt;
}
