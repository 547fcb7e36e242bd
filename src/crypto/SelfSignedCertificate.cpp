#include "crypto/SelfSignedCertificate.h"

#include "crypto/OpenSslError.h"
#include "crypto/OpenSslPointers.h"
#include "crypto/RsaKey.h"
#include "crypto/SecureRandom.h"

#include <openssl/pem.h>

#include <QRegularExpression>

#include <utility>

namespace {

constexpr int kKeyBits = 2048;
constexpr int kMaxCommonName = 64; // ub-common-name
constexpr int kMaxValidDays = 3650;
constexpr long kBackdateSeconds = 300; // tolerate a little clock skew on the client

Error creationFailed(const QString &what)
{
    return Error::make("cert_create_failed", OpenSslError::take(what));
}

bool isValidDnsName(const QString &name)
{
    static const QRegularExpression pattern(
        QStringLiteral("^(\\*\\.)?[A-Za-z0-9]([A-Za-z0-9-]{0,61}[A-Za-z0-9])?"
                       "(\\.[A-Za-z0-9]([A-Za-z0-9-]{0,61}[A-Za-z0-9])?)*$"));
    return name.size() <= 253 && pattern.match(name).hasMatch();
}

// Version 3 certificate for subjectKey with a random positive serial, validity from a few
// minutes ago for validDays, and subject CN=commonName, O=CounterPay Sandbox.
OpenSsl::X509Ptr newCertificate(EVP_PKEY *subjectKey, const QString &commonName, int validDays)
{
    OpenSsl::X509Ptr cert(X509_new());
    if (!cert || X509_set_version(cert.get(), X509_VERSION_3) != 1)
        return {};

    QByteArray serialBytes = SecureRandom::bytes(16);
    if (serialBytes.size() != 16)
        return {};
    serialBytes[0] = static_cast<char>(serialBytes.at(0) & 0x7f); // positive, 127 random bits
    const OpenSsl::BignumPtr serial(
        BN_bin2bn(reinterpret_cast<const unsigned char *>(serialBytes.constData()),
            static_cast<int>(serialBytes.size()), nullptr));
    if (!serial || !BN_to_ASN1_INTEGER(serial.get(), X509_get_serialNumber(cert.get())))
        return {};

    if (!X509_gmtime_adj(X509_getm_notBefore(cert.get()), -kBackdateSeconds)
        || !X509_time_adj_ex(X509_getm_notAfter(cert.get()), validDays, 0, nullptr))
        return {};

    X509_NAME *name = X509_get_subject_name(cert.get());
    const QByteArray cn = commonName.toUtf8();
    if (X509_NAME_add_entry_by_txt(name, "O", MBSTRING_UTF8,
            reinterpret_cast<const unsigned char *>("CounterPay Sandbox"), -1, -1, 0)
            != 1
        || X509_NAME_add_entry_by_txt(name, "CN", MBSTRING_UTF8,
               reinterpret_cast<const unsigned char *>(cn.constData()), static_cast<int>(cn.size()),
               -1, 0)
            != 1
        || X509_set_pubkey(cert.get(), subjectKey) != 1)
        return {};
    return cert;
}

// Adds one extension written in openssl.cnf syntax ("critical,CA:TRUE").
bool addExtension(X509 *cert, X509 *issuer, int nid, const char *value)
{
    X509V3_CTX ctx;
    X509V3_set_ctx(&ctx, issuer, cert, nullptr, nullptr, 0);
    const OpenSsl::X509ExtPtr extension(X509V3_EXT_nconf_nid(nullptr, &ctx, nid, value));
    return extension && X509_add_ext(cert, extension.get(), -1) == 1;
}

bool addSubjectAltNames(X509 *cert, const QStringList &dnsNames, const QStringList &ipAddresses)
{
    OpenSsl::GeneralNamesPtr names(sk_GENERAL_NAME_new_null());
    if (!names)
        return false;
    for (const QString &dns : dnsNames) {
        OpenSsl::Asn1Ia5StringPtr text(ASN1_IA5STRING_new());
        const QByteArray ascii = dns.toLatin1();
        if (!text
            || ASN1_STRING_set(text.get(), ascii.constData(), static_cast<int>(ascii.size())) != 1)
            return false;
        OpenSsl::GeneralNamePtr name(GENERAL_NAME_new());
        if (!name)
            return false;
        GENERAL_NAME_set0_value(name.get(), GEN_DNS, text.release());
        if (sk_GENERAL_NAME_push(names.get(), name.get()) == 0)
            return false;
        name.release(); // now owned by names
    }
    for (const QString &ip : ipAddresses) {
        OpenSsl::Asn1OctetStringPtr octets(a2i_IPADDRESS(ip.toLatin1().constData()));
        OpenSsl::GeneralNamePtr name(GENERAL_NAME_new());
        if (!octets || !name)
            return false;
        GENERAL_NAME_set0_value(name.get(), GEN_IPADD, octets.release());
        if (sk_GENERAL_NAME_push(names.get(), name.get()) == 0)
            return false;
        name.release();
    }
    return X509_add1_ext_i2d(cert, NID_subject_alt_name, names.get(), 0, X509V3_ADD_DEFAULT) == 1;
}

QByteArray toPem(X509 *cert)
{
    const OpenSsl::BioPtr bio(BIO_new(BIO_s_mem()));
    if (!bio || PEM_write_bio_X509(bio.get(), cert) != 1)
        return {};
    return OpenSsl::readAll(bio.get());
}

} // namespace

