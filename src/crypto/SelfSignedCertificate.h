#pragma once

#include "core/Result.h"

#include <QByteArray>
#include <QString>
#include <QStringList>

// A throwaway two-level PKI for `counterpay-sandbox --tls`: a fresh CA (RSA-2048,
// basicConstraints CA:TRUE, keyUsage keyCertSign) and a leaf it signs (RSA-2048, SAN =
// dnsNames + ipAddresses, extendedKeyUsage serverAuth). A client that trusts
// caCertificatePem() verifies the leaf with full verification; nothing is written to disk and
// the CA's private key is discarded, so it can sign nothing else.
class SelfSignedCertificate
{
public:
    // Empty (isNull()); lets a holder keep one as a member before create() has run.
    SelfSignedCertificate() = default;

    // commonName: 1..64 characters. dnsNames: LDH names (a leading "*." is allowed).
    // ipAddresses: IPv4 or IPv6 literals. validDays: 1..3650. At least one name is needed.
    // Error codes: cert_bad_name, cert_bad_validity, cert_create_failed.
    static Result<SelfSignedCertificate> create(const QString &commonName,
        const QStringList &dnsNames = { QStringLiteral("localhost") },
        const QStringList &ipAddresses = { QStringLiteral("127.0.0.1") }, int validDays = 30);

    bool isNull() const { return m_certificatePem.isEmpty(); }
    QByteArray caCertificatePem() const { return m_caCertificatePem; }
    QByteArray certificatePem() const { return m_certificatePem; }
    QByteArray privateKeyPem() const { return m_privateKeyPem; } // the leaf's key, PKCS#8

private:
    SelfSignedCertificate(
        QByteArray caCertificatePem, QByteArray certificatePem, QByteArray privateKeyPem);

    QByteArray m_caCertificatePem;
    QByteArray m_certificatePem;
    QByteArray m_privateKeyPem;
};
