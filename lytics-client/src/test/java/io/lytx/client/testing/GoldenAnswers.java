package io.lytx.client.testing;

/**
 * Lytics answers as Lytics itself published them: field names, nesting, JSON types and quirks are
 * those of the cited source; every value is invented. The client's parsing tests read them, and the
 * sandbox's shape test checks that each sandbox endpoint answers with the same keys and JSON types
 * (so no answer shape is known only from our sandbox). Sources (see also {@code docs/lytics-api.md}):
 * <ul>
 *   <li>[GO] {@code lytics/go-lytics} {@code mock/json/*.json}: the answers Lytics' Go SDK tests against;</li>
 *   <li>[OAS] {@code api-evangelist/lytics} {@code openapi/lytics-api-v1-openapi.json}, a conversion of
 *       Lytics' v1 API reference;</li>
 *   <li>[SK] {@code lytics/agent-skills} ({@code lytics-profiles/lookup.md}, {@code lytics-content/references/api.md});</li>
 *   <li>[SDK] {@code lytics/ios-sdk} {@code Networking/Models/DataUploadResponse.swift};</li>
 *   <li>[PF] {@code lytics/drupal-core} {@code js/src/api/getRecommendation.ts},
 *       {@code lytics/wordpress-core} {@code inlineRecommendation.js}.</li>
 * </ul>
 */
public final class GoldenAnswers {

    /**
     * {@code GET /api/entity/user/{field}/{value}}: [GO] {@code get_entity.json}. Numbers as strings
     * ({@code visitct}, {@code score_*}, {@code app_pageviewct}, {@code timezone}), {@code "t"} for true,
     * maps of counts with string values ({@code hourly}, {@code hashedurls}, {@code app_devices}),
     * ISO timestamps, {@code meta} with {@code by_fields}; plus {@code segments_all} (ids) from
     * {@code get_entity_fields.json}.
     */
    public static final String ENTITY = """
            {"meta":{"format":"json","name":"user","by_fields":["emails","fbuid","user_id"]},
             "data":{"name":"Rita Example","_uids":["204411.93021100412","u_730019283746501928"],
                     "score_frequency":"64","score_intensity":"41","score_momentum":"9","score_recency":"72",
                     "score_propensity":"5","visitct":"38","app_pageviewct":"517","timezone":"-5","app_ismobile":"t",
                     "app_devices":{"IOS":"7","desktop":"301"},"app_lastvisit_ts":"2023-04-02T08:15:00.120Z",
                     "hourly":{"3":"11","14":"52"},"yymm":{"2303":"77"},
                     "hashedurls":{"-2281467403511790011":"3","553201988421009341":"1"},
                     "refs":["news.example.net/"],"emails":["rita@example.com"],"email":"rita@example.com",
                     "country":"CA","region":"ON","registered_ts":"2022-11-20T10:00:00.500Z",
                     "segments":["all","engaged_readers"],
                     "segments_all":["4c1a2b3d4e5f60718293a4b5c6d7e8f9"]},
             "status":200,"message":"success"}
            """;

    /** Lytics' answer for an unknown profile: HTTP 200, {@code "Not Found"}, placeholder segments. [SK] {@code lookup.md}. */
    public static final String ENTITY_NOT_FOUND = """
            {"status":200,"message":"Not Found","data":{"segments":["not_found","all"]}}
            """;

    /** Lytics gave up looking (its entity timeout): same placeholder, {@code "Timed out"}. [SK] {@code lookup.md}. */
    public static final String ENTITY_TIMED_OUT = """
            {"status":200,"message":"Timed out","data":{"segments":["not_found","all"]}}
            """;

    /**
     * {@code GET /api/schema/user}: [GO] {@code get_catalog_user.json}: {@code columns} with {@code op};
     * {@code by_fields} lists fewer names than the columns marked {@code is_by}.
     */
    public static final String CATALOG_USER = """
            {"status":200,"message":"success","data":{"name":"user",
             "by_fields":["crm_id","email","_uids"],
             "columns":[
              {"as":"city","is_by":false,"type":"string","op":"default","shortdesc":"City","longdesc":"City from the IP address",
               "froms":["default"],"identities":["geocity"]},
              {"as":"crm_id","is_by":true,"type":"string","op":"latest","shortdesc":"","longdesc":"","froms":["crm"],"identities":["id"]},
              {"as":"nickname","is_by":true,"type":"string","op":"latest","shortdesc":"","longdesc":"","froms":["crm"],"identities":["nick"]},
              {"as":"email","is_by":true,"type":"string","op":"latest","shortdesc":"","longdesc":"","froms":["default"],"identities":["email"]}]}}
            """;

