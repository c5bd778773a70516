package io.lytx.sandbox.http;

import jakarta.json.bind.Jsonb;
import jakarta.json.bind.JsonbException;
import jakarta.ws.rs.ProcessingException;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.MultivaluedMap;
import jakarta.ws.rs.ext.MessageBodyWriter;
import java.io.IOException;
import java.io.OutputStream;
import java.lang.annotation.Annotation;
import java.lang.reflect.Type;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.Objects;

/**
 * Writes the API's JSON answers (maps, such as every {@link Envelope}) with {@link PlainJson},
 * the same text JSON-B would write, at a fraction of its cost per response; a map holding any
 * other value (a date, a record...) is written by JSON-B as before. UTF-8 only: a request for
 * another charset leaves the answer to JSON-B. Thread-safe.
 */
@Produces(MediaType.APPLICATION_JSON)
public final class PlainJsonWriter implements MessageBodyWriter<Map<?, ?>> {

    private final Jsonb jsonb;

    /**
     * A writer falling back on a JSON-B instance.
     *
     * @param jsonb the JSON-B of the other answers; not null
     */
    public PlainJsonWriter(Jsonb jsonb) {
        this.jsonb = Objects.requireNonNull(jsonb, "jsonb");
    }

    @Override
    public boolean isWriteable(Class<?> type, Type genericType, Annotation[] annotations, MediaType mediaType) {
        if (!Map.class.isAssignableFrom(type) || mediaType == null
                || !"application".equalsIgnoreCase(mediaType.getType()) || !"json".equalsIgnoreCase(mediaType.getSubtype())) {
            return false;
        }
        String charset = mediaType.getParameters().get(MediaType.CHARSET_PARAMETER);
        return charset == null || charset.equalsIgnoreCase("UTF-8");
    }

    @Override
    public void writeTo(Map<?, ?> map, Class<?> type, Type genericType, Annotation[] annotations, MediaType mediaType,
                        MultivaluedMap<String, Object> httpHeaders, OutputStream entityStream) throws IOException {
        StringBuilder text = new StringBuilder(256);
        try {
            PlainJson.write(map, text);
        } catch (PlainJson.NotPlain e) {
            // as Jersey's JSON-B provider writes it
            try {
                entityStream.write(jsonb.toJson(map).getBytes(StandardCharsets.UTF_8));
            } catch (JsonbException failure) {
                throw new ProcessingException("JSON-B could not serialize the answer", failure);
            }
            return;
        }
        entityStream.write(text.toString().getBytes(StandardCharsets.UTF_8));
    }
}
