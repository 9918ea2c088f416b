package dev.packetwalk.ovs.xlate;

import dev.packetwalk.net.Ipv4;
import dev.packetwalk.ovs.flow.Field;
import dev.packetwalk.ovs.flow.Flow;
import dev.packetwalk.ovs.flow.Match;
import dev.packetwalk.ovs.flow.MatchText;

/**
 * The {@code Megaflow:} line: the bits the translation consulted ({@link MegaflowMask}) printed
 * as a match, in OVS's order: recirc_id, conntrack state, {@code eth}, the protocol shorthand,
 * the tunnel fields ({@code tun_flags} as {@code -df-csum+key}), then the rest.
 */
final class MegaflowText {
    private MegaflowText() {
    }

    static String format(TraceResult r) {
        Flow mask = r.wildcards();
        Flow flow = r.flow();
        long[] v = new long[Flow.N_WORDS];
        long[] m = new long[Flow.N_WORDS];
        for (int i = 0; i < Flow.N_WORDS; i++) {
            v[i] = flow.word(i);
            m[i] = mask.word(i);
        }
        String ct = "";
        if ((m[Flow.W_CT] & 0xffff) != 0) {
            long[] cv = new long[Flow.N_WORDS];
            long[] cm = new long[Flow.N_WORDS];
            cv[Flow.W_CT] = v[Flow.W_CT] & 0xffff;
            cm[Flow.W_CT] = m[Flow.W_CT] & 0xffff;
            ct = MatchText.format(Match.of(cv, cm)) + ",";
            m[Flow.W_CT] &= ~0xffffL;
        }
        String mark = "";
        if ((m[Flow.W_PORT_MARK] & 0xffff_ffffL) != 0) {
            long[] pv = new long[Flow.N_WORDS];
            long[] pm = new long[Flow.N_WORDS];
            pv[Flow.W_PORT_MARK] = v[Flow.W_PORT_MARK] & 0xffff_ffffL;
            pm[Flow.W_PORT_MARK] = m[Flow.W_PORT_MARK] & 0xffff_ffffL;
            mark = MatchText.format(Match.of(pv, pm)) + ",";
            m[Flow.W_PORT_MARK] &= ~0xffff_ffffL;
        }
        String tunnel = tunnel(flow, mask);
        m[Flow.W_CONJ] = 0;
        m[Flow.W_TUN_ID] = 0;
        m[Flow.W_TUN_IPS] = 0;
        m[Flow.W_TUN_META] &= ~0xffff_ffffL;
        String rest = MatchText.format(Match.of(v, m));
        if (!tunnel.isEmpty()) {
            int comma = rest.indexOf(',');
            String first = comma < 0 ? rest : rest.substring(0, comma);
            if (!first.isEmpty() && first.indexOf('=') < 0) {
                rest = first + "," + tunnel + (comma < 0 ? "" : rest.substring(comma));
            } else {
                rest = tunnel + (rest.isEmpty() ? "" : "," + rest);
            }
        }
        String id = r.recircId() == 0 ? "0" : "0x" + Integer.toHexString(r.recircId());
        return mark + "recirc_id=" + id + "," + ct + "eth" + (rest.isEmpty() ? "" : "," + rest);
    }

    private static String tunnel(Flow flow, Flow mask) {
        StringBuilder sb = new StringBuilder();
        if (mask.tunId() != 0) {
            sb.append("tun_id=0x").append(Long.toHexString(flow.tunId()));
        }
        if (Field.TUN_SRC.get(mask) != 0) {
            sb.append(sb.length() > 0 ? "," : "").append("tun_src=").append(Ipv4.format(flow.tunSrc()));
        }
        if (Field.TUN_DST.get(mask) != 0) {
            sb.append(sb.length() > 0 ? "," : "").append("tun_dst=").append(Ipv4.format(flow.tunDst()));
        }
        if (Field.TUN_TOS.get(mask) != 0) {
            sb.append(sb.length() > 0 ? "," : "").append("tun_tos=").append(flow.tunTos());
        }
        long flags = Field.TUN_FLAGS.get(mask);
        if (flags != 0) {
            sb.append(sb.length() > 0 ? "," : "").append("tun_flags=");
            String[] names = {"df", "csum", "key"};
            int[] bits = {Flow.TUN_FLAG_DF, Flow.TUN_FLAG_CSUM, Flow.TUN_FLAG_KEY};
            for (int i = 0; i < names.length; i++) {
                if ((flags & bits[i]) != 0) {
                    sb.append((flow.tunFlags() & bits[i]) != 0 ? '+' : '-').append(names[i]);
                }
            }
        }
        return sb.toString();
    }
}