    /**
     * {@code GET /api/segment/{id}}: [GO] {@code get_segment.json} ({@code aid}, {@code short_id},
     * {@code public_name}, {@code author_id}, {@code created_ms}, {@code modified_ms}, ...) with the
     * fields [OAS] and [SK] {@code lytics-audiences/manage.md} add ({@code description}, {@code kind},
     * {@code segment_ql}, {@code invalid}, {@code invalid_reason}, {@code deleted}).
     */
    public static final String SEGMENT = """
            {"status":200,"message":"success","data":{"aid":7,"account_id":"9e8d7c6b5a4f30211203f4e5d6c7b8a9",
             "id":"1a2b3c4d5e6f708192a3b4c5d6e7f809","short_id":"k3x9","name":"Engaged readers","is_public":true,
             "public_name":"engaged_readers","slug_name":"engaged_readers","table":"user",
             "author_id":"0a1b2c3d4e5f60718293a4b5c6d7e8f9","modified_ms":1680000000000,"created_ms":1670000000000,
             "updated":"2023-03-28T10:40:00Z","created":"2022-12-02T16:53:20Z","tags":["web"],
             "description":"Read three articles","kind":"segment","segment_ql":"FILTER visitct > 3 FROM user ALIAS engaged_readers",
             "invalid":false,"invalid_reason":"","deleted":false}}
            """;

    /** {@code GET /api/segment}: [GO] {@code get_segments.json}, items as {@link #SEGMENT}. */
    public static final String SEGMENTS = """
            {"status":200,"message":"success","data":[{"aid":7,"account_id":"9e8d7c6b5a4f30211203f4e5d6c7b8a9",
             "id":"1a2b3c4d5e6f708192a3b4c5d6e7f809","short_id":"k3x9","name":"Engaged readers","is_public":true,
             "public_name":"engaged_readers","slug_name":"engaged_readers","table":"user",
             "author_id":"0a1b2c3d4e5f60718293a4b5c6d7e8f9","modified_ms":1680000000000,"created_ms":1670000000000,
             "updated":"2023-03-28T10:40:00Z","created":"2022-12-02T16:53:20Z","tags":[],
             "description":"","kind":"segment","segment_ql":"FILTER * FROM user","invalid":false,"invalid_reason":"","deleted":false}]}
            """;

    /** {@code GET /api/segment/{id}/size}: [GO] {@code get_segment_size.json}. */
    public static final String SEGMENT_SIZE = """
            {"status":200,"message":"success","data":{"id":"1a2b3c4d5e6f708192a3b4c5d6e7f809","name":"Engaged readers",
             "slug_name":"engaged_readers","size":2210}}
            """;

    /** {@code GET /api/segment/sizes?ids=...}: [GO] {@code get_segment_sizes.json}. */
    public static final String SEGMENT_SIZES = """
            {"status":200,"message":"success","data":[{"id":"1a2b3c4d5e6f708192a3b4c5d6e7f809","name":"Engaged readers",
             "slug_name":"engaged_readers","size":2210}]}
            """;

    /** {@code POST /api/segment/validate} of valid FilterQL: [GO] {@code post_segment_validate.json}. */
    public static final String SEGMENT_VALIDATE = """
            {"status":200,"message":"success","data":null}
            """;

    /**
     * A scan page, {@code GET /api/segment/{id}/scan}: [GO] {@code get_segment_scan_1.json}: {@code _next},
     * {@code total}, profiles with string-typed numbers; a profile's map fields as in {@code get_entity.json}.
     */
    public static final String SCAN_PAGE = """
            {"status":200,"message":"success","_next":"bmV4dC0x","total":4,
             "data":[{"email":"one@example.com","score_intensity":"12","hourly":{"9":"4"},"segments":["engaged_readers"]},
                     {"email":"two@example.com","score_intensity":"70","segments":["engaged_readers"]}]}
            """;

