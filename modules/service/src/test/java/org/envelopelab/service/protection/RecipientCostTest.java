package org.envelopelab.service.protection;

import org.bouncycastle.asn1.ASN1Primitive;
import org.bouncycastle.asn1.cms.AuthEnvelopedData;
import org.bouncycastle.asn1.cms.ContentInfo;
import org.envelopelab.service.rights.RightsTemplate;
import org.envelopelab.testkit.MovableClock;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.stream.IntStream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.envelopelab.service.protection.Lab.ALICE;

/**
 * Protection costs the same for one recipient as for many: the content key is wrapped once, for
 * the tenant's key, and recipients are only addresses in the policy. (S/MIME adds a RecipientInfo
 * — and a public-key operation — per recipient.) Sizes, not timings: the benchmark measures time.
 */
class RecipientCostTest {

    private final ProtectionService service = Lab.service(Lab.contoso(), new MovableClock(Lab.START));
    private final byte[] original = Letter.statement().bytes();

    @Test
    void theProtectedMessageGrowsOnlyByTheAddedAddresses() throws Exception {
        List<String> one = List.of(Lab.CAROL);
        List<String> ten = IntStream.rangeClosed(1, 10).mapToObj(i -> "customer" + i + "@gmail.example").toList();

        byte[] forOne = cms(one);
        byte[] forTen = cms(ten);

        int addedAddressBytes = ten.stream().mapToInt(address -> address.getBytes(StandardCharsets.UTF_8).length).sum()
                - Lab.CAROL.length();
        int addedHeaders = 2 * (ten.size() - one.size());
        // Each added address costs its bytes and a two-byte UTF8String header; a few enclosing DER lengths
        // may each need one more byte. Nothing else grows: no RecipientInfo, no key, no signature per recipient.
        assertThat(forTen.length - forOne.length).isBetween(addedAddressBytes + addedHeaders, addedAddressBytes + addedHeaders + 6);
        assertThat(recipientInfos(forOne)).isEqualTo(1);
        assertThat(recipientInfos(forTen)).isEqualTo(1);
    }

    private byte[] cms(List<String> recipients) {
        return ProtectedMessage.read(service.protect(original, ALICE, recipients, RightsTemplate.ENCRYPT_ONLY, Lab.branding())
                .protectedMime()).cms();
    }

    private static int recipientInfos(byte[] cms) throws Exception {
        return AuthEnvelopedData.getInstance(ContentInfo.getInstance(ASN1Primitive.fromByteArray(cms)).getContent())
                .getRecipientInfos().size();
    }
}
