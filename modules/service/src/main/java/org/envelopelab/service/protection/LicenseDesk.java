package org.envelopelab.service.protection;

import org.envelopelab.service.audit.AuditKind;
import org.envelopelab.service.audit.AuditLog;
import org.envelopelab.service.rights.Right;
import org.envelopelab.service.tenant.Tenant;

import java.time.Clock;
import java.time.Instant;
import java.util.Locale;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * Decides whether a reader gets a use license, and records the answer. The same checks serve both
 * ways in: a mail client reading inline (the tenant's own people, and Microsoft account holders in
 * Outlook), and the portal reading for an outside recipient who has proven who they are.
 * Revocation and expiry apply to the portal only: as in the product, mail read inline cannot be
 * revoked at all.
 *
 * <p>A license rests on the policy, so the desk reads the policy, never the encrypted content:
 * the policy MAC covers the content's digest, and for a message the service sealed itself the
 * digest it remembered then ({@link ProtectedStore#seal}) is used, as long as the message still
 * carries the same GCM nonce, tag and length. Only another message (a retried protection whose
 * copy was replaced, or one changed by someone holding the key) is read whole.
 */
final class LicenseDesk {

    /** How the reader reaches the message. */
    enum Channel {
        /** A mail client whose user the tenant (or Microsoft, for a Microsoft account) has authenticated. */
        INLINE,
        /** The web portal, after a one-time passcode. */
        PORTAL
    }

    private final Tenant tenant;
    private final TenantRootKey keys;
    private final ProtectedStore store;
    private final Clock clock;
    private final AuditLog audit;

    LicenseDesk(Tenant tenant, TenantRootKey keys, ProtectedStore store, Clock clock, AuditLog audit) {
        this.tenant = tenant;
        this.keys = keys;
        this.store = store;
        this.clock = clock;
        this.audit = audit;
    }

    UseLicense issue(ProtectedEnvelope envelope, String reader, Channel channel, Optional<Revocation> revocation) {
        String address = reader.trim().toLowerCase(Locale.ROOT);
        Policy policy = envelope.policy();
        try {
            ContentKey key;
            try {
                key = envelope.unlock(keys, store.seal(envelope.policyMac()));
            } catch (ProtectionException e) {
                throw new LicenseRefusedException(LicenseRefusal.NOT_VERIFIED, e.getMessage(), e);
            }
            check(policy, address, channel, revocation);
            Instant now = clock.instant();
            UseLicense license = new UseLicense(policy.messageId(), address, policy.template(), policy.rightsOf(address),
                    key.secretKey(), now);
            audit.record(AuditKind.LICENSE_ISSUED, address, policy.messageId(), channel.name().toLowerCase(Locale.ROOT)
                    + ", " + policy.template() + ": " + license.rights().stream().map(Right::label).collect(Collectors.joining(", ")));
            return license;
        } catch (LicenseRefusedException e) {
            audit.record(AuditKind.LICENSE_REFUSED, address, policy.messageId(),
                    e.reason().name().toLowerCase(Locale.ROOT) + ": " + e.getMessage());
            throw e;
        }
    }

    private void check(Policy policy, String reader, Channel channel, Optional<Revocation> revocation) {
        if (!policy.authorizes(reader)) {
            throw new LicenseRefusedException(LicenseRefusal.NOT_AUTHORIZED, reader + " may not read " + policy.messageId()
                    + ": only its sender and the people it was sent to may");
        }
        if (channel == Channel.INLINE && !tenant.readsInline(reader)) {
            throw new LicenseRefusedException(LicenseRefusal.OUTSIDE_READER, reader + " is outside " + tenant.domain()
                    + " and has no Microsoft account: they read protected mail in the portal");
        }
        if (channel == Channel.PORTAL) {
            if (revocation.isPresent()) {
                throw new LicenseRefusedException(LicenseRefusal.REVOKED, "This message has been revoked by the sender.");
            }
            if (policy.expiredAt(clock.instant())) {
                throw new LicenseRefusedException(LicenseRefusal.EXPIRED, "This message expired on "
                        + Expiry.describe(policy.expires()) + ".");
            }
        }
    }
}