    /**
     * {@code GET /api/content/recommend/user/{field}/{value}}: [GO] {@code get_user_content_recommendation.json}
     * (numbers as JSON numbers here: {@code topic_relevances}, {@code confidence}; {@code visited} a boolean),
     * with {@code hashedurl}, {@code sitename} and {@code long_description} ([OAS] Document and classify
     * result; docs/lytics-api.md §7) and the current image fields {@code primaryimageurl},
     * {@code imageurls} that Lytics' browser code reads [PF].
     */
    public static final String RECOMMENDATIONS = """
            {"data":[{"url":"blog.example.com/guides/compost","title":"Compost in a small yard",
              "description":"Bins, browns and greens.","topics":["gardening","compost"],
              "topic_relevances":{"gardening":1,"compost":0.47},"primary_image":"https://blog.example.com/i/compost.png",
              "primaryimageurl":"https://blog.example.com/i/compost.png","imageurls":["https://blog.example.com/i/compost.png"],
              "author":"J. Gardener","created":"2021-05-01T10:00:00.5Z","id":"-7730114900218832651",
              "hashedurl":"-7730114900218832651","sitename":"Example Blog","stream":"default",
              "path":["guides","guides/compost"],"aspects":["article"],"language":"en",
              "updated":"2021-06-01T10:00:00Z","fetched":"2021-05-02T10:00:00Z",
              "meta":["og:type/article"],"long_description":"Start with a closed bin.","confidence":0.61,"visited":false}],
             "message":"success","status":200}
            """;

    /** {@code GET /api/content/doc}: [GO] {@code get_documents.json}: {@code {total, urls:[Document]}}. */
    public static final String DOCUMENTS = """
            {"data":{"total":120,"urls":[{"url":"blog.example.com/guides/compost","title":"Compost in a small yard",
              "description":"Bins, browns and greens.","topics":["gardening"],"topic_relevances":{"gardening":0.9},
              "primary_image":"https://blog.example.com/i/compost.png","primaryimageurl":"https://blog.example.com/i/compost.png",
              "imageurls":["https://blog.example.com/i/compost.png"],"author":"J. Gardener",
              "created":"2021-05-01T10:00:00Z","id":"-7730114900218832651","hashedurl":"-7730114900218832651",
              "sitename":"Example Blog","stream":"default","path":["guides","guides/compost"],"aspects":["article"],
              "language":"en","updated":"2021-06-01T10:00:00Z","fetched":"2021-05-02T10:00:00Z","meta":["og:type/article"],
              "long_description":"Start with a closed bin and a mix of browns and greens."}]},
             "message":"success","status":200}
            """;

    /** {@code GET /api/content/topic/{topic}}: [GO] {@code get_topic.json}. Documents as {@link #DOCUMENTS}. */
    public static final String TOPIC = """
            {"data":{"topics":{"total":900,"missing":300,"present":600,"bucket_none":300,"bucket_low":100,
              "bucket_mid":200,"bucket_high":300,"avg":0.52},
              "docs":{"total":1,"urls":[{"url":"blog.example.com/guides/compost","title":"Compost in a small yard",
              "description":"Bins, browns and greens.","topics":["gardening"],"topic_relevances":{"gardening":0.9},
              "primary_image":"https://blog.example.com/i/compost.png","primaryimageurl":"https://blog.example.com/i/compost.png",
              "imageurls":["https://blog.example.com/i/compost.png"],"author":"J. Gardener",
              "created":"2021-05-01T10:00:00Z","id":"-7730114900218832651","hashedurl":"-7730114900218832651",
              "sitename":"Example Blog","stream":"default","path":["guides"],"aspects":["article"],"language":"en",
              "updated":"2021-06-01T10:00:00Z","fetched":"2021-05-02T10:00:00Z","meta":["og:type/article"],
              "long_description":"Start with a closed bin."}]}},
             "message":"success","status":200}
            """;

