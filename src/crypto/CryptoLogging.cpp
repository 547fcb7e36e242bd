#include "crypto/CryptoLogging.h"

Q_LOGGING_CATEGORY(lcCrypto, "counterpay.crypto")
