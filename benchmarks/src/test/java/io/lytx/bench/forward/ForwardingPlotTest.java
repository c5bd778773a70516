package io.lytx.bench.forward;

import static org.assertj.core.api.Assertions.assertThat;

import java.awt.image.BufferedImage;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The chart of the forwarding runs' delivery rate, drawn from their raw outputs in a directory. */
class ForwardingPlotTest {

    private static final long MS = 1_000_000L;

    /** A raw output: some other line, then the measured phase's samples of a steady {@code perSample} per 100 ms. */
    private static void output(Path file, String label, long perSample, int samples) throws Exception {
        DeliverySeries s = new DeliverySeries();
        for (int i = 1; i <= samples; i++) {
            s.add(i * 100 * MS, i * perSample);
        }
        List<String> lines = new ArrayList<>(List.of("settings: a line that is no sample"));
        for (int i = 0; i < s.size(); i++) {
            lines.add(s.line(label, i));
        }
        Files.write(file, lines, StandardCharsets.UTF_8);
    }

    @Test
    void drawsOneChartPerModeWithBothLibrariesFromTheirOutputs(@TempDir Path dir) throws Exception {
        // input: max-mode outputs of lytics (25,000 per 100 ms) and Segment (8,000 per 100 ms), a rate-mode output
        // of `none` only, and an unrelated output; must hold: exactly one PNG, the max chart, 1200 x 600, in which
        // both libraries' line colours appear
        output(dir.resolve("6-forwarding-max-lytics-1.txt"), "lytics measured max", 25_000, 8);
        output(dir.resolve("6-forwarding-max-segment-1.txt"), "segment measured max", 8_000, 25);
        output(dir.resolve("6-forwarding-rate-none-1.txt"), "none measured rate 5000/s", 500, 10);
        Files.writeString(dir.resolve("1-filter-cost.txt"), "Benchmark Mode Cnt Score\n");

        List<Path> written = ForwardingPlot.write(dir);

        assertThat(written).containsExactly(dir.resolve("6-forwarding-max.png"));
        assertThat(Files.size(written.get(0))).isPositive();
        BufferedImage image = ImageIO.read(written.get(0).toFile());
        assertThat(image.getWidth()).isEqualTo(1200);
        assertThat(image.getHeight()).isEqualTo(600);
        assertThat(pixels(image, 0x08519c)).as("lytics, round 1 (darkest blue)").isPositive();
        assertThat(pixels(image, 0xa63603)).as("segment, round 1 (darkest orange)").isPositive();
    }

    @Test
    void writesNothingWhenNoOutputHasSamples(@TempDir Path dir) throws Exception {
        // input: an output without sample lines; must hold: no chart, no file
        Files.writeString(dir.resolve("6-forwarding-max-lytics-1.txt"), "lytics measured max: INCOMPLETE\n");

        assertThat(ForwardingPlot.write(dir)).isEmpty();
        try (var files = Files.list(dir)) {
            assertThat(files.filter(p -> p.toString().endsWith(".png"))).isEmpty();
        }
    }

    private static long pixels(BufferedImage image, int rgb) {
        long n = 0;
        for (int y = 0; y < image.getHeight(); y++) {
            for (int x = 0; x < image.getWidth(); x++) {
                if ((image.getRGB(x, y) & 0xffffff) == rgb) {
                    n++;
                }
            }
        }
        return n;
    }
}