    /**
     * {@code GET /api/account/{id}}: [GO] {@code get_account.json} ({@code whitelist_fields},
     * {@code whitelist_domains}, legacy keys {@code apikey}, {@code dataapikey}).
     */
    public static final String ACCOUNT = """
            {"status":200,"message":"success","data":{"id":"9e8d7c6b5a4f30211203f4e5d6c7b8a9",
             "created":"2019-01-15T00:00:00Z","updated":"2023-09-10T05:16:09.858Z","fid":"shop.example.com",
             "domain":"shop.example.com","aid":7,"parentaid":0,"parent_id":"","email":"ops@example.com",
             "apikey":"invented-key","dataapikey":"invented-data-key","name":"Example Shop","timezone":"UTC",
             "pubusers":true,"masteraid":0,"whitelist_fields":["first_name"],"whitelist_domains":["shop.example.com"]}}
            """;

    /** {@code GET /api/user/{id}}: [GO] {@code get_user.json}, plus {@code is_sysadmin} ([OAS] AdminUser). */
    public static final String USER = """
            {"status":200,"message":"success","data":{"id":"5f4e3d2c1b0a99887766554433221100",
             "accounts":[{"aid":7,"account_id":"9e8d7c6b5a4f30211203f4e5d6c7b8a9","roles":["admin"],
               "granted_by":"5f4e3d2c1b0a99887766554433221100","created":"2020-02-06T18:00:27.716Z",
               "updated":"2022-06-26T15:19:29.703Z"}],
             "email":"pat@example.com","name":"Pat Admin","auth_type":"","password":"",
             "last_pwd_change":"0001-01-01T00:00:00Z","created":"2020-02-06T18:00:27.716Z",
             "updated":"2022-06-26T15:19:29.704Z","last_logon":"0001-01-01T00:00:00Z","aid":7,
             "account_id":"9e8d7c6b5a4f30211203f4e5d6c7b8a9","roles":["admin"],"date":"2020-02-06T18:00:27.716Z",
             "is_sysadmin":false}}
            """;

    /**
     * {@code POST /collect/json/{stream}}: [SDK] ios-sdk {@code DataUploadResponse.swift} and [OAS]
     * DataUpload (counts, echo of the options).
     */
    public static final String COLLECT = """
            {"status":200,"message":"success","data":{"message_count":2,"rejected_count":0,
             "content-type":"application/json","droperrors":false,"dryrun":false,"timestamp_field":"",
             "filename":""}}
            """;

    /** Invalid FilterQL at {@code POST /api/segment/validate}: [GO] {@code post_segment_validate_error.json}. */
    public static final String SEGMENT_VALIDATE_ERROR = """
            {"data":null,"message":"Failed parsing segment QL: unexpected token at line 1","status":400}
            """;

    /** A v1 error, e.g. a missing token: [GO] error fixtures and [SK] {@code lytics-content/references/api.md}. */
    public static final String ERROR_UNAUTHORIZED = """
            {"data":null,"message":"Not authorized","status":401}
            """;

    /**
     * {@code GET /api/schema/{table}/fieldinfo}: [OAS] FieldInfo ({@code terms_counts}, {@code more_terms},
     * {@code ents_present}, {@code ents_absent}, {@code high_card}, {@code approx_cardinality}, {@code stats}).
     */
    public static final String FIELD_INFO = """
            {"status":200,"message":"success","data":{"table":"user","fields":[
             {"field":"visitct","terms_counts":{"1":400,"2":150},"more_terms":true,"ents_present":910,
              "ents_absent":90,"high_card":false,"approx_cardinality":120,
              "stats":{"mean":3.4,"sd":5.1,"min":1,"max":212,"n":910}}]}}
            """;

    /** {@code GET /api/content/taxonomy}: [GO] {@code get_content_taxonomy.json} ({@code n}, {@code nodes}, {@code links} by index). */
    public static final String TAXONOMY = """
            {"data":{"n":12,"nodes":[{"name":"gardening","doc_count":14},{"name":"compost","doc_count":3}],
             "links":[{"source":0,"target":1,"value":0.5}]},"message":"success","status":200}
            """;

