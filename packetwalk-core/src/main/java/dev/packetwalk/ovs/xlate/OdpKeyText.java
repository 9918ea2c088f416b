package dev.packetwalk.ovs.xlate;

import dev.packetwalk.net.Ipv4;
import dev.packetwalk.net.MacAddress;
import dev.packetwalk.ovs.flow.Field;
import dev.packetwalk.ovs.flow.Flow;
import dev.packetwalk.ovs.flow.FlowSyntaxException;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;

/**
 * The items of a datapath flow key ({@code in_port(1),eth(src=..,dst=..),eth_type(0x8100),
 * vlan(vid=5,pcp=0),encap(eth_type(0x0800),ipv4(..),icmp(..))}) and the packet header fields
 * they give. Items are read at the top level and inside {@code encap(...)}; an item OVS's parser
 * would refuse gives {@code syntax error at REST}, REST being the text from that item on.
 */
final class OdpKeyText {
    private static final Set<String> KNOWN = Set.of("in_port", "tunnel", "skb_priority", "skb_mark", "recirc_id",
            "dp_hash", "packet_type", "eth", "eth_type", "vlan", "encap", "ipv4", "tcp", "udp", "icmp", "arp",
            "ct_state", "ct_zone", "ct_mark");

    /** The items by name, the inner ones of {@code encap} overriding the outer ones. */
    private final Map<String, Map<String, String>> items = new LinkedHashMap<>();
    /** Where each item starts in the text. */
    private final Map<String, Integer> starts = new LinkedHashMap<>();
    private final String text;

    private OdpKeyText(String text) {
        this.text = text;
    }

    /** Reads the items of {@code text}; FlowSyntaxException ({@code syntax error at ...}) when one is malformed. */
    static OdpKeyText read(String text) {
        OdpKeyText k = new OdpKeyText(text);
        k.readList(text, 0);
        return k;
    }

    /** The arguments of item {@code name} ({@code key → value}; a bare argument maps to ""), or null. */
    Map<String, String> item(String name) {
        return items.get(name);
    }

    private void readList(String s, int base) {
        int i = 0;
        while (i < s.length()) {
            int open = s.indexOf('(', i);
            int close = open < 0 ? -1 : matching(s, open);
            String name = open < 0 ? "" : s.substring(i, open);
            if (close < 0 || !KNOWN.contains(name) || close + 1 < s.length() && s.charAt(close + 1) != ',') {
                throw error(base + i);
            }
            String args = s.substring(open + 1, close);
            if (name.equals("encap")) {
                readList(args, base + open + 1);
            } else {
                items.remove(name);
                items.put(name, arguments(args));
                starts.put(name, base + i);
            }
            i = close + 2;
        }
    }

    private static int matching(String s, int open) {
        int depth = 0;
        for (int i = open; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c == '(') {
                depth++;
            } else if (c == ')' && --depth == 0) {
                return i;
            }
        }
        return -1;
    }

    private static Map<String, String> arguments(String args) {
        Map<String, String> kv = new LinkedHashMap<>();
        if (args.isEmpty()) {
            return kv;
        }
        for (String part : args.split(",(?![^()]*\\))")) {
            int eq = part.indexOf('=');
            kv.put(eq < 0 ? part : part.substring(0, eq), eq < 0 ? "" : part.substring(eq + 1));
        }
        return kv;
    }

    private FlowSyntaxException error(int at) {
        return new FlowSyntaxException("syntax error at " + text.substring(at));
    }

    /** Sets the packet header fields the items give (Ethernet, VLAN, ARP, IPv4, TCP/UDP/ICMP) in {@code f}. */
    void headers(Flow f) {
        for (var e : items.entrySet()) {
            try {
                header(e.getKey(), e.getValue(), f);
            } catch (RuntimeException ex) {
                throw error(starts.get(e.getKey()));
            }
        }
    }

    private static void header(String name, Map<String, String> kv, Flow f) {
        switch (name) {
            case "eth" -> {
                f.setDlSrc(mac(kv.getOrDefault("src", "00:00:00:00:00:00")));
                f.setDlDst(mac(kv.getOrDefault("dst", "00:00:00:00:00:00")));
            }
            case "eth_type" -> f.setDlType(Integer.decode(kv.keySet().iterator().next()));
            case "vlan" -> {
                int vid = Integer.parseInt(kv.getOrDefault("vid", "0"));
                int pcp = Integer.parseInt(kv.getOrDefault("pcp", "0"));
                if (vid > 0xfff || pcp > 7) {
                    throw new IllegalArgumentException("vlan");
                }
                f.setVlanTci(Flow.VLAN_CFI | pcp << 13 | vid);
            }
            case "ipv4" -> ipv4(kv, f);
            case "arp" -> {
                f.setNwSrc(Ipv4.parse(kv.getOrDefault("sip", "0.0.0.0")));
                f.setNwDst(Ipv4.parse(kv.getOrDefault("tip", "0.0.0.0")));
                f.setNwProto(Integer.parseInt(kv.getOrDefault("op", "0")));
                Field.ARP_SHA.set(f, mac(kv.getOrDefault("sha", "00:00:00:00:00:00")));
                Field.ARP_THA.set(f, mac(kv.getOrDefault("tha", "00:00:00:00:00:00")));
            }
            case "tcp", "udp" -> {
                f.setTpSrc(Integer.parseInt(kv.getOrDefault("src", "0")));
                f.setTpDst(Integer.parseInt(kv.getOrDefault("dst", "0")));
            }
            case "icmp" -> {
                f.setTpSrc(Integer.parseInt(kv.getOrDefault("type", "0")));
                f.setTpDst(Integer.parseInt(kv.getOrDefault("code", "0")));
            }
            default -> { }
        }
    }

    private static long mac(String text) {
        long v = MacAddress.parseBits(text);
        if (v < 0) {
            throw new IllegalArgumentException(text);
        }
        return v;
    }

    private static void ipv4(Map<String, String> ip, Flow f) {
        f.setNwSrc(Ipv4.parse(ip.getOrDefault("src", "0.0.0.0")));
        f.setNwDst(Ipv4.parse(ip.getOrDefault("dst", "0.0.0.0")));
        f.setNwProto(Integer.parseInt(ip.getOrDefault("proto", "0")));
        f.setNwTos(Integer.decode(ip.getOrDefault("tos", "0")));
        f.setNwTtl(Integer.parseInt(ip.getOrDefault("ttl", "0")));
        int bits = switch (ip.getOrDefault("frag", "no")) {
            case "no" -> 0;
            case "first" -> Flow.FRAG_ANY;
            case "later" -> Flow.FRAG_ANY | Flow.FRAG_LATER;
            default -> throw new IllegalArgumentException("frag");
        };
        Field.NW_FRAG.set(f, bits);
    }
}
