#include "gateway/HttpClient.h"

#include "gateway/OneShotUploadDevice.h"

#include "gateway/GatewayLogging.h"
#include "gateway/LogRedactor.h"

#include <QElapsedTimer>
#include <QMetaObject>
#include <QNetworkAccessManager>
#include <QNetworkReply>
#include <QNetworkRequest>
#include <QPointer>
#include <QSslConfiguration>
#include <QTimer>

#include <algorithm>

using Kind = GatewayError::Kind;

struct HttpClient::Call
{
    HttpRequest request;
    QPointer<QObject> context;
    Callback done;
    int attempt = 0;
    bool oversized = false;
    bool delivered = false;
    bool timedOut = false;     // this attempt's wall-clock deadline aborted the reply
    int attemptTimeoutMs = 0;  // the deadline given to this attempt
    qint64 budgetMs = 0;       // the whole call's, from send()
    QPointer<QNetworkReply> reply;
    QElapsedTimer elapsed;
};

namespace {

// A retry is only worth making if it has at least this long before the call's budget ends.
constexpr qint64 kMinAttemptMs = 100;

QString methodName(HttpRequest::Method method)
{
    return method == HttpRequest::Method::Get ? QStringLiteral("GET") : QStringLiteral("POST");
}

bool isRetryableStatus(int status)
{
    return status == 429 || status == 500 || status == 502 || status == 503 || status == 504;
}

bool isJsonContentType(const QByteArray &contentType)
{
    const QByteArray mime = contentType.split(';').value(0).trimmed().toLower();
    return mime == "application/json" || (mime.startsWith("application/") && mime.endsWith("+json"));
}

} // namespace

HttpClient::HttpClient(QNetworkAccessManager *manager, Options options, QObject *parent)
    : QObject(parent), m_manager(manager), m_options(std::move(options)), m_clock(&Clock::system())
{
    Q_ASSERT(m_manager);
}

HttpClient::~HttpClient()
{
    // Replies belong to the manager; stop the ones still running for us so none of them
    // calls back into a dead client.
    for (const QPointer<QNetworkReply> &reply : std::as_const(m_inFlight)) {
        if (!reply)
            continue;
        disconnect(reply, nullptr, this, nullptr);
        reply->abort();
        reply->deleteLater();
    }
}

void HttpClient::send(const HttpRequest &request, QObject *context, Callback done)
{
    auto call = std::make_shared<Call>();
    call->request = request;
    call->context = context;
    call->done = std::move(done);
    call->elapsed.start();
    call->budgetMs = m_options.retry.totalBudgetMs(attemptTimeoutMs(request));

    const QString scheme = request.url.scheme();
    if (!request.url.isValid() || request.url.host().isEmpty()
        || (scheme != QLatin1String("https") && scheme != QLatin1String("http"))) {
        finish(call, GatewayError::make(Kind::Config,
                                        QStringLiteral("Refusing to send %1: the URL is not a valid http(s) URL.")
                                                .arg(request.purpose)));
        return;
    }
    startAttempt(call);
}

int HttpClient::attemptTimeoutMs(const HttpRequest &request) const
{
    return request.timeoutMs > 0 ? request.timeoutMs : std::max(1, m_options.timeoutMs);
}

