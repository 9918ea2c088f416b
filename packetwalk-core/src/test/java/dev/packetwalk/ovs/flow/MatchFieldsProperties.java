package dev.packetwalk.ovs.flow;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.function.Consumer;

import net.jqwik.api.ForAll;
import net.jqwik.api.Property;

import dev.packetwalk.net.Ipv4;
import dev.packetwalk.net.Ipv6;
import dev.packetwalk.net.MacAddress;
import dev.packetwalk.ovs.flowmod.FlowModText;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The typed match builder and the text parser agree: random combinations of match items, given
 * to {@link MatchFields} and written as {@code ovs-ofctl} text, build equal matches in both
 * protocols, and the builder refuses exactly what an add-flow of that text refuses.
 */
class MatchFieldsProperties {
    /** One match item: the typed call and the text ovs-ofctl takes for it. */
    private record Item(Consumer<MatchFields> typed, String text) {
    }

    @Property(tries = 1500)
    void typedAndTextMatchesAreEqual(@ForAll long seed) {
        Random r = new Random(seed);
        List<Item> items = new ArrayList<>();
        int n = 1 + r.nextInt(6);
        for (int i = 0; i < n; i++) {
            items.add(item(r));
        }
        String text = String.join(",", items.stream().map(Item::text).toList());
        for (Protocol p : Protocol.values()) {
            MatchFields typed = Match.builder();
            items.forEach(i -> i.typed().accept(typed));
            String refusal = refusal(text, p);
            if (refusal != null) {
                assertThatThrownBy(() -> typed.build(p)).as(text + " in " + p).hasMessage(refusal);
                continue;
            }
            Match parsed = MatchText.parse(text, p, PortNames.NONE, new ArrayList<>());
            assertThat(typed.build(p)).as(text + " in " + p + ": " + MatchText.format(parsed)).isEqualTo(parsed);
        }
    }

    /** What ovs-ofctl add-flow says about the match in that protocol, or null when it takes it. */
    private static String refusal(String text, Protocol p) {
        try {
            FlowModText.parse(text + ",actions=drop", p, PortNames.NONE, new ArrayList<>());
            return null;
        } catch (FlowSyntaxException e) {
            return e.getMessage();
        }
    }

