#include "gateway/PaymentGateway.h"

PaymentGateway::~PaymentGateway() = default;
