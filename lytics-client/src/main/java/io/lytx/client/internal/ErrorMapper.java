package io.lytx.client.internal;

import io.lytx.client.error.LyticsApiException;
import io.lytx.client.error.LyticsBadRequestException;
import io.lytx.client.error.LyticsConflictException;
import io.lytx.client.error.LyticsConnectionException;
import io.lytx.client.error.LyticsException;
import io.lytx.client.error.LyticsForbiddenException;
import io.lytx.client.error.LyticsNotFoundException;
import io.lytx.client.error.LyticsPayloadTooLargeException;
import io.lytx.client.error.LyticsRateLimitException;
import io.lytx.client.error.LyticsServerException;
import io.lytx.client.error.LyticsTimeoutException;
import io.lytx.client.error.LyticsUnauthorizedException;
import io.lytx.client.error.LyticsUnprocessableException;
import jakarta.json.JsonArray;
import jakarta.json.JsonException;
import jakarta.json.JsonObject;
import jakarta.json.JsonReader;
import jakarta.json.JsonValue;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InterruptedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Clock;

/**
 * Turns an HTTP error answer into the matching typed exception (a 429 or 5xx carries the parsed
 * {@code Retry-After}), and a failed exchange into a timeout or connection exception. Stateless,
 * thread-safe.
 */
final class ErrorMapper {

    private static final int MAX_TEXT = 300;

    private ErrorMapper() {
    }

    static LyticsApiException toException(String operation, int status, byte[] body, String retryAfter,
                                          ApiToken token, Clock clock) {
        String msg = token.redact(message(body));
        if (status >= 500) {
            return new LyticsServerException(operation, status, msg, RetryAfter.parse(retryAfter, clock).orElse(null));
        }
        return switch (status) {
            case 400 -> new LyticsBadRequestException(operation, msg);
            case 401 -> new LyticsUnauthorizedException(operation, msg);
            case 403 -> new LyticsForbiddenException(operation, msg);
            case 404 -> new LyticsNotFoundException(operation, msg);
            case 409 -> new LyticsConflictException(operation, msg);
            case 413 -> new LyticsPayloadTooLargeException(operation, msg);
            case 422 -> new LyticsUnprocessableException(operation, msg);
            case 429 -> new LyticsRateLimitException(operation, msg, RetryAfter.parse(retryAfter, clock).orElse(null));
            default -> new LyticsApiException(operation, status, msg);
        };
    }

    /**
     * @param operation the operation, for the message
     * @param e         what the HTTP client threw
     * @param state     the call's state: an aborted call reports its deadline
     * @return the {@link LyticsException} found among the causes, else a {@link LyticsTimeoutException}
     *     (aborted call, socket timeout) or a {@link LyticsConnectionException}
     */
    static LyticsException transportFailure(String operation, Exception e, CallState state) {
        Throwable cause = e;
        while (cause.getCause() != null && cause != cause.getCause()
                && !(cause instanceof IOException) && !(cause instanceof LyticsException)) {
            cause = cause.getCause();
        }
        if (cause instanceof LyticsException le) {
            return le;
        }
        if (state.aborted()) {
            return new LyticsTimeoutException(operation + " passed its deadline", e);
        }
        if (cause instanceof InterruptedIOException) {
            return new LyticsTimeoutException(operation + " timed out: " + cause.getClass().getSimpleName(), e);
        }
        return new LyticsConnectionException(operation + " failed: " + cause.getClass().getSimpleName()
                + (cause.getMessage() == null ? "" : " (" + cause.getMessage() + ")"), e);
    }

    /** Lytics' message: {@code message} of a v1 body, {@code errors[0].message} of a v2 body, else short text. */
    static String message(byte[] body) {
        if (body.length == 0) {
            return "";
        }
        try (JsonReader r = Jsonp.PROVIDER.createReader(new ByteArrayInputStream(body))) {
            JsonValue v = r.readValue();
            if (v instanceof JsonObject o) {
                if (o.get("message") instanceof jakarta.json.JsonString s) {
                    return clean(s.getString());
                }
                if (o.get("errors") instanceof JsonArray a && !a.isEmpty() && a.get(0) instanceof JsonObject e
                        && e.get("message") instanceof jakarta.json.JsonString s) {
                    return clean(s.getString());
                }
            }
            return "";
        } catch (JsonException | IllegalStateException e) {
            return clean(new String(body, 0, Math.min(body.length, MAX_TEXT * 4), StandardCharsets.UTF_8));
        }
    }

    private static String clean(String s) {
        StringBuilder sb = new StringBuilder(Math.min(s.length(), MAX_TEXT));
        for (int i = 0; i < s.length() && sb.length() < MAX_TEXT; i++) {
            char c = s.charAt(i);
            sb.append(Character.isISOControl(c) ? ' ' : c);
        }
        return sb.toString().strip();
    }
}
