package org.envelopelab.service.protection;

import org.envelopelab.service.rights.RightsTemplate;
import org.envelopelab.testkit.MovableClock;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A 10MB message protected, licensed and opened three times in a JVM with an 88MB heap. The
 * service holds the message, its CMS (in its store) and the protected copy; reading builds no
 * object tree of the message and decodes no base64 through growing buffers. (Before, reading a
 * 10MB protected message went through Jakarta Mail's parts and decoder, Bouncy Castle's ASN.1
 * objects and the JDK's buffered GCM decryption: several copies of the message at once: 96MB was not enough.)
 */
class BoundedHeapTest {

    static final int SIZE = 10 * 1024 * 1024;

    @Test
    void aTenMegabyteRoundTripFitsInASmallHeap() throws Exception {
        Path java = Path.of(System.getProperty("java.home"), "bin", "java");
        Process child = new ProcessBuilder(List.of(java.toString(), "-Xmx88m", "-XX:+UseSerialGC", "-cp",
                System.getProperty("java.class.path"), RoundTrip.class.getName()))
                .redirectErrorStream(true).start();
        String output = new String(child.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(child.waitFor(120, TimeUnit.SECONDS)).isTrue();

        assertThat(child.exitValue()).as(output).isZero();
        assertThat(output).contains("3 round trips of 10485760 bytes");
    }

    /** The child JVM's work. */
    public static final class RoundTrip {
        public static void main(String[] args) {
            MovableClock clock = new MovableClock(Lab.START);
            ProtectionService service = Lab.service(Lab.contoso(), clock);
            byte[] original = StreamingTest.letter(SIZE);
            int trips = 0;
            for (int i = 0; i < 3; i++) {
                byte[] message = Arrays.copyOf(original, original.length);
                Protected sealed = service.protect(message, Lab.ALICE, Lab.STATEMENT_RECIPIENTS, RightsTemplate.ENCRYPT_ONLY,
                        Lab.branding());
                message = null;
                UseLicense license = service.license(sealed.protectedMime(), Lab.BOB);
                byte[] opened = service.open(sealed.protectedMime(), license);
                if (!Arrays.equals(opened, original)) {
                    throw new AssertionError("the round trip changed the message");
                }
                service = Lab.service(Lab.contoso(), clock); // its store keeps every message: start afresh
                trips++;
            }
            System.out.println(trips + " round trips of " + SIZE + " bytes");
        }
    }
}
