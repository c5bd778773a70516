package io.lytx.bench.support;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.awt.image.BufferedImage;
import java.nio.file.Path;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The plots the benchmarks write beside their raw output: a real PNG of the asked size. */
class PlotTest {

    @Test
    void writesAPngOfTheAskedSizeWithLinesPointsAndAReferenceLine(@TempDir Path dir) throws Exception {
        // input: a line, a scatter series and a budget line, written as 640 x 360 into a directory not yet made;
        // must hold: the file decodes as an image of exactly that size
        Path png = dir.resolve("sub/chart.png");
        new Plot("title", "time (s)", "latency (ms)")
                .line("on", new double[] {0, 1, 2}, new double[] {1, 3, 2})
                .scatter("requests", new double[] {0.5, 1.5}, new double[] {120, 150})
                .horizontal("budget 150 ms", 150)
                .write(png, 640, 360);

        BufferedImage image = ImageIO.read(png.toFile());
        assertThat(image).isNotNull();
        assertThat(image.getWidth()).isEqualTo(640);
        assertThat(image.getHeight()).isEqualTo(360);
    }

    @Test
    void refusesASeriesWhoseXAndYDiffer() {
        // input: two x values for one y value; must hold: refused at once, naming the series
        assertThatThrownBy(() -> new Plot("t", "x", "y").line("bad", new double[] {1, 2}, new double[] {1}))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("bad");
    }
}