    private static Item item(Random r) {
        long mac = r.nextBoolean() ? 0xfa163e000000L | r.nextInt(1 << 24) : r.nextLong() & 0xffff_ffff_ffffL;
        long macMask = switch (r.nextInt(3)) {
            case 0 -> 0x0100_0000_0000L;
            case 1 -> 0xffff_ffff_ff00L;
            default -> r.nextLong() & 0xffff_ffff_ffffL;
        };
        int ip = r.nextInt();
        int len = r.nextInt(33);
        long v6hi = r.nextBoolean() ? 0xfe80_0000_0000_0000L : r.nextLong();
        long v6lo = r.nextLong();
        int v6len = r.nextInt(129);
        int port = r.nextInt(0x10000);
        int portMask = r.nextBoolean() ? 0xffff : 0xfff0 & (r.nextInt(0x10000));
        int vlan = r.nextInt(4096);
        int tci = r.nextInt(0x10000);
        int tciMask = r.nextBoolean() ? 0x0fff : r.nextBoolean() ? 0x1fff : r.nextInt(0x10000);
        long tun = r.nextBoolean() ? r.nextInt(1 << 24) : r.nextLong();
        int reg = r.nextInt(16);
        long regValue = r.nextLong() & 0xffff_ffffL;
        long regMask = r.nextBoolean() ? 0xffff_ffffL : r.nextLong() & 0xffff_ffffL;
        int ct = r.nextInt(256);
        int ctMask = r.nextBoolean() ? 0xff : r.nextInt(256);
        int ofport = r.nextBoolean() ? 1 + r.nextInt(100) : r.nextInt(4) == 0 ? 0xff00 + r.nextInt(0x100) : r.nextInt(0xff00);
        return switch (r.nextInt(32)) {
            case 0 -> new Item(b -> b.inPort(ofport), "in_port=" + ofport);
            case 1 -> new Item(b -> b.dlVlan(vlan), "dl_vlan=" + vlan);
            case 2 -> new Item(MatchFields::noVlan, "dl_vlan=0xffff");
            case 3 -> new Item(b -> b.vlanTci(tci, tciMask), String.format("vlan_tci=0x%04x%s", tci,
                    tciMask == 0xffff ? "" : String.format("/0x%04x", tciMask)));
            case 4 -> new Item(b -> b.dlSrc(mac), "dl_src=" + MacAddress.format(mac));
            case 5 -> new Item(b -> b.dlDst(mac, macMask), "dl_dst=" + MacAddress.format(mac)
                    + (macMask == 0xffff_ffff_ffffL ? "" : "/" + MacAddress.format(macMask)));
            case 6 -> {
                int type = new int[] {0x0800, 0x86dd, 0x0806, 0x8035, 0x8847, r.nextInt(0x10000)}[r.nextInt(6)];
                yield new Item(b -> b.dlType(type), String.format("dl_type=0x%04x", type));
            }
            case 7 -> new Item(MatchFields::ip, "ip");
            case 8 -> new Item(MatchFields::ipv6, "ipv6");
            case 9 -> new Item(MatchFields::arp, "arp");
            case 10 -> new Item(MatchFields::icmp, "icmp");
            case 11 -> new Item(MatchFields::icmp6, "icmp6");
            case 12 -> r.nextBoolean() ? new Item(MatchFields::tcp, "tcp") : new Item(MatchFields::tcp6, "tcp6");
            case 13 -> r.nextBoolean() ? new Item(MatchFields::udp, "udp") : new Item(MatchFields::udp6, "udp6");
            case 14 -> {
                int op = 1 + r.nextInt(2);
                yield new Item(b -> b.arpOp(op), "arp_op=" + op);
            }
            case 15 -> new Item(b -> b.arpSpa(ip, len), "arp_spa=" + Ipv4.format(ip) + "/" + len);
            case 16 -> new Item(b -> b.arpTpa(ip), "arp_tpa=" + Ipv4.format(ip));
            case 17 -> new Item(b -> b.arpSha(mac), "arp_sha=" + MacAddress.format(mac));
            case 18 -> new Item(b -> b.nwSrc(ip, len), "nw_src=" + Ipv4.format(ip) + "/" + len);
            case 19 -> new Item(b -> b.nwDst(ip, len), "nw_dst=" + Ipv4.format(ip) + (len == 32 ? "" : "/" + len));
            case 20 -> new Item(b -> b.ipv6Src(v6hi, v6lo, v6len), "ipv6_src=" + Ipv6.format(v6hi, v6lo) + "/" + v6len);
            case 21 -> new Item(b -> b.ndTarget(v6hi, v6lo), "nd_target=" + Ipv6.format(v6hi, v6lo));
            case 22 -> new Item(b -> b.tpSrc(port, portMask), "tp_src=" + port + (portMask == 0xffff ? ""
                    : "/0x" + Integer.toHexString(portMask)));
            case 23 -> new Item(b -> b.tpDst(port), "tp_dst=" + port);
            case 24 -> {
                int type = r.nextBoolean() ? new int[] {128, 129, 133, 134, 135, 136, 0, 3, 8}[r.nextInt(9)] : r.nextInt(256);
                yield new Item(b -> b.icmpType(type), "icmp_type=" + type);
            }
            case 25 -> {
                int code = r.nextInt(256);
                yield new Item(b -> b.icmpCode(code), "icmp_code=" + code);
            }
            case 26 -> new Item(b -> b.tunId(tun), "tun_id=0x" + Long.toHexString(tun));
            case 27 -> new Item(b -> b.reg(reg, regValue, regMask), "reg" + reg + "=0x" + Long.toHexString(regValue)
                    + (regMask == 0xffff_ffffL ? "" : "/0x" + Long.toHexString(regMask)));
            case 28 -> new Item(b -> b.ctState(ct, ctMask), ctMask == 0xff || ctMask == 0 || r.nextBoolean()
                    ? "ct_state=0x" + Integer.toHexString(ct) + "/0x" + Integer.toHexString(ctMask)
                    : "ct_state=" + ValueText.ctState(ct & ctMask, ctMask));
            case 29 -> new Item(b -> b.nwProto(ct), "nw_proto=" + ct);
            case 30 -> new Item(b -> b.vlanVid(tci & 0x1fff, tciMask & 0x1fff), "vlan_vid=0x"
                    + Integer.toHexString(tci & 0x1fff) + ((tciMask & 0x1fff) == 0x1fff ? "" : "/0x"
                    + Integer.toHexString(tciMask & 0x1fff)));
            default -> new Item(b -> b.field(Field.NW_TOS, ct & 0xfc, 0xff), "nw_tos=" + (ct & 0xfc));
        };
    }
}
