package io.lytx.servlet.testing;

import com.hazelcast.core.Hazelcast;
import com.hazelcast.core.HazelcastInstance;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/**
 * One configuration file for a small Hazelcast cluster on loopback, as every node of a site would have
 * it (the same {@code lytics.cache.shared.uri} on each node): a cluster name of its own (so that
 * concurrent test runs never meet), members on a range of free ports of 127.0.0.1 joined over TCP-IP,
 * multicast and auto-detection off, phone-home off. The JCache provider starts one member from it per
 * provider instance, that is per class loader it is looked up with (per web application).
 *
 * <p>Optionally a cache whose reads are slow: read-through with {@link BlockingLoader}, whose loads wait
 * until {@link BlockingLoader#release()}.
 */
public final class HazelcastNodes {

    /**
     * The system property the configuration's instance name is made of: every node is given the same
     * file, and a member started while it holds another value is another member (set it with
     * {@link #asMember(int, java.util.function.Supplier)}).
     */
    public static final String MEMBER_PROPERTY = "lytics.test.hazelcast.member";

    /** The name of the cache whose misses block (see {@link BlockingLoader}). */
    public static final String SLOW_CACHE = "lytics-profiles-slow";

    private final String cluster = "lytics-test-" + UUID.randomUUID();
    private final int basePort;
    private final int members;
    private final Path file;

    /**
     * @param members how many members at most (the port range)
     */
    public HazelcastNodes(int members) {
        this.members = members;
        this.basePort = freeRange(members);
        try {
            Path dir = Files.createTempDirectory("lytics-hazelcast");
            file = dir.resolve("hazelcast.xml");
            Files.writeString(file, xml(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * The provider properties a node is given for this configuration ({@code hazelcast.config.location}):
     * the member is then the cache manager's own and stops when the node closes its shared cache.
     */
    public static java.util.Properties properties(URI config) {
        java.util.Properties p = new java.util.Properties();
        p.setProperty("hazelcast.config.location", config.toString());
        return p;
    }

    /** The configuration URI, for {@code hazelcast.config.location} (the same on every node). */
    public URI uri() {
        return file.toUri();
    }

    /**
     * Runs {@code start} (which opens a node's shared cache, starting its member) with the configuration's
     * member placeholder set to {@code member}. Not for concurrent use.
     */
    public static synchronized <T> T asMember(int member, java.util.function.Supplier<T> start) {
        String before = System.getProperty(MEMBER_PROPERTY);
        System.setProperty(MEMBER_PROPERTY, Integer.toString(member));
        try {
            return start.get();
        } finally {
            if (before == null) {
                System.clearProperty(MEMBER_PROPERTY);
            } else {
                System.setProperty(MEMBER_PROPERTY, before);
            }
        }
    }

    /** The member started with {@code member} as its placeholder, or null when it is not running. */
    public HazelcastInstance member(int member) {
        return Hazelcast.getHazelcastInstanceByName(cluster + "-" + member);
    }

    /** Entries in the caches of this cluster (as seen by any running member); 0 when none runs. */
    public int cachedEntries() {
        for (HazelcastInstance h : running()) {
            int n = 0;
            for (com.hazelcast.core.DistributedObject o : h.getDistributedObjects()) {
                if (o instanceof com.hazelcast.cache.ICache<?, ?> cache) {
                    n += cache.size();
                }
            }
            return n;
        }
        return 0;
    }

    /** The running members of this cluster in this JVM. */
    public List<HazelcastInstance> running() {
        List<HazelcastInstance> found = new ArrayList<>();
        for (HazelcastInstance h : Hazelcast.getAllHazelcastInstances()) {
            if (h.getConfig().getClusterName().equals(cluster) && h.getLifecycleService().isRunning()) {
                found.add(h);
            }
        }
        return found;
    }

    /**
     * Waits until the running members of this cluster see each other and own their partitions (a member
     * that just joined migrates partitions for a few seconds, during which reads may wait).
     */
    public void awaitSafe(int members) {
        org.awaitility.Awaitility.await().atMost(java.time.Duration.ofSeconds(60)).until(() -> {
            List<HazelcastInstance> up = running();
            return up.size() == members && up.stream().allMatch(h -> h.getCluster().getMembers().size() == members
                    && h.getPartitionService().isClusterSafe());
        });
    }

    /** Stops every member of this cluster still running in this JVM. */
    public void shutdown() {
        running().forEach(HazelcastInstance::shutdown);
    }

    /** A base port such that {@code count} ports from it are free on 127.0.0.1 now. */
    private static int freeRange(int count) {
        for (int attempt = 0; attempt < 50; attempt++) {
            int base;
            try (ServerSocket s = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
                base = s.getLocalPort();
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            if (base + count < 65_000 && allFree(base, count)) {
                return base;
            }
        }
        throw new IllegalStateException("no range of " + count + " free ports found");
    }

    private static boolean allFree(int base, int count) {
        for (int p = base; p < base + count; p++) {
            try (ServerSocket s = new ServerSocket(p, 1, InetAddress.getLoopbackAddress())) {
                s.setReuseAddress(true);
            } catch (IOException taken) {
                return false;
            }
        }
        return true;
    }

    private String memberList() {
        StringBuilder list = new StringBuilder();
        for (int p = basePort; p < basePort + members; p++) {
            list.append("<member>127.0.0.1:").append(p).append("</member>");
        }
        return list.toString();
    }

    private String xml() {
        return """
                <hazelcast xmlns="http://www.hazelcast.com/schema/config">
                  <cluster-name>%s</cluster-name>
                  <instance-name>%s-${%s}</instance-name>
                  <properties>
                    <property name="hazelcast.phone.home.enabled">false</property>
                    <property name="hazelcast.logging.type">jdk</property>
                    <property name="hazelcast.socket.bind.any">false</property>
                    <property name="hazelcast.shutdownhook.enabled">false</property>
                    <property name="hazelcast.max.join.seconds">10</property>
                  </properties>
                  <network>
                    <port auto-increment="true" port-count="%d">%d</port>
                    <interfaces enabled="true"><interface>127.0.0.1</interface></interfaces>
                    <join>
                      <auto-detection enabled="false"/>
                      <multicast enabled="false"/>
                      <tcp-ip enabled="true">
                        <member-list>%s</member-list>
                      </tcp-ip>
                    </join>
                  </network>
                  <cache name="%s">
                    <read-through>true</read-through>
                    <cache-loader-factory class-name="%s"/>
                  </cache>
                </hazelcast>
                """.formatted(cluster, cluster, MEMBER_PROPERTY, members, basePort, memberList(), SLOW_CACHE,
                BlockingLoader.Factory.class.getName());
    }
}
