package dev.packetwalk.ovs.xlate;

import dev.packetwalk.net.Ipv4;
import dev.packetwalk.net.MacAddress;

import java.util.List;

/**
 * One datapath action, as OVS's kernel datapath receives it and {@code Datapath actions:}
 * prints it ({@link #format(List)}).
 */
public sealed interface OdpAction {
    void appendTo(StringBuilder sb);

    /** The comma-separated list, or {@code drop} when empty. */
    static String format(List<OdpAction> actions) {
        if (actions.isEmpty()) {
            return "drop";
        }
        StringBuilder sb = new StringBuilder();
        for (OdpAction a : actions) {
            if (sb.length() > 0) {
                sb.append(',');
            }
            a.appendTo(sb);
        }
        return sb.toString();
    }

    record Output(int dpPort) implements OdpAction {
        public void appendTo(StringBuilder sb) {
            sb.append(dpPort);
        }
    }

    record PushVlan(int vid, int pcp) implements OdpAction {
        public void appendTo(StringBuilder sb) {
            sb.append("push_vlan(vid=").append(vid).append(",pcp=").append(pcp).append(')');
        }
    }

    record PopVlan() implements OdpAction {
        public void appendTo(StringBuilder sb) {
            sb.append("pop_vlan");
        }
    }

    /** {@code set(eth(...))}: only the changed addresses (-1 = unchanged). */
    record SetEth(long src, long dst) implements OdpAction {
        public void appendTo(StringBuilder sb) {
            sb.append("set(eth(");
            String sep = "";
            if (src >= 0) {
                sb.append("src=").append(MacAddress.format(src));
                sep = ",";
            }
            if (dst >= 0) {
                sb.append(sep).append("dst=").append(MacAddress.format(dst));
            }
            sb.append("))");
        }
    }

    /** {@code set(ipv4(...))}: bit i of {@code changed}: 1 src, 2 dst, 4 tos, 8 ttl; tosMask for tos. */
    record SetIpv4(int changed, int src, int dst, int tos, int tosMask, int ttl) implements OdpAction {
        public void appendTo(StringBuilder sb) {
            sb.append("set(ipv4(");
            String sep = "";
            if ((changed & 1) != 0) {
                sb.append("src=").append(Ipv4.format(src));
                sep = ",";
            }
            if ((changed & 2) != 0) {
                sb.append(sep).append("dst=").append(Ipv4.format(dst));
                sep = ",";
            }
            if ((changed & 4) != 0) {
                sb.append(sep).append("tos=0x").append(Integer.toHexString(tos));
                if (tosMask != 0xff) {
                    sb.append("/0x").append(Integer.toHexString(tosMask));
                }
                sep = ",";
            }
            if ((changed & 8) != 0) {
                sb.append(sep).append("ttl=").append(ttl);
            }
            sb.append("))");
        }
    }

    /** {@code set(arp(...))}: bit i of {@code changed}: 1 sip, 2 tip, 4 op, 8 sha, 16 tha. */
    record SetArp(int changed, int sip, int tip, int op, long sha, long tha) implements OdpAction {
        public void appendTo(StringBuilder sb) {
            sb.append("set(arp(");
            String sep = "";
            if ((changed & 1) != 0) {
                sb.append("sip=").append(Ipv4.format(sip));
                sep = ",";
            }
            if ((changed & 2) != 0) {
                sb.append(sep).append("tip=").append(Ipv4.format(tip));
                sep = ",";
            }
            if ((changed & 4) != 0) {
                sb.append(sep).append("op=").append(op);
                sep = ",";
            }
            if ((changed & 8) != 0) {
                sb.append(sep).append("sha=").append(MacAddress.format(sha));
                sep = ",";
            }
            if ((changed & 16) != 0) {
                sb.append(sep).append("tha=").append(MacAddress.format(tha));
            }
            sb.append("))");
        }
    }

    /** {@code set(tcp(...))} or {@code set(udp(...))}: -1 = unchanged. */
    record SetL4(String proto, int src, int dst) implements OdpAction {
        public void appendTo(StringBuilder sb) {
            sb.append("set(").append(proto).append('(');
            if (src >= 0) {
                sb.append("src=").append(src);
            }
            if (dst >= 0) {
                sb.append(src >= 0 ? "," : "").append("dst=").append(dst);
            }
            sb.append("))");
        }
    }

    /** Kernel-style tunnel metadata for the next output to a tunnel vport. */
    record SetTunnel(long tunId, int src, int dst, int tos, int ttl, int tpDst, int flags) implements OdpAction {
        public void appendTo(StringBuilder sb) {
            sb.append("set(tunnel(tun_id=0x").append(Long.toHexString(tunId));
            if (src != 0) {
                sb.append(",src=").append(Ipv4.format(src));
            }
            sb.append(",dst=").append(Ipv4.format(dst));
            if (tos != 0) {
                sb.append(",tos=0x").append(Integer.toHexString(tos));
            }
            sb.append(",ttl=").append(ttl).append(",tp_dst=").append(tpDst).append(",flags(");
            String sep = "";
            if ((flags & dev.packetwalk.ovs.flow.Flow.TUN_FLAG_DF) != 0) {
                sb.append("df");
                sep = "|";
            }
            if ((flags & dev.packetwalk.ovs.flow.Flow.TUN_FLAG_CSUM) != 0) {
                sb.append(sep).append("csum");
                sep = "|";
            }
            if ((flags & dev.packetwalk.ovs.flow.Flow.TUN_FLAG_KEY) != 0) {
                sb.append(sep).append("key");
            }
            sb.append(")))");
        }
    }

    record SetSkbMark(int mark) implements OdpAction {
        public void appendTo(StringBuilder sb) {
            sb.append("set(skb_mark(0x").append(Integer.toHexString(mark)).append("))");
        }
    }

    /** A packet-in to the controller through userspace. */
    record Userspace(int reason, int recircId, long ruleCookie, int maxLen) implements OdpAction {
        public void appendTo(StringBuilder sb) {
            sb.append("userspace(pid=0,controller(reason=").append(reason)
                    .append(",dont_send=1,continuation=0,recirc_id=").append(recircId)
                    .append(ruleCookie != 0 ? ",rule_cookie=0x" + Long.toHexString(ruleCookie) : ",rule_cookie=0")
                    .append(",controller_id=0,max_len=").append(maxLen).append("))");
        }
    }

    /** {@code ct(...)}: commit, zone, and a mark set by exec(). */
    record Conntrack(boolean commit, int zone, long mark, long markMask) implements OdpAction {
        public void appendTo(StringBuilder sb) {
            sb.append("ct(");
            String sep = "";
            if (commit) {
                sb.append("commit");
                sep = ",";
            }
            if (zone != 0) {
                sb.append(sep).append("zone=").append(zone);
                sep = ",";
            }
            if (markMask != 0) {
                sb.append(sep).append("mark=0x").append(Long.toHexString(mark)).append("/0x")
                        .append(Long.toHexString(markMask));
            }
            sb.append(')');
        }
    }

    record Recirc(int id) implements OdpAction {
        public void appendTo(StringBuilder sb) {
            sb.append("recirc(0x").append(Integer.toHexString(id)).append(')');
        }
    }
}
