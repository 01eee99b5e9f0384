package org.envelopelab.service.protection;

import org.bouncycastle.asn1.ASN1ObjectIdentifier;

/**
 * The object identifiers the lab defines for its CMS attributes. They sit under a UUID-based arc
 * (ITU-T X.667: 2.25 followed by the UUID 8d629d4d-c99b-46d0-b631-e9d493b2c741 as an integer), which
 * anyone may mint without registering, so the lab claims no one else's number space.
 */
final class LabObjectIdentifiers {

    static final ASN1ObjectIdentifier ARC = new ASN1ObjectIdentifier("2.25.187933182999080042989479064591622391617");
    /** Authenticated attribute: the message's {@link Policy}. */
    static final ASN1ObjectIdentifier POLICY = ARC.branch("1");
    /** Unauthenticated attribute: the service's HMAC over the policy, the wrapped key and the content. */
    static final ASN1ObjectIdentifier POLICY_MAC = ARC.branch("2");

    private LabObjectIdentifiers() {
    }
}
