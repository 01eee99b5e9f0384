package org.envelopelab.bench.report;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import javax.imageio.ImageIO;
import java.awt.image.BufferedImage;
import java.nio.file.Path;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class ChartWriterTest {

    @TempDir
    Path directory;

    @Test
    void drawsATargetsChartAndOneChartPerComparisonAsPng() throws Exception {
        List<Path> charts = ChartWriter.write(Fixtures.jmh(directory), Fixtures.openssl(directory), directory.resolve("charts"));

        assertThat(charts).extracting(path -> path.getFileName().toString()).containsExactly("targets.png",
                "PrivateKeyBenchmark.png", "ServiceVersusSmimeBenchmark.png", "SmimeContentBenchmark.png", "TransportBenchmark.png");
        for (Path chart : charts) {
            BufferedImage image = ImageIO.read(chart.toFile());
            assertThat(image).as(chart.toString()).isNotNull();
            assertThat(image.getWidth()).isEqualTo(1000);
        }
    }

    @Test
    void drawsTwoRunsSideBySide() throws Exception {
        JmhResults run = Fixtures.jmh(directory);

        Path chart = ChartWriter.writeSideBySide(run, "JDK 17", run, "JDK 25", directory.resolve("side.png"));

        assertThat(ImageIO.read(chart.toFile())).isNotNull();
    }
}
