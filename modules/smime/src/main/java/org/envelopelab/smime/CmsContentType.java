package org.envelopelab.smime;

import org.bouncycastle.asn1.ASN1Encodable;
import org.bouncycastle.asn1.ASN1ObjectIdentifier;
import org.bouncycastle.asn1.ASN1SequenceParser;
import org.bouncycastle.asn1.ASN1StreamParser;

import java.io.IOException;
import java.io.InputStream;

/**
 * The content type at the front of a CMS ContentInfo (RFC 5652 section 3): signedData,
 * envelopedData, authEnvelopedData. The smime-type parameter is only a hint (older clients leave it
 * out), so the lab reads the OID itself, a few bytes, and puts them back.
 */
final class CmsContentType {

    private static final int LOOK_AHEAD = 1024;

    private CmsContentType() {
    }

    /** The content type OID; the stream must support mark and is left where it was. */
    static ASN1ObjectIdentifier peek(InputStream cms) throws IOException {
        cms.mark(LOOK_AHEAD);
        try {
            ASN1Encodable contentInfo = new ASN1StreamParser(cms).readObject();
            if (!(contentInfo instanceof ASN1SequenceParser sequence)) {
                throw new IOException("the body is not a CMS ContentInfo");
            }
            ASN1Encodable type = sequence.readObject();
            if (!(type instanceof ASN1ObjectIdentifier oid)) {
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
