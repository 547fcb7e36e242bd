#include "storage/StorageLogging.h"

#include "storage/Ledger.h"

Q_LOGGING_CATEGORY(lcStorage, "counterpay.storage")

Ledger::~Ledger() = default;
