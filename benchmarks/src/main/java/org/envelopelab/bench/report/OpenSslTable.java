package org.envelopelab.bench.report;

import java.util.Locale;

/** {@code openssl.md}: the side-by-side as a Markdown table. */
public final class OpenSslTable {

    private OpenSslTable() {
    }

    public static String markdown(OpenSslComparison comparison) {
        StringBuilder md = new StringBuilder();
        md.append("# The lab's S/MIME next to `openssl cms`\n\n");
        md.append("AES-256-GCM, RSA-OAEP (SHA-256) for one RSA-2048 recipient, the same files on both sides; medians.\n");
        md.append(String.format(Locale.ROOT, "OpenSSL: %s; its process start (`openssl version`): %.2f ms. JVM: %s.%n%n",
                comparison.opensslVersion(), comparison.processStartMillis(), comparison.jvm()));
        md.append("| size | operation | lab ms | lab MB/s | openssl ms | openssl MB/s | lab/openssl | without process start | same entity |\n");
        md.append("|---|---|---:|---:|---:|---:|---:|---:|---|\n");
        for (OpenSslComparison.Row row : comparison.rows()) {
            md.append(String.format(Locale.ROOT, "| %s | %s | %.3f | %.1f | %.3f | %.1f | %.2fx | %.2fx | %s |%n", row.size(),
                    row.operation(), row.labMillis(), row.labMegabytesPerSecond(), row.opensslMillis(),
                    row.opensslMegabytesPerSecond(), row.ratio(), row.ratioWithoutStart(), row.sameOutput() ? "yes" : "NO"));
        }
        return md.toString();
    }
}
