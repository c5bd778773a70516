package io.lytx.client.internal;

import io.lytx.client.error.LyticsException;
import io.lytx.client.error.LyticsResponseException;
import jakarta.ws.rs.ProcessingException;
import jakarta.ws.rs.core.HttpHeaders;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.time.Clock;

/**
 * Reads an answer's body without ever holding more than {@code maxResponseBytes} of it, and turns
 * the answer into an {@link Envelope} (2xx) or the matching {@link LyticsException}.
 *
 * <p>Bounds: an answer whose {@code Content-Length} is over the cap is refused without reading a
 * byte; one without it is refused as soon as the cap is passed (at most the cap plus one buffer of
 * 8 KB is read). An oversized error answer is reported by its status, without its message. The
 * body is marked {@linkplain CallState#fullyRead() fully read} only when it was read to its end, so
 * the exchange discards the connection of any other. Blocks while reading (bounded by the socket's
 * read timeout); checks the call's deadline before each read. Immutable, thread-safe.
 */
final class SizeCappedReader {

    private static final int BUFFER = 8192;

    private final long maxBytes;
    private final ApiToken token;
    private final Clock clock;

    /**
     * @param maxBytes the largest body read
     * @param token    redacted from error messages
     * @param clock    the clock of {@code Retry-After} dates
     */
    SizeCappedReader(long maxBytes, ApiToken token, Clock clock) {
        this.maxBytes = maxBytes;
        this.token = token;
        this.clock = clock;
    }

    /**
     * @param op     the operation, for messages
     * @param answer the answer, body unread
     * @param state  the call's state
     * @return the envelope of a 2xx answer
     * @throws LyticsException for an error status, a body over the cap, a body that is not JSON, a
     *     passed deadline or a failed read
     */
    Envelope read(String op, HttpAnswer answer, CallState state) {
        int status = answer.status();
        boolean success = status >= 200 && status < 300;
        long declared = declaredLength(answer.header(HttpHeaders.CONTENT_LENGTH));
        byte[] bytes;
        try {
            if (declared > maxBytes) {
                throw new LyticsResponseException(op + ": answer of " + declared + " bytes is over the limit of "
                        + maxBytes + " bytes; not read");
            }
            bytes = readBody(op, answer, state);
        } catch (LyticsResponseException tooLarge) {
            if (success) {
                throw tooLarge;
            }
            bytes = new byte[0]; // an oversized error body: report the status, without its message
        }
        if (!success) {
            throw ErrorMapper.toException(op, status, bytes, answer.header("Retry-After"), token, clock);
        }
        return Envelope.parse(op, status, bytes);
    }

    private static long declaredLength(String header) {
        if (header == null) {
            return -1;
        }
        try {
            return Long.parseLong(header.trim());
        } catch (NumberFormatException e) {
            return -1;
        }
    }

    private byte[] readBody(String op, HttpAnswer answer, CallState state) {
        if (answer.status() == 204) {
            state.markFullyRead();
            return new byte[0];
        }
        try (InputStream in = answer.body()) {
            if (in == null) {
                state.markFullyRead();
                return new byte[0];
            }
            ByteArrayOutputStream out = new ByteArrayOutputStream(BUFFER);
            byte[] buf = new byte[BUFFER];
            long total = 0;
            while (true) {
                state.check(op);
                int n = in.read(buf);
                if (n < 0) {
                    break;
                }
                total += n;
                if (total > maxBytes) {
                    throw new LyticsResponseException(op + ": answer is over the limit of " + maxBytes
                            + " bytes; reading stopped");
                }
                out.write(buf, 0, n);
            }
            state.markFullyRead();
            return out.toByteArray();
        } catch (IOException | ProcessingException e) {
            throw ErrorMapper.transportFailure(op, e, state);
        }
    }
}
