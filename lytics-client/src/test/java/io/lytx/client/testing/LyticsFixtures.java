package io.lytx.client.testing;

/**
 * Answer bodies shaped like Lytics' own (field names and nesting as documented in
 * {@code docs/lytics-api.md}, values invented), for use with {@link StubResponse#json}.
 */
public final class LyticsFixtures {

    /** A found profile: numbers and booleans as strings, a map, ISO and epoch-ms timestamps, meta. */
    public static final String ENTITY_FOUND = """
            {"status":200,"message":"success",
             "meta":{"name":"user","format":"json","by_fields":["user_id","email","_uids"]},
             "data":{"_uids":["u_481516234200000001","u_481516234200000002"],
                     "email":"pat@example.org","user_id":"cust-0042","visitct":"17",
                     "score_intensity":"61","app_ismobile":"t","country":"US",
                     "app_lastvisit_ts":"2024-05-01T12:00:00Z","last_msg_ts":"1714564800000",
                     "hourly":{"9":"3","14":"8"},
                     "segments":["all","known_users","us_visitors"],
                     "segments_all":["3f2a9c0e5b7d4e1f8a6b2c3d4e5f6a7b","9b8c7d6e5f4a3b2c1d0e9f8a7b6c5d4e"]}}
            """;

    /** Lytics' answer for an unknown visitor: HTTP 200, "Not Found", placeholder segments. */
    public static final String ENTITY_NOT_FOUND = """
            {"status":200,"message":"Not Found","data":{"segments":["not_found","all"]}}
            """;

    /** A found profile whose envelope {@code status} is the string {@code "success"}. */
    public static final String ENTITY_STRING_STATUS = """
            {"status":"success","message":"success","data":{"email":"sam@example.org","visitct":4,
             "segments":["all"],"segments_all":["0a0b0c0d0e0f00112233445566778899"]}}
            """;

    /** Two recommendations. */
    public static final String RECOMMENDATIONS = """
            {"status":200,"message":"success","data":[
             {"url":"www.example.org/guides/trail-running","title":"Trail running for beginners",
              "description":"Shoes, pacing and safety.","topics":["running","outdoors"],
              "topic_relevances":{"running":1,"outdoors":0.62},"primary_image":"https://www.example.org/img/trail.jpg",
              "author":"A. Writer","created":"2024-02-01T09:00:00Z","id":"-4312980011223344556",
              "sitename":"Example","stream":"default","path":["guides","guides/trail-running"],
              "aspects":["article"],"language":"en","confidence":0.71,"visited":false},
             {"url":"www.example.org/gear/shoes","title":"Shoes","topics":["gear"],
              "topic_relevances":{"gear":"0.9"},"id":"123","confidence":"0.4","visited":"t"}]}
            """;

    /** A {@code /collect/json} answer. */
    public static final String COLLECT_OK = """
            {"status":200,"message":"success",
             "data":{"message_count":3,"rejected_count":1,"content-type":"application/json",
                     "droperrors":false,"dryrun":true,"timestamp_field":"event_time","filename":"orders.json"}}
            """;

    /** A segment list of one. */
    public static final String SEGMENT_LIST = """
            {"status":200,"message":"success","data":[
             {"id":"5d0c1e2f3a4b5c6d7e8f9a0b1c2d3e4f","account_id":"a1b2c3d4e5f60718293a4b5c6d7e8f90",
              "name":"Frequent Visitors","slug_name":"frequent_visitors","kind":"segment","table":"user",
              "is_public":true,"segment_ql":"FILTER AND (visitct > 5, lastvisit_ts > \\"now-30d\\") FROM user ALIAS frequent_visitors",
              "tags":["web"],"author_id":"0f1e2d3c4b5a69788796a5b4c3d2e1f0","invalid":false,"invalid_reason":"",
              "created":"2023-02-01T10:00:00Z","updated":"2024-03-05T08:30:00Z"}]}
            """;

    /** Schema in the OpenAPI shape: {@code data.fields[]}. */
    public static final String SCHEMA_FIELDS_SHAPE = """
            {"status":200,"message":"success","data":{"fields":[
             {"as":"email","is_by":true,"type":"string","mergeop":"latest","shortdesc":"Email","froms":["web"],"identities":["email"]},
             {"as":"visitct","is_by":false,"type":"int","mergeop":"count","shortdesc":"Visits"}]}}
            """;

    /** Schema in the go-lytics shape: {@code data = {name, by_fields, columns}}. */
    public static final String SCHEMA_COLUMNS_SHAPE = """
            {"status":200,"message":"success","data":{"name":"user","by_fields":["user_id","_uids"],"columns":[
             {"as":"user_id","is_by":true,"type":"string","op":"latest"},
             {"as":"hourly","is_by":false,"type":"map[string]int","op":"merge"}]}}
            """;

    private LyticsFixtures() {
    }

    /**
     * @param next   the {@code _next} cursor ("" at the end)
     * @param total  the total
     * @param emails the profiles' emails
     * @return a scan page
     */
    public static String scanPage(String next, int total, String... emails) {
        StringBuilder sb = new StringBuilder("{\"status\":200,\"message\":\"success\",\"total\":").append(total)
                .append(",\"_next\":\"").append(next).append("\",\"data\":[");
        for (int i = 0; i < emails.length; i++) {
            sb.append(i == 0 ? "" : ",").append("{\"email\":\"").append(emails[i]).append("\",\"segments\":[\"all\"]}");
        }
        return sb.append("]}").toString();
    }

    /**
     * @param status  HTTP status
     * @param message Lytics' message
     * @return a v1 error body
     */
    public static String error(int status, String message) {
        return "{\"data\":null,\"message\":\"" + message + "\",\"status\":" + status + "}";
    }
}
