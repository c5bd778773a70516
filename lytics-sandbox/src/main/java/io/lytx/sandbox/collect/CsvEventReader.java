package io.lytx.sandbox.collect;

import io.lytx.sandbox.http.ApiError;
import java.io.IOException;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;

/**
 * Reads the rows of a bulk CSV upload with Apache Commons CSV (RFC 4180 quoting).
 *
 * <p>A row is bad when its quoting is broken or its number of fields differs from the number of
 * columns. Without {@code droperrors} the first bad row refuses the whole upload with
 * {@link ApiError} 400 naming the line and column; with it, bad rows are skipped and counted, and
 * reading resumes on the next line. Stateless and thread-safe; the body is held in memory (the
 * server bounds collect bodies at 10 MB).
 */
public final class CsvEventReader {

    private static final Pattern POSITION = Pattern.compile("position: (\\d+)");

    private CsvEventReader() {
    }

    /**
     * The rows of a CSV body, with the number of rows dropped.
     *
     * @param rows     the good rows, in order
     * @param rejected the number of bad rows skipped (always 0 without {@code droperrors})
     * @param header   the column names, in column order
     */
    public record Result(List<CsvRow> rows, int rejected, List<String> header) {
    }

    /**
     * Reads a CSV body.
     *
     * @param body    the whole body; not null
     * @param options how to read it; not null
     * @return the rows and the number of rejected rows
     * @throws ApiError 400 on a bad header, or on the first bad row without {@code droperrors}
     */
    public static Result read(String body, CsvOptions options) {
        int[] lineStarts = lineStarts(body);
        List<String> header = options.headers();
        int startLine = 1;
        if (header.isEmpty()) {
            header = readHeader(body, options.delimiter());
            startLine = 2;
        }
        if (header.isEmpty() || header.stream().allMatch(String::isBlank)) {
            throw new ApiError(400, "CSV error at line 1, column 1: no column names (give a header row or headers=)");
        }
        List<CsvRow> rows = new ArrayList<>();
        int rejected = 0;
        CSVFormat format = CSVFormat.DEFAULT.builder().setDelimiter(options.delimiter()).get();
        while (startLine <= lineStarts.length) {
            int offset = lineStarts[startLine - 1];
            long lineBase = startLine - 1;
            long lastLine = lineBase;
            int resumeLine = -1;
            try (CSVParser parser = format.parse(new StringReader(body.substring(offset)))) {
                Iterator<CSVRecord> it = parser.iterator();
                while (true) {
                    CSVRecord record;
                    try {
                        if (!it.hasNext()) {
                            break;
                        }
                        record = it.next();
                    } catch (UncheckedIOException | IllegalStateException e) {
                        long badLine = lineBase + Math.max(1, parser.getCurrentLineNumber());
                        String where = where(badLine, columnOf(e, offset, lineStarts, badLine));
                        if (!options.dropErrors()) {
                            throw new ApiError(400, "CSV error at " + where + ": " + cleanMessage(e));
                        }
                        rejected++;
                        resumeLine = (int) badLine + 1;
                        break;
                    }
                    long line = lastLine + 1;
                    lastLine = lineBase + parser.getCurrentLineNumber();
                    if (record.size() == 1 && record.get(0).isEmpty()) {
                        continue; // blank line
                    }
                    if (record.size() != header.size()) {
                        if (!options.dropErrors()) {
                            int column = Math.min(record.size(), header.size()) + 1;
                            throw new ApiError(400, "CSV error at " + where(line, column) + ": expected "
                                    + header.size() + " fields but found " + record.size());
                        }
                        rejected++;
                        continue;
                    }
                    Map<String, Object> fields = new LinkedHashMap<>();
                    for (int i = 0; i < header.size(); i++) {
                        String value = record.get(i).trim();
                        if (!value.isEmpty() && !header.get(i).isBlank()) {
                            fields.put(header.get(i).trim(), value);
                        }
                    }
                    options.append().forEach(fields::putIfAbsent);
                    rows.add(new CsvRow(line, fields));
                }
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            if (resumeLine < 0) {
                break;
            }
            startLine = resumeLine;
        }
        return new Result(rows, rejected, List.copyOf(header));
    }

    private static List<String> readHeader(String body, char delimiter) {
        CSVFormat format = CSVFormat.DEFAULT.builder().setDelimiter(delimiter).get();
        try (CSVParser parser = format.parse(new StringReader(body))) {
            Iterator<CSVRecord> it = parser.iterator();
            if (!it.hasNext()) {
                return List.of();
            }
            List<String> names = new ArrayList<>();
            for (String s : it.next()) {
                names.add(s.trim());
            }
            return names;
        } catch (UncheckedIOException | IllegalStateException e) {
            throw new ApiError(400, "CSV error at line 1: bad header row: " + cleanMessage(e));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String where(long line, int column) {
        return column > 0 ? "line " + line + ", column " + column : "line " + line;
    }

    /** The 1-based column of a parser error on {@code line}, from the character position in its message. */
    private static int columnOf(Exception e, int offset, int[] lineStarts, long line) {
        Matcher m = POSITION.matcher(String.valueOf(e.getMessage()));
        if (!m.find() || line < 1 || line > lineStarts.length) {
            return -1;
        }
        long absolute = offset + Long.parseLong(m.group(1));
        long col = absolute - lineStarts[(int) line - 1];
        return col >= 0 ? (int) col + 1 : -1;
    }

    private static String cleanMessage(Exception e) {
        Throwable t = e.getCause() != null ? e.getCause() : e;
        String m = t.getMessage() == null ? t.getClass().getSimpleName() : t.getMessage();
        int at = m.indexOf(" at line:");
        return at > 0 ? m.substring(0, at) : m;
    }

    private static int[] lineStarts(String body) {
        List<Integer> starts = new ArrayList<>();
        starts.add(0);
        for (int i = 0; i < body.length(); i++) {
            char c = body.charAt(i);
            if (c == '\n' || (c == '\r' && (i + 1 >= body.length() || body.charAt(i + 1) != '\n'))) {
                if (i + 1 < body.length()) {
                    starts.add(i + 1);
                }
            }
        }
        return starts.stream().mapToInt(Integer::intValue).toArray();
    }
}
