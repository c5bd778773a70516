package io.lytx.client.internal;

import java.net.URI;
import java.util.List;
import java.util.Map;

/**
 * Where a request goes: the API host or, for {@linkplain ApiRequest#onBulkHost() bulk uploads}, the
 * bulk host, followed by the request's encoded path and query and the client's {@code account_id}
 * when one is set. Immutable, thread-safe.
 */
final class RequestUris {

    private final String base;
    private final String bulkBase;
    private final List<Map.Entry<String, String>> extraQuery;

    RequestUris(ClientSettings settings) {
        this.base = withoutSlash(settings.baseUri());
        this.bulkBase = withoutSlash(settings.bulkUri());
        this.extraQuery = settings.accountId() == null ? List.of()
                : List.of(Map.entry("account_id", settings.accountId()));
    }

    private static String withoutSlash(URI uri) {
        String b = uri.toString();
        return b.endsWith("/") ? b.substring(0, b.length() - 1) : b;
    }

    /**
     * @param request the request
     * @return its absolute URI, encoded
     */
    String of(ApiRequest request) {
        return (request.bulkHost() ? bulkBase : base) + request.pathAndQuery(extraQuery);
    }

    /** @return the hosts, e.g. {@code https://api.lytics.io, bulk=https://bulk.lytics.io} */
    @Override
    public String toString() {
        return base + (bulkBase.equals(base) ? "" : ", bulk=" + bulkBase);
    }
}
