package io.lytx.client.collect;

import io.lytx.client.internal.Jsonp;
import jakarta.json.stream.JsonParser;
import java.io.ByteArrayInputStream;
import java.util.ArrayDeque;
import java.util.Deque;

/**
 * Checks an event before a bulk JSON upload: Lytics' BulkJSONUpload reference accepts
 * {@code {"order_ids":[1,2,3]}} and calls {@code {"orders":[{"id":1,"price":22}]}} "not valid
 * because it has objects nested inside arrays". Stateless and thread-safe.
 */
final class BulkJsonCheck {

    private BulkJsonCheck() {
    }

    /**
     * @param json  one serialized event
     * @param index its position in the caller's list, for the message
     * @throws IllegalArgumentException when it is not an object or holds an object inside an array
     */
    static void requireFlatObject(byte[] json, int index) {
        try (JsonParser p = Jsonp.PROVIDER.createParser(new ByteArrayInputStream(json))) {
            if (!p.hasNext() || p.next() != JsonParser.Event.START_OBJECT) {
                throw new IllegalArgumentException("events[" + index + "] must serialize to a JSON object");
            }
            Deque<JsonParser.Event> open = new ArrayDeque<>();
            open.push(JsonParser.Event.START_OBJECT);
            String key = null;
            while (p.hasNext()) {
                JsonParser.Event e = p.next();
                switch (e) {
                    case KEY_NAME -> key = p.getString();
                    case START_OBJECT -> {
                        if (open.contains(JsonParser.Event.START_ARRAY)) {
                            throw new IllegalArgumentException("events[" + index + "] has an object nested inside an array"
                                    + " (near field '" + key + "'), which Lytics' bulk JSON upload does not accept");
                        }
                        open.push(e);
                    }
                    case START_ARRAY -> open.push(e);
                    case END_OBJECT, END_ARRAY -> open.pop();
                    default -> {
                        // a value
                    }
                }
            }
        }
    }
}
