#pragma once

#include <QLoggingCategory>

// One category per gateway module. None of them ever sees a secret, a token, an
// Authorization header or a full phone number: see LogRedactor.
Q_DECLARE_LOGGING_CATEGORY(lcGateway)
Q_DECLARE_LOGGING_CATEGORY(lcGatewayHttp)
Q_DECLARE_LOGGING_CATEGORY(lcGatewayJuspay)
Q_DECLARE_LOGGING_CATEGORY(lcGatewayGooglePay)
Q_DECLARE_LOGGING_CATEGORY(lcGatewayCmCom)
Q_DECLARE_LOGGING_CATEGORY(lcGatewayProfile)
