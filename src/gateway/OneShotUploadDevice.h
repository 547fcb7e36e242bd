#pragma once

#include <QByteArray>
#include <QIODevice>

// A request body that can be read exactly once. QNetworkAccessManager silently re-sends a
// request whose connection closed before any answer (it assumes a stale keep-alive
// connection) when it can rewind the body. For a payment POST that is not idempotent, that
// resend can start a second transaction. Given this device (with
// DoNotBufferUploadDataAttribute), QNAM cannot rewind, reports ContentReSendError instead,
// and HttpClient turns that into "no answer, outcome unknown".
class OneShotUploadDevice final : public QIODevice
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(OneShotUploadDevice)

public:
    explicit OneShotUploadDevice(QByteArray data, QObject *parent = nullptr);

    bool isSequential() const override { return true; }
    bool reset() override { return false; }
    qint64 bytesAvailable() const override;
    qint64 size() const override { return m_data.size(); }

protected:
    qint64 readData(char *data, qint64 maxSize) override;
    qint64 writeData(const char *, qint64) override { return -1; }

private:
    QByteArray m_data;
    qint64 m_position = 0;
};
