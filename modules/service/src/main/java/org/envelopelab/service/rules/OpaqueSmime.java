package org.envelopelab.service.rules;

import jakarta.mail.MessagingException;
import jakarta.mail.internet.ContentType;
import jakarta.mail.internet.MimeMessage;
import org.bouncycastle.asn1.ASN1Encodable;
import org.bouncycastle.asn1.ASN1ObjectIdentifier;
import org.bouncycastle.asn1.ASN1SequenceParser;
import org.bouncycastle.asn1.ASN1StreamParser;
import org.bouncycastle.asn1.cms.CMSObjectIdentifiers;

import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.util.Locale;
import java.util.Set;

/**
 * Whether a message is S/MIME the service cannot read: encrypted (enveloped-data,
 * authEnveloped-data) or signed inside CMS (signed-data), judged from its Content-Type as RFC 8551
 * section 3.9 names them. Clear-signed mail (multipart/signed) is readable and so not opaque. For
 * application/pkcs7-mime without the smime-type parameter (older clients) the CMS content type at
 * the front of the body decides; a body that is not CMS, or a Content-Type that cannot be read, is
 * not S/MIME. The same decision the smime module's {@code SmimeKind} makes, without the S/MIME codec.
 */
final class OpaqueSmime {

    /** smime-type values, lower case, that mean the content is inside CMS. */
    private static final Set<String> OPAQUE_SMIME_TYPES = Set.of("enveloped-data", "authenveloped-data", "signed-data");
    private static final Set<ASN1ObjectIdentifier> OPAQUE_CMS_TYPES = Set.of(
            CMSObjectIdentifiers.signedData, CMSObjectIdentifiers.envelopedData, CMSObjectIdentifiers.authEnvelopedData);
    /** How far into the body the CMS content type is looked for. */
    private static final int LOOK_AHEAD = 1024;

    private OpaqueSmime() {
    }

    static boolean opaque(MimeMessage message) {
        ContentType type;
        try {
            type = new ContentType(message.getContentType() == null ? "text/plain" : message.getContentType());
        } catch (MessagingException e) {
            return false;
        }
        if (!type.match("application/pkcs7-mime") && !type.match("application/x-pkcs7-mime")) {
            return false;
        }
        String smimeType = type.getParameter("smime-type");
        if (smimeType != null) {
            return OPAQUE_SMIME_TYPES.contains(smimeType.toLowerCase(Locale.ROOT));
        }
        try (InputStream body = new BufferedInputStream(message.getInputStream())) {
            return OPAQUE_CMS_TYPES.contains(cmsContentType(body));
        } catch (IOException | MessagingException e) {
            return false;
        }
    }

    /** The content type OID at the front of a CMS ContentInfo (RFC 5652 section 3), read from the first bytes. */
    private static ASN1ObjectIdentifier cmsContentType(InputStream cms) throws IOException {
        cms.mark(LOOK_AHEAD);
        try {
            ASN1Encodable contentInfo = new ASN1StreamParser(cms).readObject();
            if (!(contentInfo instanceof ASN1SequenceParser sequence)) {
                throw new IOException("the body is not a CMS ContentInfo");
            }
            ASN1Encodable contentType = sequence.readObject();
            if (!(contentType instanceof ASN1ObjectIdentifier oid)) {
                throw new IOException("the CMS ContentInfo does not start with a content type");
            }
            return oid;
        } catch (IllegalStateException | IllegalArgumentException | ClassCastException e) {
            throw new IOException("the body is not a CMS ContentInfo: " + e.getMessage(), e);
        } finally {
            cms.reset();
        }
    }
}
