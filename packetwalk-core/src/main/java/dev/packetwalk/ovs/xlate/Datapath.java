package dev.packetwalk.ovs.xlate;

import dev.packetwalk.ovs.Vswitch;
import dev.packetwalk.ovs.flow.OfPort;
import dev.packetwalk.ovs.ofproto.Bridge;
import dev.packetwalk.ovs.ofproto.BridgePort;
import dev.packetwalk.ovs.ofproto.PortKind;

import java.util.ArrayList;
import java.util.BitSet;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * The kernel datapath {@code ovs-system} shared by every bridge of a switch: datapath port 0 is
 * its own internal port; every other port takes the lowest free number when it first appears
 * (bridges in creation order, LOCAL first, then by OpenFlow number); tunnel ports of one type
 * and UDP port share one vport ({@code vxlan_sys_4789}); patch ports have none.
 */
public final class Datapath {
    public static final int NONE = -1;

    private final Map<String, Integer> numbers = new HashMap<>();
    private final BitSet used = new BitSet();
    private long hits;
    private long misses;
    /** recirc_id values: OVS takes them from one counter per switch process. */
    private int nextRecircId = 1;

    public Datapath() {
        used.set(0);
    }

    /** The vport a tunnel port sends through ({@code vxlan_sys_4789}). */
    public static String vportName(BridgePort p) {
        return p.tunnel().type() + "_sys_" + p.tunnel().dstPort();
    }

    private static String key(Bridge b, BridgePort p) {
        return switch (p.kind()) {
            case PATCH -> null;
            case TUNNEL -> vportName(p);
            default -> p.name();
        };
    }

    /** Brings the numbering up to date with the switch's ports. */
    public void sync(Vswitch vswitch) {
        Set<String> live = new HashSet<>();
        for (Bridge b : vswitch.bridges()) {
            List<BridgePort> ports = new ArrayList<>(b.ports());
            ports.sort(Comparator.comparingInt(p -> p.ofport() == OfPort.LOCAL ? -1 : p.ofport()));
            for (BridgePort p : ports) {
                String k = key(b, p);
                if (k == null) {
                    continue;
                }
                live.add(k);
                if (!numbers.containsKey(k)) {
                    int n = used.nextClearBit(1);
                    used.set(n);
                    numbers.put(k, n);
                }
            }
        }
        numbers.entrySet().removeIf(e -> {
            if (!live.contains(e.getKey())) {
                used.clear(e.getValue());
                return true;
            }
            return false;
        });
    }

    /** The datapath port of an OpenFlow port ({@link #NONE} for patch ports). */
    public int portOf(Bridge bridge, BridgePort p) {
        String k = key(bridge, p);
        if (k == null) {
            return NONE;
        }
        Integer n = numbers.get(k);
        return n == null ? NONE : n;
    }

    /** The OpenFlow port (and bridge) behind a datapath port number, or null. */
    public String nameOf(int dpPort) {
        for (Map.Entry<String, Integer> e : numbers.entrySet()) {
            if (e.getValue() == dpPort) {
                return e.getKey();
            }
        }
        return null;
    }

    /** A new recirculation id (ct() continuations, controller actions). */
    public int nextRecircId() {
        return nextRecircId++;
    }

    public void countMiss() {
        misses++;
    }

    public void countHit() {
        hits++;
    }

    /** {@code ovs-appctl dpif/show}. */
    public String show(Vswitch vswitch) {
        sync(vswitch);
        StringBuilder sb = new StringBuilder();
        sb.append("system@ovs-system: hit:").append(hits).append(" missed:").append(misses).append('\n');
        Map<String, Bridge> sorted = new TreeMap<>();
        for (Bridge b : vswitch.bridges()) {
            sorted.put(b.name(), b);
        }
        for (Bridge b : sorted.values()) {
            sb.append("  ").append(b.name()).append(":\n");
            Map<String, BridgePort> byName = new TreeMap<>();
            for (BridgePort p : b.ports()) {
                byName.put(p.name(), p);
            }
            for (BridgePort p : byName.values()) {
                int dp = portOf(b, p);
                sb.append("    ").append(p.name()).append(' ').append(p.ofport()).append('/')
                        .append(dp == NONE ? "none" : Integer.toString(dp)).append(": (").append(type(p));
                appendConfig(sb, p);
                sb.append(")\n");
            }
        }
        return sb.toString();
    }

    private static String type(BridgePort p) {
        return p.type() == null || p.type().isEmpty() || p.type().equals("system") ? "system" : p.type();
    }

    private static void appendConfig(StringBuilder sb, BridgePort p) {
        Map<String, String> config = new TreeMap<>();
        if (p.kind() == PortKind.PATCH && p.peer() != null) {
            config.put("peer", p.peer());
        }
        if (p.kind() == PortKind.TUNNEL) {
            var t = p.tunnel();
            if (t.remoteFromFlow()) {
                config.put("remote_ip", "flow");
            } else if (t.remoteIp() != 0) {
                config.put("remote_ip", dev.packetwalk.net.Ipv4.format(t.remoteIp()));
            }
            if (t.localIp() != 0) {
                config.put("local_ip", dev.packetwalk.net.Ipv4.format(t.localIp()));
            }
            if (t.inKeyFromFlow() && t.outKeyFromFlow()) {
                config.put("key", "flow");
            }
            int dflt = t.type().equals("vxlan") ? 4789 : t.type().equals("geneve") ? 6081 : 0;
            if (t.dstPort() != dflt) {
                config.put("dst_port", Integer.toString(t.dstPort()));
            }
        }
        char sep = ':';
        for (Map.Entry<String, String> e : config.entrySet()) {
            sb.append(sep).append(' ').append(e.getKey()).append('=').append(e.getValue());
            sep = ',';
        }
    }
}
