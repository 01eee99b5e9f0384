package org.envelopelab.service.protection;

import org.bouncycastle.asn1.ASN1Encoding;
import org.bouncycastle.asn1.ASN1Primitive;
import org.bouncycastle.asn1.cms.ContentInfo;
import org.envelopelab.service.rights.RightsTemplate;
import org.envelopelab.testkit.MovableClock;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.envelopelab.service.protection.Lab.ALICE;
import static org.envelopelab.service.protection.Lab.BOB;
import static org.envelopelab.service.protection.Lab.STATEMENT_RECIPIENTS;

/**
 * The protected message written and read without an object tree: the CMS is the DER Bouncy Castle
 * writes, the policy is read from the two ends of the base64 without touching the encrypted
 * content, and anything written otherwise is still read, the old way.
 */
class StreamingTest {

    private final MovableClock clock = new MovableClock(Lab.START);
    private final ProtectionService service = Lab.service(Lab.contoso(), clock);

    @Test
    void theCmsIsCanonicalDerByteForByte() throws Exception {
        for (int size : new int[] {0, 1, 100, 127, 128, 255, 256, 65_535, 65_536, 1 << 20}) {
            byte[] cms = ProtectedMessage.read(protect(letter(size)).protectedMime()).cms();

            // Bouncy Castle parses it and, writing DER again, gives the same bytes: the encoding is DER.
            assertThat(ContentInfo.getInstance(ASN1Primitive.fromByteArray(cms)).getEncoded(ASN1Encoding.DER))
                    .as("%d bytes of text", size).isEqualTo(cms);
        }
    }

    @Test
    void aLicenseNeverReadsTheEncryptedContent() {
        byte[] original = letter(1 << 20);
        Protected sealed = protect(original);
        // Damage the middle of the base64, keeping its layout: characters no base64 decoder accepts.
        byte[] damaged = sealed.protectedMime().clone();
        int middle = damaged.length / 2;
        for (int i = middle; i < middle + 40; i++) {
            if (damaged[i] != '\r' && damaged[i] != '\n') {
                damaged[i] = '*';
            }
        }

        UseLicense license = service.license(damaged, BOB);
        assertThat(ProtectedMessage.read(damaged).policy().messageId()).isEqualTo(sealed.messageId());

        // Opening reads every character, and refuses.
        assertThatThrownBy(() -> service.open(damaged, license)).isInstanceOf(ProtectionException.class)
                .hasMessageContaining("malformed protected message");
        assertThat(service.open(sealed.protectedMime(), license)).isEqualTo(original);
    }

    @Test
    void lineEndsChangedToLfOnTheWayStillRead() {
        byte[] original = letter(100_000);
        Protected sealed = protect(original);
        byte[] unix = new String(sealed.protectedMime(), StandardCharsets.ISO_8859_1).replace("\r\n", "\n")
                .getBytes(StandardCharsets.ISO_8859_1);

        UseLicense license = service.license(unix, BOB);

        assertThat(service.open(unix, license)).isEqualTo(original);
    }

    @Test
    void aProtectedPartThatIsNotLastIsReadTheOldWay() {
        byte[] original = letter(10_000);
        Protected sealed = protect(original);
        String mime = new String(sealed.protectedMime(), StandardCharsets.ISO_8859_1);
        String boundary = mime.substring(mime.indexOf("boundary=\"") + 10, mime.indexOf('"', mime.indexOf("boundary=\"") + 10));
        // A part added after the protected one, as a list server might add a footer.
        String footer = "--" + boundary + "\r\nContent-Type: text/plain\r\n\r\nSent through the list.\r\n--" + boundary + "--\r\n";
        byte[] withFooter = mime.replace("--" + boundary + "--\r\n", footer).getBytes(StandardCharsets.ISO_8859_1);
        assertThat(ProtectedMime.find(withFooter).map(found -> found.holds(ProtectedMessage.read(sealed.protectedMime())
                .cms().length))).contains(false);

        UseLicense license = service.license(withFooter, BOB);

        assertThat(service.open(withFooter, license)).isEqualTo(original);
        assertThat(ProtectedMessage.isProtected(withFooter)).isTrue();
    }

    @Test
    void theBase64IsWhatJakartaMailAndTheJdkWrite() {
        Protected sealed = protect(letter(5_000));
        String mime = new String(sealed.protectedMime(), StandardCharsets.ISO_8859_1);
        String body = mime.substring(mime.indexOf("base64\r\n\r\n") + 10, mime.lastIndexOf("\r\n--"));

        byte[] cms = ProtectedMessage.read(sealed.protectedMime()).cms();
        assertThat(body).isEqualTo(new String(java.util.Base64.getMimeEncoder().encode(cms), StandardCharsets.US_ASCII));
        assertThat(Arrays.stream(body.split("\r\n")).allMatch(line -> line.length() <= 76)).isTrue();
    }

    private Protected protect(byte[] original) {
        return service.protect(original, ALICE, STATEMENT_RECIPIENTS, RightsTemplate.ENCRYPT_ONLY, Lab.branding());
    }

    /** Alice's statement with about {@code size} bytes of text. */
    static byte[] letter(int size) {
        ByteArrayOutputStream text = new ByteArrayOutputStream();
        String line = "Your statement: card " + Letter.CARD_NUMBER + ", balance 1,284.10, thank you for banking with us.\r\n";
        while (text.size() < size) {
            text.writeBytes(line.getBytes(StandardCharsets.US_ASCII));
        }
        return Letter.statement().text(text.toString(StandardCharsets.US_ASCII).substring(0, size)).bytes();
    }
}
