package io.lytx.client.management;

import io.lytx.client.LyticsClient;
import io.lytx.client.entity.ProfileFields;
import io.lytx.client.internal.ApiCalls;
import io.lytx.client.internal.ApiRequest;
import io.lytx.client.internal.ClientAccess;
import io.lytx.client.internal.Tolerant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** Admin users ({@code /api/user}). Blocking, up to the client's timeouts. Thread-safe. */
public final class UserApi {

    private final ApiCalls calls;

    /**
     * Made by {@link LyticsClient} only: take this family from {@link LyticsClient#users()}.
     *
     * @param internals what the client hands its API families; not null
     */
    public UserApi(LyticsClient.Internals internals) {
        this.calls = ClientAccess.calls(internals);
    }

    /** @return every admin user of the account ({@code GET /api/user}) */
    public List<AdminUser> list() {
        List<AdminUser> out = new ArrayList<>();
        for (Object o : calls.send(ApiRequest.get().path("/api/user")).dataList()) {
            out.add(toUser(Tolerant.map(o)));
        }
        return List.copyOf(out);
    }

    /**
     * @param idOrEmail user id or email; not blank
     * @return the user ({@code GET /api/user/{id-or-email}})
     */
    public AdminUser get(String idOrEmail) {
        return toUser(calls.send(ApiRequest.get().path("/api/user").segment(idOrEmail, "idOrEmail")).dataMap());
    }

    private static AdminUser toUser(Map<String, Object> m) {
        return new AdminUser(Tolerant.string(m.get("id")).orElse(""), Tolerant.string(m.get("email")).orElse(""),
                Tolerant.string(m.get("name")).orElse(""), Tolerant.strings(m.get("roles")), ProfileFields.of(m));
    }
}
