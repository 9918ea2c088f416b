package dev.packetwalk.linux.netfilter;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Map;

/**
 * The name databases iptables consults: /etc/services (port names per protocol) and
 * /etc/protocols, as shipped by Debian 12's netbase.
 */
public final class Names {
    private static final Map<String, String> PORT_TO_NAME = new HashMap<>();
    private static final Map<String, Integer> NAME_TO_PORT = new HashMap<>();
    private static final Map<Integer, String> PROTO_TO_NAME = new HashMap<>();
    private static final Map<String, Integer> NAME_TO_PROTO = new HashMap<>();

    static {
        read("services.txt", parts -> {
            String key = parts[2] + "/" + parts[1];
            PORT_TO_NAME.putIfAbsent(key, parts[0]);
            NAME_TO_PORT.putIfAbsent(parts[2] + "/" + parts[0], Integer.parseInt(parts[1]));
        });
        read("protocols.txt", parts -> {
            int n = Integer.parseInt(parts[1]);
            PROTO_TO_NAME.putIfAbsent(n, parts[0]);
            NAME_TO_PROTO.putIfAbsent(parts[0], n);
        });
        PROTO_TO_NAME.put(0, "all");
        NAME_TO_PROTO.put("all", 0);
    }

    private Names() {
    }

    private interface LineSink {
        void accept(String[] parts);
    }

    private static void read(String resource, LineSink sink) {
        try (InputStream in = Names.class.getResourceAsStream(resource)) {
            BufferedReader r = new BufferedReader(new InputStreamReader(in, StandardCharsets.US_ASCII));
            for (String line = r.readLine(); line != null; line = r.readLine()) {
                if (!line.isBlank()) {
                    sink.accept(line.trim().split("\\s+"));
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * The name "iptables -L" shows for an address without -n: a host name from /etc/hosts
     * (a fresh Debian host knows only localhost), else a network name from /etc/networks,
     * else null.
     */
    public static String addressName(int addr) {
        return switch (addr) {
            case 0x7f000001 -> "localhost";
            case 0 -> "default";
            case 0x7f000000 -> "loopback";
            case 0xa9fe0000 -> "link-local";
            default -> null;
        };
    }

    /** The service name of a port for "tcp" or "udp", or null. */
    public static String serviceName(int port, String proto) {
        return PORT_TO_NAME.get(proto + "/" + port);
    }

    /** The port of a service name, or -1. */
    public static int servicePort(String name, String proto) {
        Integer p = NAME_TO_PORT.get(proto + "/" + name);
        return p == null ? -1 : p;
    }

    /** The protocol's name as iptables prints it ("all" for 0), or null when it has none. */
    public static String protocolName(int proto) {
        return PROTO_TO_NAME.get(proto);
    }

    /** The number of a protocol name, or -1. */
    public static int protocolNumber(String name) {
        Integer p = NAME_TO_PROTO.get(name.toLowerCase());
        return p == null ? -1 : p;
    }
}
