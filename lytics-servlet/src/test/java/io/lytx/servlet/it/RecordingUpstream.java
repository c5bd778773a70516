package io.lytx.servlet.it;

import io.lytx.client.testing.RecordedRequest;
import io.lytx.client.testing.StubLyticsServer;
import io.lytx.client.testing.StubResponse;

/**
 * A recording stand-in for Lytics (the client's stub server, which records every request exactly as
 * it came over the wire) answering like Lytics: the "Not Found" placeholder for entities and a
 * success for collection. One per test JVM, outliving deployments (they flush into it on undeploy).
 */
final class RecordingUpstream {

    private static StubLyticsServer server;

    private RecordingUpstream() {
    }

    static synchronized StubLyticsServer get() {
        if (server == null) {
            StubLyticsServer s = StubLyticsServer.start();
            s.dispatcher(RecordingUpstream::answer);
            Runtime.getRuntime().addShutdownHook(new Thread(s::close, "stub-stop"));
            server = s;
        }
        return server;
    }

    private static StubResponse answer(RecordedRequest r) {
        if (r.path().startsWith("/api/entity/")) {
            return StubResponse.json(200, "{\"status\":200,\"message\":\"Not Found\",\"data\":{\"segments\":[\"not_found\",\"all\"]}}");
        }
        if (r.path().startsWith("/collect/json/")) {
            return StubResponse.json(200, "{\"status\":200,\"message\":\"success\",\"data\":{\"message_count\":1,"
                    + "\"rejected_count\":0}}");
        }
        return StubResponse.json(404, "{\"status\":404,\"message\":\"no route\"}");
    }
}
