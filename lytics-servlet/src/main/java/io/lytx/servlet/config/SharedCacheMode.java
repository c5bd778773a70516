package io.lytx.servlet.config;

/** The {@code lytics.cache.shared} setting: where profile lookups are shared between the nodes of a site. */
public enum SharedCacheMode {
    /** Each node has its own cache only. */
    NONE,
    /** A JCache (JSR-107) cache shared by the nodes, between each node's cache and Lytics. */
    JCACHE
}
