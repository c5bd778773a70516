package io.lytx.bench.support;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.geom.Ellipse2D;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.jfree.chart.ChartUtils;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.axis.NumberAxis;
import org.jfree.chart.plot.ValueMarker;
import org.jfree.chart.plot.XYPlot;
import org.jfree.chart.renderer.xy.XYLineAndShapeRenderer;
import org.jfree.chart.ui.RectangleAnchor;
import org.jfree.chart.ui.TextAnchor;
import org.jfree.data.xy.XYSeries;
import org.jfree.data.xy.XYSeriesCollection;

/**
 * A PNG chart of x/y series (JFreeChart, headless): lines, scatter points and horizontal reference
 * lines (a budget, a bound), drawn from a benchmark's own figures. Collect the series with
 * {@link #line}, {@link #scatter} and {@link #horizontal}, then {@link #write}. Not thread-safe;
 * nothing is drawn until {@link #write}.
 */
public final class Plot {

    static {
        // no display on a benchmark machine: draw off-screen (read when AWT first starts)
        if (System.getProperty("java.awt.headless") == null) {
            System.setProperty("java.awt.headless", "true");
        }
    }

    private record Series(String name, double[] x, double[] y, boolean points, Color color) {
    }

    private record Reference(String label, double y) {
    }

    private final String title;
    private final String xLabel;
    private final String yLabel;
    private final List<Series> series = new ArrayList<>();
    private final List<Reference> references = new ArrayList<>();

    /**
     * @param title  the chart's title
     * @param xLabel the x axis's label (with its unit)
     * @param yLabel the y axis's label (with its unit)
     */
    public Plot(String title, String xLabel, String yLabel) {
        this.title = title;
        this.xLabel = xLabel;
        this.yLabel = yLabel;
    }

    /**
     * Adds a series drawn as a line through its points, in the given order.
     *
     * @param name the legend's name
     * @param x    x values
     * @param y    y values, as many as {@code x}
     * @return this
     * @throws IllegalArgumentException if the lengths differ
     */
    public Plot line(String name, double[] x, double[] y) {
        return add(name, x, y, false, null);
    }

    /**
     * Adds a series drawn as a line of the given colour through its points, in the given order.
     *
     * @param name  the legend's name
     * @param x     x values
     * @param y     y values, as many as {@code x}
     * @param color the line's colour
     * @return this
     * @throws IllegalArgumentException if the lengths differ
     */
    public Plot line(String name, double[] x, double[] y, Color color) {
        return add(name, x, y, false, color);
    }

    /**
     * Adds a series drawn as unconnected small points.
     *
     * @param name the legend's name
     * @param x    x values
     * @param y    y values, as many as {@code x}
     * @return this
     * @throws IllegalArgumentException if the lengths differ
     */
    public Plot scatter(String name, double[] x, double[] y) {
        return add(name, x, y, true, null);
    }

    /**
     * Adds a dashed horizontal line across the chart at {@code y}, labelled.
     *
     * @param label its label
     * @param y     its height in the y axis's unit
     * @return this
     */
    public Plot horizontal(String label, double y) {
        references.add(new Reference(label, y));
        return this;
    }

    private Plot add(String name, double[] x, double[] y, boolean points, Color color) {
        if (x.length != y.length) {
            throw new IllegalArgumentException(name + ": " + x.length + " x values for " + y.length + " y values");
        }
        series.add(new Series(name, x.clone(), y.clone(), points, color));
        return this;
    }

    /**
     * Draws the chart and writes it as a PNG file (parent directories are created).
     *
     * @param png    the file to write (replaced if it exists)
     * @param width  width in pixels, at least 1
     * @param height height in pixels, at least 1
     * @throws IOException if the file cannot be written
     */
    public void write(Path png, int width, int height) throws IOException {
        XYPlot plot = new XYPlot();
        NumberAxis xAxis = new NumberAxis(xLabel);
        xAxis.setAutoRangeIncludesZero(false);
        NumberAxis yAxis = new NumberAxis(yLabel);
        yAxis.setAutoRangeIncludesZero(true);
        plot.setDomainAxis(xAxis);
        plot.setRangeAxis(yAxis);
        plot.setBackgroundPaint(Color.WHITE);
        plot.setDomainGridlinePaint(Color.LIGHT_GRAY);
        plot.setRangeGridlinePaint(Color.LIGHT_GRAY);
        for (int i = 0; i < series.size(); i++) {
            Series s = series.get(i);
            XYSeries data = new XYSeries(s.name(), false, true);
            for (int k = 0; k < s.x().length; k++) {
                data.add(s.x()[k], s.y()[k], false);
            }
            XYLineAndShapeRenderer renderer = new XYLineAndShapeRenderer(!s.points(), s.points());
            if (s.points()) {
                renderer.setSeriesShape(0, new Ellipse2D.Double(-1.5, -1.5, 3, 3));
            } else {
                renderer.setSeriesStroke(0, new BasicStroke(2f));
            }
            if (s.color() != null) {
                renderer.setSeriesPaint(0, s.color());
            }
            plot.setDataset(i, new XYSeriesCollection(data));
            plot.setRenderer(i, renderer);
        }
        for (Reference r : references) {
            ValueMarker marker = new ValueMarker(r.y(), Color.RED, new BasicStroke(1.5f, BasicStroke.CAP_BUTT,
                    BasicStroke.JOIN_MITER, 10f, new float[] {6f, 4f}, 0f));
            marker.setLabel(r.label());
            marker.setLabelAnchor(RectangleAnchor.TOP_LEFT);
            marker.setLabelTextAnchor(TextAnchor.BOTTOM_LEFT);
            plot.addRangeMarker(marker);
            // keep the line in view even when every point lies far below it
            yAxis.setUpperBound(Math.max(yAxis.getUpperBound(), r.y() * 1.1));
        }
        JFreeChart chart = new JFreeChart(title, JFreeChart.DEFAULT_TITLE_FONT, plot, true);
        chart.setBackgroundPaint(Color.WHITE);
        Path parent = png.toAbsolutePath().getParent();
        if (parent != null) {
            Files.createDirectories(parent);
        }
        ChartUtils.saveChartAsPNG(png.toFile(), chart, width, height);
    }
}
