package org.envelopelab.smime;

import jakarta.mail.MessagingException;
import jakarta.mail.internet.ContentType;
import jakarta.mail.internet.MimeMessage;
import jakarta.mail.internet.ParseException;
import org.bouncycastle.asn1.ASN1ObjectIdentifier;
import org.bouncycastle.asn1.cms.CMSObjectIdentifiers;

import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.util.Locale;

/**
 * What kind of S/MIME message this is, judged from its Content-Type (RFC 8551 section 3.9), and,
 * for application/pkcs7-mime without the smime-type parameter (older clients), from the CMS
 * content type inside.
 */
public enum SmimeKind {
    PLAIN("plain"),
    CLEAR_SIGNED("clear-signed"),
    OPAQUE_SIGNED("opaque-signed"),
    ENVELOPED(SmimeHeaders.ENVELOPED),
    AUTH_ENVELOPED(SmimeHeaders.AUTH_ENVELOPED);

    private final String label;

    SmimeKind(String label) {
        this.label = label;
    }

    /** True for the two encrypted kinds: reading needs a private key. */
    public boolean encrypted() {
        return this == ENVELOPED || this == AUTH_ENVELOPED;
    }

    public boolean signed() {
        return this == CLEAR_SIGNED || this == OPAQUE_SIGNED;
    }

    /** How layers are named: "clear-signed", "opaque-signed", "enveloped-data", "authEnveloped-data". */
    public String label() {
        return label;
    }

    /** The kind of a message; a message whose Content-Type cannot be read is not S/MIME, so PLAIN. */
    public static SmimeKind of(MimeMessage message) {
        ContentType type;
        try {
            type = new ContentType(message.getContentType() == null ? "text/plain" : message.getContentType());
        } catch (MessagingException e) {
            return PLAIN;
        }
        if (isPkcs7Mime(type) && smimeType(type) == null) {
            try (InputStream body = new BufferedInputStream(message.getInputStream())) {
                return ofCmsContentType(CmsContentType.peek(body));
            } catch (IOException | MessagingException e) {
                return PLAIN;
            }
        }
        return ofContentType(type);
    }

    /** The kind a Content-Type names; application/pkcs7-mime without smime-type is taken for what is most common, enveloped-data. */
    static SmimeKind ofContentType(ContentType type) {
        if (type.match("multipart/signed")) {
            String protocol = type.getParameter("protocol");
            return protocol != null && isSignatureType(protocol) ? CLEAR_SIGNED : PLAIN;
        }
        if (!isPkcs7Mime(type)) {
            return PLAIN;
        }
        String smimeType = smimeType(type);
        if (smimeType == null || smimeType.equals(SmimeHeaders.ENVELOPED.toLowerCase(Locale.ROOT))) {
            return ENVELOPED;
        }
        if (smimeType.equals(SmimeHeaders.AUTH_ENVELOPED.toLowerCase(Locale.ROOT))) {
            return AUTH_ENVELOPED;
        }
        if (smimeType.equals(SmimeHeaders.SIGNED)) {
            return OPAQUE_SIGNED;
        }
        return PLAIN;
    }

    static SmimeKind ofCmsContentType(ASN1ObjectIdentifier type) {
        if (type.equals(CMSObjectIdentifiers.signedData)) {
            return OPAQUE_SIGNED;
        }
        if (type.equals(CMSObjectIdentifiers.envelopedData)) {
            return ENVELOPED;
        }
        if (type.equals(CMSObjectIdentifiers.authEnvelopedData)) {
            return AUTH_ENVELOPED;
        }
        return PLAIN;
    }

    /** application/pkcs7-mime, or the x- name old clients still send. */
    static boolean isPkcs7Mime(ContentType type) {
        return type.match("application/pkcs7-mime") || type.match("application/x-pkcs7-mime");
    }

    private static boolean isSignatureType(String type) {
        try {
            ContentType protocol = new ContentType(type);
            return protocol.match("application/pkcs7-signature") || protocol.match("application/x-pkcs7-signature");
        } catch (ParseException e) {
            return false;
        }
    }

    private static String smimeType(ContentType type) {
        String smimeType = type.getParameter("smime-type");
        return smimeType == null ? null : smimeType.toLowerCase(Locale.ROOT);
    }
}