SelfSignedCertificate::SelfSignedCertificate(
    QByteArray caCertificatePem, QByteArray certificatePem, QByteArray privateKeyPem)
    : m_caCertificatePem(std::move(caCertificatePem))
    , m_certificatePem(std::move(certificatePem))
    , m_privateKeyPem(std::move(privateKeyPem))
{ }

Result<SelfSignedCertificate> SelfSignedCertificate::create(const QString &commonName,
    const QStringList &dnsNames, const QStringList &ipAddresses, int validDays)
{
    if (commonName.trimmed().isEmpty() || commonName.size() > kMaxCommonName) {
        return Error::make("cert_bad_name",
            QStringLiteral("The certificate common name must be 1 to %1 characters.")
                .arg(kMaxCommonName));
    }
    if (dnsNames.isEmpty() && ipAddresses.isEmpty()) {
        return Error::make("cert_bad_name",
            QStringLiteral("A server certificate needs at least one DNS name or IP "
                           "address."));
    }
    for (const QString &dns : dnsNames) {
        if (!isValidDnsName(dns)) {
            return Error::make("cert_bad_name",
                QStringLiteral("\"%1\" is not a valid DNS name.").arg(dns.left(64)));
        }
    }
    for (const QString &ip : ipAddresses) {
        const OpenSsl::Asn1OctetStringPtr parsed(a2i_IPADDRESS(ip.toLatin1().constData()));
        if (!parsed || ip.toLatin1() != ip.toUtf8()) {
            OpenSslError::clear();
            return Error::make("cert_bad_name",
                QStringLiteral("\"%1\" is not an IPv4 or IPv6 address.").arg(ip.left(64)));
        }
    }
    if (validDays < 1 || validDays > kMaxValidDays) {
        return Error::make("cert_bad_validity",
            QStringLiteral("A certificate must be valid for 1 to %1 days; got %2.")
                .arg(kMaxValidDays)
                .arg(validDays));
    }

    const Result<RsaKey> caKey = RsaKey::generate(kKeyBits);
    if (!caKey)
        return caKey.error();
    const Result<RsaKey> leafKey = RsaKey::generate(kKeyBits);
    if (!leafKey)
        return leafKey.error();

    OpenSslError::clear();
    const QString caName = QStringLiteral("CounterPay Sandbox CA %1")
                               .arg(QString::fromLatin1(SecureRandom::bytes(4).toHex()));
    const OpenSsl::X509Ptr ca = newCertificate(caKey->nativeHandle(), caName, validDays);
    if (!ca)
        return creationFailed(QStringLiteral("Could not build the CA certificate"));
    if (X509_set_issuer_name(ca.get(), X509_get_subject_name(ca.get())) != 1
        || !addExtension(ca.get(), ca.get(), NID_basic_constraints, "critical,CA:TRUE,pathlen:0")
        || !addExtension(ca.get(), ca.get(), NID_key_usage, "critical,keyCertSign,cRLSign")
        || !addExtension(ca.get(), ca.get(), NID_subject_key_identifier, "hash")
        || X509_sign(ca.get(), caKey->nativeHandle(), EVP_sha256()) <= 0)
        return creationFailed(QStringLiteral("Could not sign the CA certificate"));

    const OpenSsl::X509Ptr leaf = newCertificate(leafKey->nativeHandle(), commonName, validDays);
    if (!leaf)
        return creationFailed(QStringLiteral("Could not build the server certificate"));
    if (X509_set_issuer_name(leaf.get(), X509_get_subject_name(ca.get())) != 1
        || !addExtension(leaf.get(), ca.get(), NID_basic_constraints, "critical,CA:FALSE")
        || !addExtension(
            leaf.get(), ca.get(), NID_key_usage, "critical,digitalSignature,keyEncipherment")
        || !addExtension(leaf.get(), ca.get(), NID_ext_key_usage, "serverAuth")
        || !addExtension(leaf.get(), ca.get(), NID_subject_key_identifier, "hash")
        || !addExtension(leaf.get(), ca.get(), NID_authority_key_identifier, "keyid:always")
        || !addSubjectAltNames(leaf.get(), dnsNames, ipAddresses)
        || X509_sign(leaf.get(), caKey->nativeHandle(), EVP_sha256()) <= 0)
        return creationFailed(QStringLiteral("Could not sign the server certificate"));

    QByteArray caPem = toPem(ca.get());
    QByteArray leafPem = toPem(leaf.get());
    QByteArray keyPem = leafKey->privateKeyPem();
    if (caPem.isEmpty() || leafPem.isEmpty() || keyPem.isEmpty())
        return creationFailed(QStringLiteral("Could not write the certificates as PEM"));
    return SelfSignedCertificate(std::move(caPem), std::move(leafPem), std::move(keyPem));
}
