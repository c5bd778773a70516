package io.lytx.client.management;

import io.lytx.client.LyticsClient;
import io.lytx.client.entity.ProfileFields;
import io.lytx.client.internal.ApiCalls;
import io.lytx.client.internal.ApiRequest;
import io.lytx.client.internal.Args;
import io.lytx.client.internal.ClientAccess;
import io.lytx.client.internal.Tolerant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** Accounts and account settings ({@code /api/account}). Blocking, up to the client's timeouts. Thread-safe. */
public final class AccountApi {

    /** Slug of the IP allow-list setting. */
    public static final String IP_ALLOW_LIST = "api_ip_whitelist";

    private final ApiCalls calls;

    /**
     * Made by {@link LyticsClient} only: take this family from {@link LyticsClient#accounts()}.
     *
     * @param internals what the client hands its API families; not null
     */
    public AccountApi(LyticsClient.Internals internals) {
        this.calls = ClientAccess.calls(internals);
    }

    /** @return every account the token reaches ({@code GET /api/account}) */
    public List<Account> list() {
        List<Account> out = new ArrayList<>();
        for (Object o : calls.send(ApiRequest.get().path("/api/account")).dataList()) {
            out.add(toAccount(Tolerant.map(o)));
        }
        return List.copyOf(out);
    }

    /**
     * @param id account id, or {@code current}; not blank
     * @return the account ({@code GET /api/account/{id}})
     */
    public Account get(String id) {
        return toAccount(calls.send(ApiRequest.get().path("/api/account").segment(id, "id")).dataMap());
    }

    /** @return the token's own account ({@code GET /api/account/current}) */
    public Account current() {
        return get("current");
    }

    /** @return every setting ({@code GET /api/account/setting}) */
    public List<AccountSetting> settings() {
        List<AccountSetting> out = new ArrayList<>();
        for (Object o : calls.send(ApiRequest.get().path("/api/account/setting")).dataList()) {
            out.add(toSetting(Tolerant.map(o)));
        }
        return List.copyOf(out);
    }

    /**
     * @param slug setting slug; not blank
     * @return the setting ({@code GET /api/account/setting/{slug}})
     */
    public AccountSetting setting(String slug) {
        return toSetting(calls.send(ApiRequest.get().path("/api/account/setting").segment(slug, "slug")).dataMap());
    }

    /**
     * {@code PUT /api/account/setting/{slug}} with the raw JSON value as body.
     *
     * @param slug  setting slug; not blank
     * @param value the new value (boolean, number, text, list...), serialized with JSON-B; not null
     * @return the setting as stored
     * @throws io.lytx.client.error.LyticsForbiddenException when the setting is not editable
     * @throws io.lytx.client.error.LyticsBadRequestException when the value has the wrong type
     */
    public AccountSetting putSetting(String slug, Object value) {
        Args.notNull(value, "value");
        return toSetting(calls.send(ApiRequest.put().path("/api/account/setting").segment(slug, "slug")
                .body("application/json", calls.toJson(value))).dataMap());
    }

    /**
     * {@code DELETE /api/account/setting/{slug}}: back to the default.
     *
     * @param slug setting slug; not blank
     */
    public void deleteSetting(String slug) {
        calls.send(ApiRequest.delete().path("/api/account/setting").segment(slug, "slug"));
    }

    /**
     * Sets the API IP allow-list; afterwards every call from outside these ranges gets 403.
     *
     * @param cidrs IPv4/IPv6 CIDR ranges; not empty
     * @return the setting as stored
     */
    public AccountSetting setIpAllowList(List<String> cidrs) {
        Args.notNull(cidrs, "cidrs");
        if (cidrs.isEmpty()) {
            throw new IllegalArgumentException("cidrs must not be empty; use clearIpAllowList()");
        }
        return putSetting(IP_ALLOW_LIST, List.copyOf(cidrs));
    }

    /** Removes the API IP allow-list. */
    public void clearIpAllowList() {
        deleteSetting(IP_ALLOW_LIST);
    }

    private static Account toAccount(Map<String, Object> m) {
        return new Account(str(m, "id"), str(m, "aid"), str(m, "name"), str(m, "domain"), str(m, "email"),
                str(m, "timezone"), Tolerant.string(m.get("parent_id")).orElse(str(m, "masteraid")), str(m, "created"),
                str(m, "updated"), ProfileFields.of(m));
    }

    private static AccountSetting toSetting(Map<String, Object> m) {
        return new AccountSetting(str(m, "slug"), str(m, "category"), m.get("value"),
                Tolerant.bool(m.get("can_be_assigned")).orElse(false), ProfileFields.of(m));
    }

    private static String str(Map<String, Object> m, String key) {
        return Tolerant.string(m.get(key)).orElse("");
    }
}
