package io.lytx.servlet.config;

/** The default user-agent pattern of crawlers, monitors and command-line HTTP clients. */
final class BotPatterns {

    /** Case-insensitive; matched with {@code find()} anywhere in the User-Agent. */
    static final String DEFAULT = "bot|crawl|spider|slurp|archiver|facebookexternalhit|embedly|preview|"
            + "headless|lighthouse|pagespeed|pingdom|uptime|monitor|curl|wget|python-requests|python-urllib|"
            + "go-http-client|okhttp|java-http-client|apache-httpclient|libwww|httpie|scrapy|phantomjs";

    private BotPatterns() {
    }
}
