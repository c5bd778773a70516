package io.lytx.servers;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The TCP sockets a set of processes listens on, read from Linux's {@code /proc} (what
 * {@code ss -ltnp} shows, without needing the tool): the socket inodes of each process's open files,
 * matched against the LISTEN entries of {@code /proc/net/tcp} and {@code tcp6}.
 */
final class ListeningSockets {

    /** A listening socket: its local address and port. */
    record Listener(InetAddress address, int port) {
        boolean loopbackOnly() {
            return address.isLoopbackAddress() || isMappedLoopback(address);
        }

        @Override
        public String toString() {
            return address.getHostAddress() + ":" + port;
        }
    }

    private static final String LISTEN = "0A";

    private ListeningSockets() {
    }

    /**
     * @param pids the processes
     * @return every TCP socket they listen on
     */
    static List<Listener> of(List<Long> pids) {
        Set<String> inodes = new HashSet<>();
        for (long pid : pids) {
            inodes.addAll(socketInodes(pid));
        }
        Map<String, Listener> listening = new HashMap<>();
        listening.putAll(listeners(Path.of("/proc/net/tcp")));
        listening.putAll(listeners(Path.of("/proc/net/tcp6")));
        List<Listener> found = new ArrayList<>();
        for (Map.Entry<String, Listener> e : listening.entrySet()) {
            if (inodes.contains(e.getKey())) {
                found.add(e.getValue());
            }
        }
        return found;
    }

    private static Set<String> socketInodes(long pid) {
        Set<String> inodes = new HashSet<>();
        try (DirectoryStream<Path> fds = Files.newDirectoryStream(Path.of("/proc", Long.toString(pid), "fd"))) {
            for (Path fd : fds) {
                try {
                    String target = Files.readSymbolicLink(fd).toString();
                    if (target.startsWith("socket:[")) {
                        inodes.add(target.substring(8, target.length() - 1));
                    }
                } catch (NoSuchFileException closedMeanwhile) {
                    // a file closed while we looked
                }
            }
        } catch (NoSuchFileException ended) {
            // the process ended
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return inodes;
    }

    /** inode → listener, for the LISTEN lines of one {@code /proc/net} table. */
    private static Map<String, Listener> listeners(Path table) {
        Map<String, Listener> byInode = new HashMap<>();
        if (!Files.exists(table)) {
            return byInode;
        }
        try {
            List<String> lines = Files.readAllLines(table);
            for (String line : lines.subList(1, lines.size())) {
                String[] f = line.trim().split("\\s+");
                if (f.length > 9 && LISTEN.equals(f[3])) {
                    String[] local = f[1].split(":");
                    byInode.put(f[9], new Listener(address(local[0]), Integer.parseInt(local[1], 16)));
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return byInode;
    }

    /** The kernel prints each 32-bit word of the address in host (little-endian) order. */
    private static InetAddress address(String hex) {
        byte[] bytes = new byte[hex.length() / 2];
        for (int word = 0; word < bytes.length / 4; word++) {
            for (int b = 0; b < 4; b++) {
                int at = word * 4 + (3 - b);
                bytes[word * 4 + b] = (byte) Integer.parseInt(hex.substring(at * 2, at * 2 + 2), 16);
            }
        }
        try {
            return InetAddress.getByAddress(bytes);
        } catch (UnknownHostException e) {
            throw new IllegalArgumentException(hex, e);
        }
    }

    private static boolean isMappedLoopback(InetAddress a) {
        byte[] b = a.getAddress();
        if (b.length != 16 || b[12] != 127) {
            return false;
        }
        for (int i = 0; i < 10; i++) {
            if (b[i] != 0) {
                return false;
            }
        }
        return b[10] == (byte) 0xff && b[11] == (byte) 0xff;
    }
}
