package org.envelopelab.bench.report;

import java.util.Map;

/** What each benchmark class compares, in one sentence, for the headings of the summary and the charts. */
final class Comparisons {

    private static final Map<String, String> TITLES = Map.of(
            "SmimeContentBenchmark", "S/MIME content encryption by size and cipher (one RSA-2048 recipient, streaming)",
            "SmimeRecipientsBenchmark", "S/MIME per recipient: 10KB for 1, 10, 100 recipients by key type",
            "SmimeSignatureBenchmark", "S/MIME signatures by key type and size",
            "PrivateKeyBenchmark", "S/MIME 1KB sign and decrypt next to the JDK's raw RSA-2048 private-key operations",
            "ServiceVersusSmimeBenchmark", "Service protect vs S/MIME sign+encrypt, 10KB, by recipient count",
            "ServiceBenchmark", "The message encryption service step by step, by size",
            "TransportBenchmark", "End to end through the Camel transport and GreenMail, 10KB messages per second",
            "LargeMessageBenchmark", "50MB S/MIME encrypt + decrypt with a 128MB heap",
            "ScalingRecipientsBenchmark", "Cost per recipient: service protect and S/MIME encrypt of 10KB, 1 to 100 recipients",
            "ScalingTransportBenchmark", "How the plain transport grows: sites, recipients per message, queued messages");

    private static final Map<String, String> NOTICE = Map.of(
            "SmimeContentBenchmark", "Fixed cost (one RSA operation) rules at 1KB; from 1MB on it is per-byte work: AES, base64, line ends.",
            "SmimeRecipientsBenchmark", "Encryption grows with every recipient (a public-key operation each); decryption does not.",
            "SmimeSignatureBenchmark", "Signing is a private-key operation (RSA-3072 dear, ECDSA cheap); verifying the reverse.",
            "PrivateKeyBenchmark", "The S/MIME operations should sit close to the raw private-key operation: the rest is overhead.",
            "ServiceVersusSmimeBenchmark", "S/MIME pays a public-key operation per recipient; the service only names each one in its policy, a far smaller cost.",
            "ServiceBenchmark", "Rules read every byte as text; protect and open are one streaming pass (AES-GCM, SHA-256 for the policy MAC, base64); license reads only headers and policy, so it is flat in size.",
            "TransportBenchmark", "Two SMTP hops per message through the lab against one for raw GreenMail, overlapping on two cores.",
            "LargeMessageBenchmark", "It completes: the codec streams, and GCM plaintext waits in an encrypted spool, not the heap.",
            "ScalingRecipientsBenchmark", "Both are straight lines; the slope is the cost of one recipient: a public-key operation for S/MIME, a name in the policy for the service.",
            "ScalingTransportBenchmark", "Level with sites, slowly falling with recipients per message, linear in time with the queue's length (see benchmarks/README.md).");

    private Comparisons() {
    }

    static String title(String className) {
        return TITLES.getOrDefault(className, className);
    }

    static String notice(String className) {
        return NOTICE.getOrDefault(className, "");
    }
}