void HttpClient::startAttempt(const std::shared_ptr<Call> &call)
{
    ++call->attempt;
    call->oversized = false;
    call->timedOut = false;
    const HttpRequest &r = call->request;
    // The attempt's deadline: its timeout, or what is left of the call's budget if less.
    const qint64 left = call->budgetMs - call->elapsed.elapsed();
    call->attemptTimeoutMs = int(std::clamp<qint64>(left, 1, attemptTimeoutMs(r)));

    QNetworkRequest request(r.url);
    request.setAttribute(QNetworkRequest::RedirectPolicyAttribute,
                         QNetworkRequest::ManualRedirectPolicy);
    request.setAttribute(QNetworkRequest::CacheLoadControlAttribute,
                         QNetworkRequest::AlwaysNetwork);
    request.setRawHeader("Accept", "application/json");
    for (const auto &header : r.headers)
        request.setRawHeader(header.first, header.second);
    if (r.url.scheme() == QLatin1String("https")) {
        QSslConfiguration tls = QSslConfiguration::defaultConfiguration();
        if (!m_options.extraCaCertificates.isEmpty())
            tls.addCaCertificates(m_options.extraCaCertificates);
        request.setSslConfiguration(tls);
    }

    qCDebug(lcGatewayHttp).noquote() << r.purpose << methodName(r.method)
                                     << LogRedactor::redactUrl(r.url) << "attempt" << call->attempt
                                     << "body:" << LogRedactor::redactBody(r.body);

    QNetworkReply *reply = nullptr;
    if (r.method == HttpRequest::Method::Get) {
        reply = m_manager->get(request);
    } else {
        request.setHeader(QNetworkRequest::ContentTypeHeader, r.contentType);
        if (r.effect == HttpRequest::Effect::Write) {
            // Never let Qt re-send a non-idempotent write behind our back (see OneShotUploadDevice).
            request.setAttribute(QNetworkRequest::DoNotBufferUploadDataAttribute, true);
            request.setHeader(QNetworkRequest::ContentLengthHeader, r.body.size());
            auto *body = new OneShotUploadDevice(r.body);
            reply = m_manager->post(request, body);
            body->setParent(reply);
        } else {
            reply = m_manager->post(request, r.body);
        }
    }
    call->reply = reply;
    m_inFlight.append(QPointer<QNetworkReply>(reply));
    const qint64 cap = m_options.maxBodyBytes;

    connect(reply, &QNetworkReply::metaDataChanged, this, [call, reply, cap]() {
        const QVariant length = reply->header(QNetworkRequest::ContentLengthHeader);
        if (length.isValid() && length.toLongLong() > cap && !call->oversized) {
            call->oversized = true;
            reply->abort();
        }
    });
    connect(reply, &QNetworkReply::downloadProgress, this, [call, reply, cap](qint64 received, qint64) {
        if (received > cap && !call->oversized) {
            call->oversized = true;
            reply->abort();
        }
    });
    connect(reply, &QNetworkReply::finished, this, [this, call, reply]() { onFinished(call, reply); });

    // Wall-clock deadline: bytes that keep trickling in do not extend it. The timer belongs
    // to the reply, so it dies with it.
    auto *deadline = new QTimer(reply);
    deadline->setSingleShot(true);
    deadline->setTimerType(Qt::PreciseTimer);
    connect(deadline, &QTimer::timeout, reply, [call, reply]() {
        if (reply->isFinished())
            return;
        call->timedOut = true;
        reply->abort();
    });
    deadline->start(call->attemptTimeoutMs);
}

