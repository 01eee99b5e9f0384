package org.envelopelab.service.protection;

import org.bouncycastle.asn1.ASN1Encodable;
import org.bouncycastle.asn1.ASN1EncodableVector;
import org.bouncycastle.asn1.ASN1GeneralizedTime;
import org.bouncycastle.asn1.ASN1Integer;
import org.bouncycastle.asn1.ASN1Sequence;
import org.bouncycastle.asn1.ASN1TaggedObject;
import org.bouncycastle.asn1.ASN1UTF8String;
import org.bouncycastle.asn1.DERGeneralizedTime;
import org.bouncycastle.asn1.DERSequence;
import org.bouncycastle.asn1.DERTaggedObject;
import org.bouncycastle.asn1.DERUTF8String;
import org.envelopelab.service.rights.Right;

import java.text.ParseException;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.atomic.AtomicReference;

/**
 * A {@link Policy} in ASN.1, DER-encoded so that the same policy always gives the same bytes —
 * which is what lets the service MAC it:
 *
 * <pre>
 * EnvelopeLabPolicy ::= SEQUENCE {
 *   version     INTEGER (1),
 *   tenant      UTF8String,                 -- "contoso-bank.example"
 *   messageId   UTF8String,                 -- "&lt;...@contoso-bank.example&gt;"
 *   sender      UTF8String,
 *   recipients  SEQUENCE OF UTF8String,     -- lower case, sorted, each once
 *   template    UTF8String,                 -- "Do Not Forward"
 *   rights      SEQUENCE OF UTF8String,     -- "view", "reply", ... in a fixed order
 *   issued      GeneralizedTime,            -- whole seconds, UTC
 *   expires     [0] EXPLICIT GeneralizedTime OPTIONAL,
 *   keyId       UTF8String }                -- "contoso-bank.example/tenant-root-key/v1"
 * </pre>
 */
final class PolicyEncoding {

    private static final int VERSION = 1;
    private static final DateTimeFormatter GENERALIZED_TIME = DateTimeFormatter.ofPattern("yyyyMMddHHmmss'Z'")
            .withZone(ZoneOffset.UTC);
    private static final AtomicReference<EncodedTime> LAST_TIME = new AtomicReference<>();

    private PolicyEncoding() {
    }

    static ASN1Sequence toAsn1(Policy policy) {
        ASN1EncodableVector fields = new ASN1EncodableVector();
        fields.add(new ASN1Integer(VERSION));
        fields.add(new DERUTF8String(policy.tenantDomain()));
        fields.add(new DERUTF8String(policy.messageId()));
        fields.add(new DERUTF8String(policy.sender()));
        fields.add(strings(policy.recipients()));
        fields.add(new DERUTF8String(policy.template()));
        // Policy keeps its rights in an EnumSet, so they come out in the enum's order: one encoding per policy.
        fields.add(strings(policy.rights().stream().map(Right::label).toList()));
        fields.add(time(policy.issued()));
        if (policy.expires() != null) {
            fields.add(new DERTaggedObject(true, 0, time(policy.expires())));
        }
        fields.add(new DERUTF8String(policy.keyId().label()));
        return new DERSequence(fields);
    }

    static Policy fromAsn1(ASN1Encodable encodable) {
        try {
            ASN1Sequence fields = ASN1Sequence.getInstance(encodable);
            int index = 0;
            int version = ASN1Integer.getInstance(fields.getObjectAt(index++)).intValueExact();
            if (version != VERSION) {
                throw new ProtectionException("the policy is version " + version + "; the lab writes and reads version " + VERSION);
            }
            String tenant = text(fields.getObjectAt(index++));
            String messageId = text(fields.getObjectAt(index++));
            String sender = text(fields.getObjectAt(index++));
            List<String> recipients = strings(fields.getObjectAt(index++));
            String template = text(fields.getObjectAt(index++));
            Set<Right> rights = EnumSet.noneOf(Right.class);
            for (String label : strings(fields.getObjectAt(index++))) {
                rights.add(Right.ofLabel(label));
            }
            Instant issued = instant(fields.getObjectAt(index++));
            Instant expires = null;
            if (fields.getObjectAt(index) instanceof ASN1TaggedObject tagged) {
                if (tagged.getTagNo() != 0) {
                    throw new ProtectionException("the policy has an unknown field [" + tagged.getTagNo() + "]");
                }
                expires = instant(tagged.getExplicitBaseObject());
                index++;
            }
            String keyLabel = text(fields.getObjectAt(index++));
            if (index != fields.size()) {
                throw new ProtectionException("the policy has " + (fields.size() - index) + " fields too many");
            }
            KeyId keyId = KeyId.parse(keyLabel)
                    .orElseThrow(() -> new ProtectionException("the policy names a key the lab does not write: " + keyLabel));
            return new Policy(tenant, messageId, sender, recipients, template, rights, issued, expires, keyId);
        } catch (IllegalArgumentException | IllegalStateException | ArithmeticException | ArrayIndexOutOfBoundsException
                 | ParseException e) {
            throw new ProtectionException("the policy cannot be read: " + e.getMessage(), e);
        }
    }

    private static DERSequence strings(List<String> values) {
        ASN1EncodableVector vector = new ASN1EncodableVector();
        values.forEach(value -> vector.add(new DERUTF8String(value)));
        return new DERSequence(vector);
    }

    private static List<String> strings(ASN1Encodable encodable) {
        List<String> values = new ArrayList<>();
        for (ASN1Encodable element : ASN1Sequence.getInstance(encodable)) {
            values.add(text(element));
        }
        return values;
    }

    private static String text(ASN1Encodable encodable) {
        return ASN1UTF8String.getInstance(encodable).getString();
    }

    /**
     * Bouncy Castle checks a GeneralizedTime by parsing it back with a SimpleDateFormat, which was a
     * tenth of protecting a 10KB message; policies issued within the same second share the last one.
     */
    private static DERGeneralizedTime time(Instant instant) {
        EncodedTime last = LAST_TIME.get();
        if (last != null && last.instant().equals(instant)) {
            return last.time();
        }
        DERGeneralizedTime time = new DERGeneralizedTime(GENERALIZED_TIME.format(instant));
        LAST_TIME.set(new EncodedTime(instant, time));
        return time;
    }

    private record EncodedTime(Instant instant, DERGeneralizedTime time) {
    }

    private static Instant instant(ASN1Encodable encodable) throws ParseException {
        return ASN1GeneralizedTime.getInstance(encodable).getDate().toInstant();
    }
}
