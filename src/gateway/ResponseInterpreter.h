#pragma once

#include "gateway/GatewayResult.h"
#include "gateway/HttpClient.h"
#include "gateway/HttpRequest.h"

#include <QDateTime>

// Turns an HttpClient outcome into a provider's typed result, the same way for every
// provider: transport errors pass through; a non-2xx becomes HttpClient::statusError()
// refined by the provider's error-body parser; a 2xx goes to the provider's parser, and if
// that fails for a write, the outcome is unknown (the provider accepted something).
namespace ResponseInterpreter {

template<typename T, typename Parse, typename ParseError>
GatewayResult<T> interpret(const GatewayResult<HttpResponse> &http, HttpRequest::Effect effect,
                           const QDateTime &nowUtc, Parse parse, ParseError parseError)
{
    if (!http.ok())
        return http.error();
    const HttpResponse &response = http.value();
    if (!response.isSuccess())
        return parseError(response.body, HttpClient::statusError(response, effect, nowUtc));
    GatewayResult<T> parsed = parse(response.body);
    if (!parsed.ok()) {
        parsed.error().httpStatus = response.status;
        parsed.error().attempts = response.attempts;
        parsed.error().outcomeUnknown = effect != HttpRequest::Effect::Read;
    }
    return parsed;
}

} // namespace ResponseInterpreter