void HttpClient::onFinished(const std::shared_ptr<Call> &call, QNetworkReply *reply)
{
    reply->deleteLater();
    m_inFlight.removeIf([reply](const QPointer<QNetworkReply> &p) { return !p || p == reply; });
    if (call->delivered)
        return;
    const HttpRequest &r = call->request;
    const bool write = r.effect != HttpRequest::Effect::Read;
    const bool retryable = r.effect != HttpRequest::Effect::Write;
    const QVariant statusAttr = reply->attribute(QNetworkRequest::HttpStatusCodeAttribute);
    const int status = statusAttr.isValid() ? statusAttr.toInt() : 0;
    const QNetworkReply::NetworkError netError = reply->error();

    if (call->timedOut) {
        GatewayError error = GatewayError::make(Kind::Timeout,
                                                QStringLiteral("The gateway did not answer %1 within %2 ms.")
                                                        .arg(r.purpose)
                                                        .arg(call->attemptTimeoutMs),
                                                status, write);
        qCWarning(lcGatewayHttp).noquote() << r.purpose << methodName(r.method)
                                           << LogRedactor::redactUrl(r.url)
                                           << "failed: timeout (deadline" << call->attemptTimeoutMs
                                           << "ms) attempt" << call->attempt;
        if (retryable && scheduleRetry(call, m_options.retry.backoffMs(call->attempt), error.toString()))
            return;
        finish(call, std::move(error));
        return;
    }

    if (call->oversized) {
        qCWarning(lcGatewayHttp).noquote() << r.purpose << "response exceeds"
                                           << m_options.maxBodyBytes << "bytes; aborted";
        finish(call, GatewayError::make(Kind::Oversized,
                                        QStringLiteral("The gateway's answer to %1 is larger than %2 bytes.")
                                                .arg(r.purpose).arg(m_options.maxBodyBytes),
                                        status, write));
        return;
    }

    const QByteArray body = reply->readAll();
    const int errorCode = int(netError);
    // With an HTTP status in hand, Qt's content/server/protocol-operation errors just echo
    // that status; only network-level errors (and a broken protocol stream) are transport.
    const bool transportError = netError != QNetworkReply::NoError
            && (status == 0 || errorCode < 200 || netError == QNetworkReply::ProtocolFailure);

    if (transportError) {
        GatewayError error;
        switch (netError) {
        case QNetworkReply::ConnectionRefusedError:
        case QNetworkReply::HostNotFoundError:
        case QNetworkReply::NetworkSessionFailedError:
            error = GatewayError::make(Kind::Unreachable,
                                       QStringLiteral("The gateway cannot be reached (%1).").arg(reply->errorString()));
            break;
        case QNetworkReply::SslHandshakeFailedError:
            error = GatewayError::make(Kind::Tls,
                                       QStringLiteral("TLS verification failed: %1").arg(reply->errorString()));
            break;
        case QNetworkReply::TimeoutError:
        case QNetworkReply::OperationCanceledError:
            error = GatewayError::make(Kind::Timeout,
                                       QStringLiteral("The gateway did not answer %1 within %2 ms.")
                                               .arg(r.purpose)
                                               .arg(call->attemptTimeoutMs),
                                       status, write);
            break;
        default:
            if (status != 0 || !body.isEmpty()) {
                error = GatewayError::make(Kind::Truncated,
                                           QStringLiteral("The gateway's answer to %1 was cut off (%2).")
                                                   .arg(r.purpose, reply->errorString()),
                                           status, write);
            } else {
                // ContentReSendError: Qt wanted to re-send a one-shot write and we refused.
                const QString why = netError == QNetworkReply::ContentReSendError
                        ? QStringLiteral("not re-sent automatically")
                        : reply->errorString();
                error = GatewayError::make(Kind::Unreachable,
                                           QStringLiteral("The connection closed without an answer to %1 (%2).")
                                                   .arg(r.purpose, why),
                                           0, write);
            }
            break;
        }
        qCWarning(lcGatewayHttp).noquote() << r.purpose << methodName(r.method)
                                           << LogRedactor::redactUrl(r.url) << "failed:"
                                           << GatewayError::kindName(error.kind) << "attempt"
                                           << call->attempt;
        const bool worthRetry = error.kind == Kind::Unreachable || error.kind == Kind::Timeout
                || error.kind == Kind::Truncated;
        if (retryable && worthRetry
            && scheduleRetry(call, m_options.retry.backoffMs(call->attempt), error.toString()))
            return;
        finish(call, std::move(error));
        return;
    }

    HttpResponse response;
    response.status = status;
    response.body = body;
    response.contentType = reply->rawHeader("Content-Type");
    const auto pairs = reply->rawHeaderPairs();
    for (const auto &pair : pairs)
        response.headers.append(pair);

    qCInfo(lcGatewayHttp).noquote() << r.purpose << methodName(r.method)
                                    << LogRedactor::redactUrl(r.url) << "->" << status << "in"
                                    << call->elapsed.elapsed() << "ms, attempt" << call->attempt;

    const QVariant length = reply->header(QNetworkRequest::ContentLengthHeader);
    if (length.isValid() && length.toLongLong() > body.size()) {
        GatewayError error = GatewayError::make(Kind::Truncated,
                                                QStringLiteral("The gateway's answer to %1 was cut off (%2 of %3 bytes).")
                                                        .arg(r.purpose)
                                                        .arg(body.size())
                                                        .arg(length.toLongLong()),
                                                status, write);
        if (retryable && scheduleRetry(call, m_options.retry.backoffMs(call->attempt), error.toString()))
            return;
        finish(call, std::move(error));
        return;
    }

    if (retryable && isRetryableStatus(status)) {
        const qint64 retryAfter = RetryPolicy::parseRetryAfterMs(response.header("Retry-After"),
                                                                 m_clock->nowUtc());
        if (retryAfter <= m_options.retry.maxRetryAfterMs) {
            const qint64 delay = retryAfter >= 0 ? retryAfter : m_options.retry.backoffMs(call->attempt);
            if (scheduleRetry(call, delay, QStringLiteral("HTTP %1").arg(status)))
                return;
        }
    }

    if (response.isSuccess() && r.expectJson && !isJsonContentType(response.contentType)) {
        finish(call, GatewayError::make(Kind::WrongContentType,
                                        QStringLiteral("The gateway answered %1 with '%2' instead of JSON.")
                                                .arg(r.purpose, QString::fromLatin1(response.contentType.left(80))),
                                        status, write));
        return;
    }
    response.attempts = call->attempt;
    finish(call, std::move(response));
}

