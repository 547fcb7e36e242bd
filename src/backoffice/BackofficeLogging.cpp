#include "backoffice/BackofficeLogging.h"

Q_LOGGING_CATEGORY(lcBackoffice, "counterpay.backoffice")
