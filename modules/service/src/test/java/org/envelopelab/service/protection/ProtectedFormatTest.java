package org.envelopelab.service.protection;

import org.bouncycastle.asn1.ASN1OctetString;
import org.bouncycastle.asn1.ASN1Primitive;
import org.bouncycastle.asn1.ASN1Sequence;
import org.bouncycastle.asn1.cms.Attribute;
import org.bouncycastle.asn1.cms.AuthEnvelopedData;
import org.bouncycastle.asn1.cms.CMSAttributes;
import org.bouncycastle.asn1.cms.CMSObjectIdentifiers;
import org.bouncycastle.asn1.cms.ContentInfo;
import org.bouncycastle.asn1.cms.GCMParameters;
import org.bouncycastle.asn1.cms.KEKRecipientInfo;
import org.bouncycastle.asn1.cms.RecipientInfo;
import org.bouncycastle.asn1.nist.NISTObjectIdentifiers;
import org.bouncycastle.asn1.pkcs.PKCSObjectIdentifiers;
import org.bouncycastle.asn1.x509.AlgorithmIdentifier;
import org.bouncycastle.cms.CMSAuthEnvelopedData;
import org.bouncycastle.cms.KEKRecipientInformation;
import org.bouncycastle.cms.RecipientInformation;
import org.bouncycastle.cms.jcajce.JceKEKAuthEnvelopedRecipient;
import org.bouncycastle.jce.provider.BouncyCastleProvider;
import org.envelopelab.service.rights.Right;
import org.envelopelab.service.rights.RightsTemplate;
import org.envelopelab.testkit.MovableClock;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.time.Duration;

import static org.assertj.core.api.Assertions.assertThat;
import static org.envelopelab.service.protection.Lab.ALICE;
import static org.envelopelab.service.protection.Lab.STATEMENT_RECIPIENTS;

/** The protected message at the ASN.1 level, as the README describes it. */
class ProtectedFormatTest {

    private final MovableClock clock = new MovableClock(Lab.START);
    private final ProtectionService service = Lab.service(Lab.contoso(), clock);
    private final byte[] original = Letter.statement().bytes();
    private final Protected result = service.protect(original, ALICE, STATEMENT_RECIPIENTS, RightsTemplate.DO_NOT_FORWARD,
            Lab.expiringAfter(30));
    private final byte[] cms = ProtectedMessage.read(result.protectedMime()).cms();

    @Test
    void isAuthEnvelopedDataWithOneKekRecipientForTheTenantKey() throws Exception {
        ContentInfo info = ContentInfo.getInstance(ASN1Primitive.fromByteArray(cms));
        assertThat(info.getContentType()).isEqualTo(CMSObjectIdentifiers.authEnvelopedData);
        AuthEnvelopedData data = AuthEnvelopedData.getInstance(info.getContent());
        assertThat(data.getVersion().intValueExact()).isZero();
        assertThat(data.getRecipientInfos().size()).isEqualTo(1);

        KEKRecipientInfo kek = (KEKRecipientInfo) RecipientInfo.getInstance(data.getRecipientInfos().getObjectAt(0)).getInfo();
        assertThat(kek.getVersion().intValueExact()).isEqualTo(4);
        assertThat(new String(kek.getKekid().getKeyIdentifier().getOctets(), StandardCharsets.UTF_8))
                .isEqualTo("contoso-bank.example/tenant-root-key/v1");
        assertThat(kek.getKeyEncryptionAlgorithm().getAlgorithm()).isEqualTo(NISTObjectIdentifiers.id_aes256_wrap);
        assertThat(kek.getEncryptedKey().getOctets()).hasSize(40);
    }

    @Test
    void contentIsTheWholeMessageUnderAes256GcmWithA12ByteNonceAndA16ByteTag() throws Exception {
        AuthEnvelopedData data = authEnvelopedData();
        AlgorithmIdentifier cipher = data.getAuthEncryptedContentInfo().getContentEncryptionAlgorithm();
        assertThat(data.getAuthEncryptedContentInfo().getContentType()).isEqualTo(CMSObjectIdentifiers.data);
        assertThat(cipher.getAlgorithm()).isEqualTo(NISTObjectIdentifiers.id_aes256_GCM);
        GCMParameters gcm = GCMParameters.getInstance(cipher.getParameters());
        assertThat(gcm.getNonce()).hasSize(12);
        assertThat(gcm.getIcvLen()).isEqualTo(16);
        assertThat(data.getMac().getOctets()).hasSize(16);
        // GCM adds no padding: the ciphertext is as long as the message.
        assertThat(data.getAuthEncryptedContentInfo().getEncryptedContent().getOctets()).hasSize(original.length);
    }

    @Test
    void policyIsAnAuthenticatedAttributeAndItsMacAnUnauthenticatedOne() throws Exception {
        AuthEnvelopedData data = authEnvelopedData();
        assertThat(data.getAuthAttrs()).extracting(element -> Attribute.getInstance(element).getAttrType())
                .containsExactlyInAnyOrder(CMSAttributes.contentType, LabObjectIdentifiers.POLICY);
        Attribute mac = Attribute.getInstance(data.getUnauthAttrs().getObjectAt(0));
        assertThat(mac.getAttrType()).isEqualTo(LabObjectIdentifiers.POLICY_MAC);
        ASN1Sequence value = ASN1Sequence.getInstance(mac.getAttrValues().getObjectAt(0));
        assertThat(AlgorithmIdentifier.getInstance(value.getObjectAt(0)).getAlgorithm())
                .isEqualTo(PKCSObjectIdentifiers.id_hmacWithSHA256);
        assertThat(ASN1OctetString.getInstance(value.getObjectAt(1)).getOctets()).hasSize(32);
    }

    @Test
    void anyoneHoldingTheMessageCanReadThePolicyButNotTheBody() {
        Policy policy = ProtectedMessage.read(result.protectedMime()).policy();

        assertThat(policy.tenantDomain()).isEqualTo("contoso-bank.example");
        assertThat(policy.messageId()).isEqualTo("<statement-1@contoso-bank.example>");
        assertThat(policy.sender()).isEqualTo(ALICE);
        assertThat(policy.recipients()).containsExactly(Lab.BOB, Lab.CAROL);
        assertThat(policy.template()).isEqualTo("Do Not Forward");
        assertThat(policy.rights()).containsExactly(Right.VIEW, Right.REPLY, Right.REPLY_ALL);
        assertThat(policy.issued()).isEqualTo(Lab.START);
        assertThat(policy.expires()).isEqualTo(Lab.START.plus(Duration.ofDays(30)));
        assertThat(policy.keyId()).isEqualTo(new KeyId("contoso-bank.example", 1));
    }

    @Test
    void bouncyCastlesOwnCmsParserDecryptsItWithTheTenantKey() throws Exception {
        CMSAuthEnvelopedData parsed = new CMSAuthEnvelopedData(cms);
        RecipientInformation recipient = parsed.getRecipientInfos().getRecipients().iterator().next();
        assertThat(recipient).isInstanceOf(KEKRecipientInformation.class);

        // Bouncy Castle's provider here: its JCE recipient cannot find GCM in SunJCE by OID (see modules/smime).
        byte[] content = recipient.getContent(new JceKEKAuthEnvelopedRecipient(
                service.keys().current().keyEncryptionKey()).setProvider(new BouncyCastleProvider()));

        assertThat(content).isEqualTo(original);
    }

    private AuthEnvelopedData authEnvelopedData() throws Exception {
        return AuthEnvelopedData.getInstance(ContentInfo.getInstance(ASN1Primitive.fromByteArray(cms)).getContent());
    }
}
