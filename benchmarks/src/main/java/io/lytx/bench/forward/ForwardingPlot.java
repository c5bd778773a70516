package io.lytx.bench.forward;

import io.lytx.bench.support.Plot;
import java.awt.Color;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * Draws the delivery rate over time of the {@link ForwardingRace} runs whose raw outputs are in a
 * directory (the sample lines of their measured phase, {@link DeliverySeries#parse}): one PNG per
 * mode, {@code 6-forwarding-max.png} and {@code 6-forwarding-rate.png}, with one line per run of
 * {@code lytics} (blues) and {@code segment} (oranges); {@code none} runs are left out, and the
 * {@code rate} chart has a line at the producers' schedule. A run is named by its library and the
 * round number that ends its file name ({@code 6-forwarding-max-lytics-2.txt}: "lytics, round 2").
 * {@code run-all.sh} runs it after the rounds of {@code forward-max} and {@code forward-rate}.
 */
public final class ForwardingPlot {

    private static final Pattern ROUND = Pattern.compile("-(\\d+)\\.txt$");
    private static final Color[] LYTICS = {new Color(0x08519c), new Color(0x3182bd), new Color(0x6baed6)};
    private static final Color[] SEGMENT = {new Color(0xa63603), new Color(0xe6550d), new Color(0xfd8d3c)};

    private ForwardingPlot() {
    }

    /** One run's samples. */
    private record Run(String name, String library, List<DeliverySeries.Sample> samples) {
    }

    /**
     * @param args the directory of the raw outputs, where the PNGs are written too
     * @throws IOException if a file cannot be read or a chart written
     */
    public static void main(String[] args) throws IOException {
        if (args.length != 1) {
            System.err.println("usage: ForwardingPlot <directory of ForwardingRace outputs>");
            System.exit(2);
        }
        List<Path> written = write(Path.of(args[0]));
        if (written.isEmpty()) {
            System.out.println("no ForwardingRace samples in " + args[0] + ": no plot");
        }
        for (Path png : written) {
            System.out.println("plot: " + png);
        }
    }

    /**
     * Reads every {@code *.txt} file directly in {@code dir} (in name order) and writes one chart per
     * mode that has samples of {@code lytics} or {@code segment}.
     *
     * @param dir the directory
     * @return the PNG files written, {@code max} before {@code rate}; empty if no file holds samples
     * @throws IOException if the directory or a file cannot be read, or a chart written
     */
    static List<Path> write(Path dir) throws IOException {
        Map<String, List<Run>> byMode = new LinkedHashMap<>();
        byMode.put("max", new ArrayList<>());
        byMode.put("rate", new ArrayList<>());
        List<Path> files;
        try (Stream<Path> list = Files.list(dir)) {
            files = list.filter(p -> p.getFileName().toString().endsWith(".txt")).sorted().toList();
        }
        for (Path file : files) {
            Map<String, List<DeliverySeries.Sample>> found = new LinkedHashMap<>(); // by mode
            String library = null;
            for (String line : Files.readAllLines(file, StandardCharsets.UTF_8)) {
                var sample = DeliverySeries.parse(line);
                if (sample.isPresent() && !sample.get().library().equals("none")) {
                    library = sample.get().library();
                    found.computeIfAbsent(sample.get().mode(), m -> new ArrayList<>()).add(sample.get());
                }
            }
            for (var e : found.entrySet()) {
                byMode.get(e.getKey()).add(new Run(runName(library, file), library, e.getValue()));
            }
        }
        List<Path> written = new ArrayList<>();
        for (var e : byMode.entrySet()) {
            if (!e.getValue().isEmpty()) {
                Path png = dir.resolve("6-forwarding-" + e.getKey() + ".png");
                chart(e.getKey(), e.getValue()).write(png, 1200, 600);
                written.add(png);
            }
        }
        return written;
    }

    private static String runName(String library, Path file) {
        Matcher m = ROUND.matcher(file.getFileName().toString());
        return m.find() ? library + ", round " + m.group(1) : library + " (" + file.getFileName() + ")";
    }

    private static Plot chart(String mode, List<Run> runs) {
        double[] intervals = runs.stream().flatMap(r -> r.samples().stream())
                .mapToDouble(DeliverySeries.Sample::intervalSeconds).sorted().toArray();
        long intervalMs = Math.round(intervals[intervals.length / 2] * 1000); // the median: the sampling interval
        TreeSet<Double> planned = new TreeSet<>();
        runs.forEach(r -> r.samples().forEach(s -> planned.add(s.plannedRate())));
        String title = mode.equals("max")
                ? "Forwarding as fast as each library takes events: delivery rate during the measured phase"
                : "Forwarding on a fixed schedule of " + format(planned) + " events/s: delivery rate during the measured phase";
        Plot plot = new Plot(title, "seconds since the measured phase's first event",
                "events delivered per second (sink's count, per " + intervalMs + " ms)");
        int lytics = 0;
        int segment = 0;
        for (Run r : runs) {
            Color color = r.library().equals("lytics") ? LYTICS[lytics++ % LYTICS.length]
                    : r.library().equals("segment") ? SEGMENT[segment++ % SEGMENT.length] : Color.GRAY;
            plot.line(r.name(), r.samples().stream().mapToDouble(DeliverySeries.Sample::seconds).toArray(),
                    r.samples().stream().mapToDouble(DeliverySeries.Sample::ratePerSecond).toArray(), color);
        }
        if (mode.equals("rate")) {
            for (double p : planned) {
                plot.horizontal(String.format(Locale.ROOT, "schedule %.0f events/s", p), p);
            }
        }
        return plot;
    }

    private static String format(TreeSet<Double> rates) {
        return String.join(" / ", rates.stream().map(r -> String.format(Locale.ROOT, "%.0f", r)).toList());
    }
}
