#pragma once

#include <QByteArray>
#include <QList>
#include <QPair>
#include <QString>
#include <QUrl>

// One request for HttpClient. Plain data.
struct HttpRequest
{
    enum class Method { Get, Post };

    // What a repeat of this request would do; decides retries and GatewayError::outcomeUnknown.
    enum class Effect {
        Read,            // a status query (GET, or Google's POST ...:get): retried, never "unknown"
        IdempotentWrite, // a POST keyed by order id / unique_request_id: retried; if every
                         // attempt fails in a way that may have applied it, outcome unknown
        Write,           // a POST that must not be repeated blindly: never retried
    };

    Method method = Method::Get;
    Effect effect = Effect::Read;
    QUrl url;
    QList<QPair<QByteArray, QByteArray>> headers; // Authorization etc.; never logged in clear
    QByteArray body;
    QByteArray contentType;   // of body (POST)
    bool expectJson = true;   // a 2xx answer must be application/json
    int timeoutMs = -1;       // -1: the client's default
    QString purpose;          // for log lines: "juspay.status", "cmcom.token" ...
};

struct HttpResponse
{
    int status = 0;
    QByteArray body;
    QByteArray contentType;
    QList<QPair<QByteArray, QByteArray>> headers;
    int attempts = 1;

    // Case-insensitive header lookup; empty if absent.
    QByteArray header(const QByteArray &name) const
    {
        for (const auto &h : headers) {
            if (h.first.compare(name, Qt::CaseInsensitive) == 0)
                return h.second;
        }
        return {};
    }
    bool isSuccess() const { return status >= 200 && status < 300; }
};
