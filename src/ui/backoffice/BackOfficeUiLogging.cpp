#include "ui/backoffice/BackOfficeUiLogging.h"

Q_LOGGING_CATEGORY(lcBackOfficeUi, "counterpay.ui.backoffice")