    /** {@code GET /api/content/topic}: [OAS] topic list ({@code label}, {@code doc_count}, {@code total}, {@code missing}, {@code present}, {@code avg}, {@code tags}). */
    public static final String TOPICS = """
            {"status":200,"message":"success","data":[{"label":"gardening","doc_count":14,"total":120,"missing":106,
             "present":14,"avg":0.71,"tags":[]}]}
            """;

    /** {@code GET /api/account}: [GO] {@code get_accounts.json}, items as {@link #ACCOUNT}. */
    public static final String ACCOUNTS = """
            {"status":200,"message":"success","data":[{"id":"9e8d7c6b5a4f30211203f4e5d6c7b8a9",
             "created":"2019-01-15T00:00:00Z","updated":"2023-09-10T05:16:09.858Z","fid":"shop.example.com",
             "domain":"shop.example.com","aid":7,"parentaid":0,"parent_id":"","email":"ops@example.com",
             "apikey":"invented-key","dataapikey":"invented-data-key","name":"Example Shop","timezone":"UTC",
             "pubusers":true,"masteraid":0,"whitelist_fields":["first_name"],"whitelist_domains":[]}]}
            """;

    /**
     * {@code GET /api/account/setting/{slug}}: [OAS] and [SK] {@code lytics-account/settings.md}: the
     * setting object with its {@code field} description; {@code value} null when unset.
     */
    public static final String SETTING = """
            {"status":200,"message":"success","data":{"slug":"api_ip_whitelist","category":"API","sub_category":"",
             "type":"setting","value":null,"can_be_assigned":true,
             "field":{"name":"api_ip_whitelist","label":"API IP allowlist","description":"CIDR ranges.","type":"[]string",
              "editable":true,"optional":true,"sort_order":1,"user_config_disabled":false}}}
            """;

    /**
     * {@code GET /v2/auth?auth_type=api_token}: [SK] {@code lytics-account/tokens.md}: token items
     * without secrets.
     */
    public static final String TOKENS_V2 = """
            {"status":200,"message":"success","data":[{"id":"0f1e2d3c4b5a69788796a5b4c3d2e1f0",
             "type":"lytics-auth-token","label":"ci","description":"build server","scopes":["data_manager"],
             "ttl":"720h","expires":"2024-02-01T00:00:00Z","created":"2024-01-02T00:00:00Z","updated":"2024-01-02T00:00:00Z",
             "last_accessed_at":null,"user_id":"5f4e3d2c1b0a99887766554433221100","internal":false,"status":"active"}]}
            """;

    /** {@code GET /api/auth}: [GO] {@code get_auths.json}: the account's auth records (tokens among them). */
    public static final String AUTHS = """
            {"status":200,"message":"success","data":[{"id":"0f1e2d3c4b5a69788796a5b4c3d2e1f0","aid":7,"name":"ci",
             "account_id":"9e8d7c6b5a4f30211203f4e5d6c7b8a9","provider_id":"lytics","provider_name":"Lytics",
             "user_id":"5f4e3d2c1b0a99887766554433221100","created":"2024-01-02T00:00:00.893Z",
             "updated":"2024-01-02T00:00:00.893Z","modified_ms":1704153600893}]}
            """;

    /**
     * {@code GET /api/schema/_streams}: [OAS] stream list ({@code stream}, {@code hidden}, {@code ct},
     * {@code curct}, string epoch-ms {@code last_msg_ts}/{@code last_update_ts}, {@code fields[]} with
     * {@code name}, {@code type}, {@code is_array}, {@code card}, {@code usage}, {@code sample}, ...).
     */
    public static final String STREAMS = """
            {"status":200,"message":"success","data":[{"stream":"web","hidden":false,"ct":9120,"curct":9120,
             "last_msg_ts":"1714564800000","last_update_ts":"1714564801000",
             "fields":[{"name":"email","type":"string","is_array":false,"card":310,"avg":0,"sumlen":0,"usage":400,
              "sample":["a@example.com"],"first_seen":"2024-01-02T00:00:00Z","last_seen":"2024-05-01T12:00:00Z",
              "hidden":false}]}]}
            """;

    private GoldenAnswers() {
    }
}
