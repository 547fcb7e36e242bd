#include "core/CoreLogging.h"

Q_LOGGING_CATEGORY(lcCore, "counterpay.core")
Q_LOGGING_CATEGORY(lcCoreState, "counterpay.core.state")
