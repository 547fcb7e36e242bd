#pragma once

#include "core/Result.h"
#include "gateway/GatewayError.h"

// Either a typed value or a GatewayError: core's Result with the richer error the checkout
// engine needs. GatewayResult<T>::failure(kind, message, httpStatus = 0) builds the error with
// GatewayError::make.
template<typename T>
using GatewayResult = Result<T, GatewayError>;
