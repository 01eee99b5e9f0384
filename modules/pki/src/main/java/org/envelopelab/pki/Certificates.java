package org.envelopelab.pki;

import org.bouncycastle.asn1.x500.RDN;
import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.asn1.x500.style.BCStyle;
import org.bouncycastle.asn1.x500.style.IETFUtils;

import java.security.cert.CertificateParsingException;
import java.security.cert.X509Certificate;
import java.util.Collection;
import java.util.List;
import java.util.Locale;

/** What a person (or a student) wants to know about a certificate, in words. */
public final class Certificates {

    private static final int RFC822_NAME = 1;

    private Certificates() {
    }

    /** The email address in subjectAltName (where S/MIME looks, RFC 8550), lower-cased; empty if none. */
    public static String email(X509Certificate certificate) {
        List<String> emails = emails(certificate);
        return emails.isEmpty() ? "" : emails.get(0);
    }

    public static List<String> emails(X509Certificate certificate) {
        try {
            Collection<List<?>> names = certificate.getSubjectAlternativeNames();
            if (names == null) {
                return List.of();
            }
            return names.stream()
                    .filter(name -> ((Integer) name.get(0)) == RFC822_NAME)
                    .map(name -> ((String) name.get(1)).toLowerCase(Locale.ROOT))
                    .toList();
        } catch (CertificateParsingException e) {
            return List.of();
        }
    }

    /** The subject's common name, or the whole subject when it has none. */
    public static String commonName(X509Certificate certificate) {
        X500Name name = X500Name.getInstance(certificate.getSubjectX500Principal().getEncoded());
        RDN[] cn = name.getRDNs(BCStyle.CN);
        return cn.length == 0 ? name.toString() : IETFUtils.valueToString(cn[0].getFirst().getValue());
    }

    /** "Bob Baker <bob@fabrikam.example>, serial 3, issued by Fabrikam Root CA, valid until 2027-03-02". */
    public static String describe(X509Certificate certificate) {
        return commonName(certificate) + " <" + email(certificate) + ">, serial " + certificate.getSerialNumber()
                + ", issued by " + issuerName(certificate) + ", valid until "
                + certificate.getNotAfter().toInstant().toString().substring(0, 10);
    }

    public static String issuerName(X509Certificate certificate) {
        X500Name name = X500Name.getInstance(certificate.getIssuerX500Principal().getEncoded());
        RDN[] cn = name.getRDNs(BCStyle.CN);
        return cn.length == 0 ? name.toString() : IETFUtils.valueToString(cn[0].getFirst().getValue());
    }
}
