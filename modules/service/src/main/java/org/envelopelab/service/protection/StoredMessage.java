package org.envelopelab.service.protection;

import org.envelopelab.service.branding.BrandingTemplate;

/**
 * The service's own copy of a protected message, which outside recipients read in the portal: the
 * wrapper in their mailbox carries only a link with the token.
 *
 * @param token      the unguessable key of this copy
 * @param messageId  the RFC 5322 Message-ID
 * @param policy     who may read it and how
 * @param branding   the branding template it was protected with (portal look, passcode mail, expiry)
 * @param senderName the sender's display name, for the portal and the passcode mail
 * @param cms        the protected CMS (DER): the service keeps ciphertext, never the plaintext
 */
public record StoredMessage(String token, String messageId, Policy policy, BrandingTemplate branding, String senderName,
                            byte[] cms) {

    public StoredMessage {
        cms = cms.clone();
    }

    @Override
    public byte[] cms() {
        return cms.clone();
    }

    /** The CMS itself, for the service, which never changes it: a 10MB message is not copied at every reading. */
    byte[] sharedCms() {
        return cms;
    }
}
