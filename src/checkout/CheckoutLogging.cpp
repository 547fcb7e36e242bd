#include "checkout/CheckoutLogging.h"

Q_LOGGING_CATEGORY(lcCheckout, "counterpay.checkout")
