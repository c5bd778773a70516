package io.lytx.servlet.internal.collect;

import io.lytx.client.internal.Jsonp;

/** Test access to the worker's serialization from other packages. */
public final class JsonBatches {

    private JsonBatches() {
    }

    /**
     * The JSON array the worker would post for these events.
     *
     * @param events the events, in order
     * @return UTF-8 JSON
     */
    public static byte[] write(CollectEvent... events) {
        JsonBatchWriter writer = new JsonBatchWriter();
        writer.reset();
        for (CollectEvent event : events) {
            if (!writer.tryAppend(event, Long.MAX_VALUE)) {
                throw new AssertionError("not appended");
            }
        }
        return writer.finish();
    }

    /**
     * The JSON object of one event without its id member: {@code {"k":"v",...}}, so that two events
     * with different random ids can be compared byte for byte.
     *
     * @param event the event
     * @return UTF-8 JSON text of the object minus {@code "_eid":"...",}
     */
    public static String withoutId(CollectEvent event) {
        String json = new String(write(event), java.nio.charset.StandardCharsets.UTF_8);
        // the id as a JSON string (a page-view id taken as event id may hold characters JSON escapes)
        String prefix = "[{\"" + CollectEvent.ID_FIELD + "\":" + Jsonp.PROVIDER.createValue(event.id());
        if (!json.startsWith(prefix) || !json.endsWith("}]")) {
            throw new AssertionError("unexpected shape: " + json);
        }
        String rest = json.substring(prefix.length(), json.length() - 1);
        return "{" + (rest.startsWith(",") ? rest.substring(1) : rest);
    }
}
