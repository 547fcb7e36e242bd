#pragma once

#include <QByteArray>
#include <QJsonArray>
#include <QJsonObject>
#include <QList>
#include <QPair>

// One HTTP response, plus how the sandbox's scenarios want it delivered: late, garbled, cut
// short, or not at all after the change it reports has been committed.
struct SandboxHttpResponse
{
    enum class Fault {
        None,
        Garbled, // a malformed JSON body with a correct Content-Length
        Truncated, // Content-Length says N, fewer bytes arrive, then the connection closes
        Drop, // the connection closes without any answer
    };

    int status = 200;
    QByteArray contentType;
    QByteArray body;
    QList<QPair<QByteArray, QByteArray>> headers;
    Fault fault = Fault::None;
    int delayMs = 0;
    // Set by a handler that changed state (created an order, started a payment, refunded):
    // drop-after-commit only drops those.
    bool committed = false;

    static SandboxHttpResponse json(int status, const QJsonObject &object);
    static SandboxHttpResponse json(int status, const QJsonArray &array);
    static SandboxHttpResponse rawJson(int status, QByteArray jsonText);
    static SandboxHttpResponse html(int status, QByteArray html);
    static SandboxHttpResponse text(int status, QByteArray text);
    static SandboxHttpResponse redirect(const QByteArray &location);

    void setHeader(const QByteArray &name, const QByteArray &value);
    // Status line, headers (with Content-Length and Connection: close) and body.
    QByteArray serialize() const;
    // The same response with its body made into malformed JSON of the same length class.
    QByteArray serializeGarbled() const;
    static QByteArray reasonPhrase(int status);
};
