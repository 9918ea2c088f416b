package dev.packetwalk.ovs.xlate;

import dev.packetwalk.net.Ipv4;
import dev.packetwalk.ovs.Vswitch;
import dev.packetwalk.ovs.flow.Flow;
import dev.packetwalk.ovs.flow.FlowSyntaxException;
import dev.packetwalk.ovs.ofproto.Bridge;
import dev.packetwalk.ovs.ofproto.BridgePort;

import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Datapath flow text as {@code ofproto/trace [DPNAME] ODP_FLOW} reads it:
 * {@code tunnel(tun_id=..,src=..,dst=..,ttl=..,flags(+key)),in_port(N),eth(src=..,dst=..),
 * eth_type(0x0800),ipv4(...),icmp|tcp|udp(...)}, with datapath port numbers. Resolves the
 * bridge and OpenFlow in_port (a tunnel packet maps to its tunnel port, ovs.md §3.5).
 */
public final class OdpFlowText {
    /** The bridge a datapath flow enters and its flow key with OpenFlow port numbers. */
    public record Resolved(Bridge bridge, Flow flow) {
    }

    private OdpFlowText() {
    }

    private static final Pattern FLAGS = Pattern.compile("flags\\(([^()]*)\\)");

    /**
     * The flow key as OVS prints it back in errors: as given, with tunnel flags listed by the
     * names that are set ({@code flags(+key)} becomes {@code flags(key)}).
     */
    static String keyText(String text) {
        Matcher m = FLAGS.matcher(text);
        StringBuilder sb = new StringBuilder();
        while (m.find()) {
            StringBuilder names = new StringBuilder();
            for (String f : m.group(1).split("[|,]")) {
                if (!f.isEmpty() && !f.startsWith("-")) {
                    names.append(names.length() > 0 ? "|" : "").append(f.startsWith("+") ? f.substring(1) : f);
                }
            }
            m.appendReplacement(sb, Matcher.quoteReplacement("flags(" + names + ")"));
        }
        return m.appendTail(sb).toString();
    }

    public static boolean looksLikeOdp(String text) {
        return text.contains("in_port(") || text.startsWith("tunnel(") || text.contains("eth(");
    }

    public static Resolved parse(String text, Vswitch vswitch, Datapath dp) {
        OdpKeyText items = OdpKeyText.read(text);
        Flow f = new Flow();
        items.headers(f);
        Map<String, String> inPort = items.item("in_port");
        if (inPort == null) {
            throw new FlowSyntaxException("Cannot find the datapath");
        }
        int dpPort = Integer.parseInt(inPort.keySet().iterator().next());
        dp.sync(vswitch);
        String name = dp.nameOf(dpPort);
        Map<String, String> tun = items.item("tunnel");
        if (tun != null) {
            if (!tun.containsKey("ttl")) {
                throw new FlowSyntaxException("tunnel options missing TTL; the flow key in error is: " + keyText(text));
            }
            long vni = Long.decode(tun.getOrDefault("tun_id", "0"));
            int src = Ipv4.parse(tun.get("src"));
            int dst = Ipv4.parse(tun.get("dst"));
            String vtype = name == null ? "vxlan" : name.substring(0, name.indexOf('_'));
            int udp = name == null ? dpPort : Integer.parseInt(name.substring(name.lastIndexOf('_') + 1));
            BridgePort p = TunnelPorts.receivingPort(vswitch.bridges(), vtype, udp, src, dst, vni);
            if (p == null) {
                throw new FlowSyntaxException("no OpenFlow tunnel port for this packet");
            }
            TunnelPorts.received(f, p, vni, src, dst, Integer.parseInt(tun.get("ttl")));
            return new Resolved(vswitch.bridgeOfPort(p.name()).orElseThrow(), f);
        }
        Bridge b = name == null ? null : vswitch.bridgeOfPort(name).orElse(null);
        if (b == null) {
            throw new FlowSyntaxException("no OpenFlow port for datapath port " + dpPort);
        }
        f.setInPort(b.port(name).ofport());
        return new Resolved(b, f);
    }
}
