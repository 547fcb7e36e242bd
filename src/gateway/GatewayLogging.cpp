#include "gateway/GatewayLogging.h"

Q_LOGGING_CATEGORY(lcGateway, "counterpay.gateway")
Q_LOGGING_CATEGORY(lcGatewayHttp, "counterpay.gateway.http")
Q_LOGGING_CATEGORY(lcGatewayJuspay, "counterpay.gateway.juspay")
Q_LOGGING_CATEGORY(lcGatewayGooglePay, "counterpay.gateway.googlepay")
Q_LOGGING_CATEGORY(lcGatewayCmCom, "counterpay.gateway.cmcom")
Q_LOGGING_CATEGORY(lcGatewayProfile, "counterpay.gateway.profile")
