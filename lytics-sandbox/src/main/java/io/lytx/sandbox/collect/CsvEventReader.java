package io.lytx.sandbox.collect;

import io.lytx.sandbox.http.ApiError;
import java.io.IOException;
import java.io.Reader;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;

/**
 * Reads the rows of a bulk CSV upload as a stream, one record at a time, each parsed with Apache
 * Commons CSV (RFC 4180 quoting): memory for one record whatever the size of the upload.
 *
 * <p>A row is bad when its quoting is broken, its number of fields differs from the number of
 * columns, or it is larger than 16 KB (Lytics' platform limit per record in a batch,
 * {@link RecordLimits}). Without {@code droperrors} the first bad row stops the reading
 * with {@link ApiError} 400 naming the line and column (rows before it were already handed on, as
 * Lytics "will stop processing and return" at the first error); with it, bad rows are skipped and
 * counted, and reading resumes on the next record. Stateless and thread-safe.
 */
public final class CsvEventReader {

    private static final Pattern POSITION = Pattern.compile("position: (\\d+)");

    private CsvEventReader() {
    }

    /**
     * The rows of a CSV body held in memory, with the number of rows dropped.
     *
     * @param rows     the good rows, in order
     * @param rejected the number of bad rows skipped (always 0 without {@code droperrors})
     * @param header   the column names, in column order
     */
    public record Result(List<CsvRow> rows, int rejected, List<String> header) {
    }

    /**
     * What a streamed read saw.
     *
     * @param rows     the number of good rows handed on
     * @param rejected the number of bad rows skipped (always 0 without {@code droperrors})
     * @param header   the column names, in column order
     */
    public record Summary(long rows, long rejected, List<String> header) {
    }

    /**
     * Reads a CSV body held in memory.
     *
     * @param body    the whole body; not null
     * @param options how to read it; not null
     * @return the rows and the number of rejected rows
     * @throws ApiError 400 on a bad header, or on the first bad row without {@code droperrors}
     */
    public static Result read(String body, CsvOptions options) {
        List<CsvRow> rows = new ArrayList<>();
        Summary s = read(new StringReader(body), options, rows::add);
        return new Result(rows, (int) s.rejected(), s.header());
    }

    /**
     * Reads CSV from a stream, handing each good row to {@code sink} as soon as it is read.
     *
     * @param in      the CSV text; read to its end (or to the first error), not closed
     * @param options how to read it; not null
     * @param sink    receives the rows in order; an exception it throws stops the reading
     * @return what was read
     * @throws ApiError 400 on a bad header, or on the first bad row without {@code droperrors}
     * @throws UncheckedIOException when reading the stream fails
     */
    public static Summary read(Reader in, CsvOptions options, Consumer<CsvRow> sink) {
        CsvRecordSplitter records = new CsvRecordSplitter(in, options.delimiter(), RecordLimits.IN_BATCH_BYTES);
        CSVFormat format = CSVFormat.DEFAULT.builder().setDelimiter(options.delimiter()).get();
        List<String> header = options.headers();
        if (header.isEmpty()) {
            header = readHeader(records.next(), format);
        }
        if (header.isEmpty() || header.stream().allMatch(String::isBlank)) {
            throw new ApiError(400, "CSV error at line 1, column 1: no column names (give a header row or headers=)");
        }
        long good = 0;
        long rejected = 0;
        for (CsvRecordSplitter.Record r = records.next(); r != null; r = records.next()) {
            Map<String, Object> fields;
            try {
                fields = fields(r, format, header);
            } catch (ApiError bad) {
                if (!options.dropErrors()) {
                    throw bad;
                }
                rejected++;
                continue;
            }
            options.append().forEach(fields::putIfAbsent);
            sink.accept(new CsvRow(r.line(), fields, header));
            good++;
        }
        return new Summary(good, rejected, List.copyOf(header));
    }

    private static Map<String, Object> fields(CsvRecordSplitter.Record r, CSVFormat format, List<String> header) {
        if (r.oversized()) {
            throw new ApiError(400, "CSV error at line " + r.line() + ": the record is larger than "
                    + RecordLimits.IN_BATCH_BYTES + " bytes (Lytics' limit of 16 KB per record in a batch)");
        }
        CSVRecord record = parseOne(r, format);
        if (record.size() != header.size()) {
            int column = Math.min(record.size(), header.size()) + 1;
            throw new ApiError(400, "CSV error at " + where(r.line(), column) + ": expected "
                    + header.size() + " fields but found " + record.size());
        }
        Map<String, Object> fields = new LinkedHashMap<>();
        for (int i = 0; i < header.size(); i++) {
            String value = record.get(i).trim();
            if (!value.isEmpty() && !header.get(i).isBlank()) {
                fields.put(header.get(i).trim(), value);
            }
        }
        return fields;
    }

    private static CSVRecord parseOne(CsvRecordSplitter.Record r, CSVFormat format) {
        try (CSVParser parser = format.parse(new StringReader(r.text()))) {
            try {
                Iterator<CSVRecord> it = parser.iterator();
                CSVRecord record = it.next();
                if (it.hasNext()) {
                    throw new IllegalStateException("unexpected text after the record");
                }
                return record;
            } catch (UncheckedIOException | IllegalStateException e) {
                long lineInRecord = Math.max(1, parser.getCurrentLineNumber());
                long badLine = r.line() + lineInRecord - 1;
                throw new ApiError(400, "CSV error at " + where(badLine, columnOf(e, r.text(), lineInRecord))
                        + ": " + cleanMessage(e));
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static List<String> readHeader(CsvRecordSplitter.Record first, CSVFormat format) {
        if (first == null) {
            return List.of();
        }
        if (first.oversized()) {
            throw new ApiError(400, "CSV error at line 1: bad header row: larger than " + RecordLimits.IN_BATCH_BYTES + " bytes");
        }
        CSVRecord record;
        try {
            record = parseOne(first, format);
        } catch (ApiError e) {
            throw new ApiError(400, "CSV error at line " + first.line() + ": bad header row: "
                    + e.getMessage().replaceFirst("^CSV error at [^:]*: ", ""));
        }
        List<String> names = new ArrayList<>();
        for (String s : record) {
            names.add(s.trim());
        }
        return names;
    }

    private static String where(long line, int column) {
        return column > 0 ? "line " + line + ", column " + column : "line " + line;
    }

    /** The 1-based column of a parser error, from the character position in its message. */
    private static int columnOf(Exception e, String text, long lineInRecord) {
        Matcher m = POSITION.matcher(String.valueOf(e.getMessage()));
        if (!m.find()) {
            return -1;
        }
        long position = Long.parseLong(m.group(1));
        long lineStart = 0;
        for (long l = 1; l < lineInRecord; l++) {
            int nl = text.indexOf('\n', (int) lineStart);
            if (nl < 0) {
                return -1;
            }
            lineStart = nl + 1L;
        }
        long col = position - lineStart;
        return col >= 0 ? (int) col + 1 : -1;
    }

    private static String cleanMessage(Exception e) {
        Throwable t = e.getCause() != null ? e.getCause() : e;
        String m = t.getMessage() == null ? t.getClass().getSimpleName() : t.getMessage();
        int at = m.indexOf(" at line:");
        return at > 0 ? m.substring(0, at) : m;
    }
}
