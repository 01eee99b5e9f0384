package org.envelopelab.bench.report;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;

class OpenSslTableTest {

    @TempDir
    Path directory;

    @Test
    void listsEachSizeAndOperationWithBothRatiosAndTheProcessStart() throws Exception {
        String table = OpenSslTable.markdown(Fixtures.openssl(directory).orElseThrow());

        assertThat(table).contains("its process start (`openssl version`): 3.00 ms")
                .contains("| 1KB | encrypt | 0.500 | 2.0 | 6.000 | 0.2 | 12.00x | 6.00x | yes |")
                .contains("| 10MB | encrypt | 25.000 | 400.0 | 75.000 | 133.3 | 3.00x | 2.88x | yes |");
    }

    @Test
    void survivesAWriteAndReadBack() throws Exception {
        OpenSslComparison comparison = Fixtures.openssl(directory).orElseThrow();
        Path file = directory.resolve("again.json");

        comparison.write(file);

        assertThat(OpenSslComparison.read(file)).isEqualTo(comparison);
    }
}
