package org.envelopelab.service.audit;

import java.util.Locale;

/** What happened, in the words of an audit report: one kind per event the service records. */
public enum AuditKind {
    /** A mail flow rule matched a message (the transport records these). */
    RULE_MATCHED,
    PROTECTED,
    LICENSE_ISSUED,
    LICENSE_REFUSED,
    PASSCODE_SENT,
    /** A passcode was asked for but none was sent: not an outside recipient, locked out, or the mailer failed. */
    PASSCODE_NOT_SENT,
    PASSCODE_VERIFIED,
    PASSCODE_FAILED,
    PASSCODE_LOCKED,
    /** An outside recipient signed in through a consumer identity provider (Google, Yahoo, Microsoft account). */
    SIGNED_IN_WITH_PROVIDER,
    /** Signing in with a provider failed: a wrong password, locked out, not an outside recipient, or social sign-in is off. */
    PROVIDER_SIGN_IN_REFUSED,
    /** A recipient ended their portal session. */
    SIGNED_OUT,
    PORTAL_VIEWED,
    ATTACHMENT_DOWNLOADED,
    REPLIED,
    REPLY_REFUSED,
    FORWARDED,
    FORWARD_REFUSED,
    /** A reader's client refused a use the rights do not grant, such as print or copy. */
    USE_REFUSED,
    REVOKED,
    REVOCATION_REFUSED,
    KEYS_ROTATED,
    /** The service decrypted a message for journaling, transport decryption or eDiscovery. */
    COMPLIANCE_DECRYPTED,
    ENCRYPTION_REMOVED;

    /** As a report prints it: passcode-sent, license-refused, ... */
    public String label() {
        return name().toLowerCase(Locale.ROOT).replace('_', '-');
    }
}