bool HttpClient::scheduleRetry(const std::shared_ptr<Call> &call, qint64 delayMs, const QString &why)
{
    if (call->attempt >= m_options.retry.maxAttempts)
        return false;
    // Within the call's budget: the wait and at least a short attempt must fit.
    const qint64 left = call->budgetMs - call->elapsed.elapsed();
    if (delayMs + kMinAttemptMs > left) {
        qCInfo(lcGatewayHttp).noquote() << call->request.purpose << "not retrying: the call's"
                                        << call->budgetMs << "ms budget is spent";
        return false;
    }
    qCInfo(lcGatewayHttp).noquote() << call->request.purpose << "retrying in" << delayMs
                                    << "ms after" << LogRedactor::maskLongDigitRuns(why);
    QTimer::singleShot(std::chrono::milliseconds(delayMs), this, [this, call]() {
        if (!call->context) // nobody is waiting any more
            return;
        startAttempt(call);
    });
    return true;
}

void HttpClient::finish(const std::shared_ptr<Call> &call, GatewayResult<HttpResponse> result)
{
    if (call->delivered)
        return;
    call->delivered = true;
    if (!result.ok())
        result.error().attempts = call->attempt;
    if (!call->context || !call->done)
        return;
    QMetaObject::invokeMethod(
            call->context.data(),
            [done = std::move(call->done), result = std::move(result)]() { done(result); },
            Qt::QueuedConnection);
}

GatewayError HttpClient::statusError(const HttpResponse &response, HttpRequest::Effect effect,
                                     const QDateTime &nowUtc)
{
    const int status = response.status;
    GatewayError error;
    error.httpStatus = status;
    error.attempts = response.attempts;
    if (status == 401 || status == 403)
        error.kind = Kind::Auth;
    else if (status == 404)
        error.kind = Kind::NotFound;
    else if (status == 429)
        error.kind = Kind::RateLimited;
    else if (status >= 400 && status < 500)
        error.kind = Kind::BadRequest;
    else if (status >= 500 && status < 600)
        error.kind = Kind::Server;
    else
        error.kind = Kind::Unexpected;
    if (status == 429 || status == 503)
        error.retryAfterMs = RetryPolicy::parseRetryAfterMs(response.header("Retry-After"), nowUtc);
    error.outcomeUnknown = effect != HttpRequest::Effect::Read && (status >= 500 || status < 400);
    error.message = QStringLiteral("The gateway answered HTTP %1.").arg(status);
    return error;
}
