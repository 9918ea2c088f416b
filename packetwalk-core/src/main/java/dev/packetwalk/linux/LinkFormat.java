package dev.packetwalk.linux;

import dev.packetwalk.linux.addr.Inet6Address;
import dev.packetwalk.linux.addr.InetAddress;
import dev.packetwalk.linux.link.LinkKind;
import dev.packetwalk.linux.link.NetDevice;
import dev.packetwalk.linux.route.Scope;
import dev.packetwalk.net.Ipv4;
import dev.packetwalk.net.MacAddress;

import java.util.List;

/**
 * iproute2 6.1's text for devices and their addresses: {@code ip link}, {@code ip addr},
 * their one-line ({@code -o}) and brief ({@code -br}) forms.
 */
public final class LinkFormat {
    private final Namespace ns;

    public LinkFormat(Namespace ns) {
        this.ns = ns;
    }

    /** {@code NAME} or {@code NAME@PEER} / {@code NAME@ifN} as the header shows it. */
    public String displayName(NetDevice d) {
        NetDevice peer = d.peer();
        if (peer == null) {
            return d.name();
        }
        return DeviceChanges.ns(peer) == ns ? d.name() + "@" + peer.name()
                : d.name() + "@if" + peer.ifindex();
    }

    /** The flags between angle brackets. */
    public String flags(NetDevice d) {
        StringBuilder sb = new StringBuilder();
        if (d.isUp() && !d.carrier()) {
            sb.append("NO-CARRIER,");
        }
        sb.append(d.kind().baseFlags());
        if (d.promiscuity() > 0) {
            sb.append(",PROMISC");
        }
        if (d.isUp()) {
            sb.append(",UP");
            if (d.carrier()) {
                sb.append(",LOWER_UP");
            }
        }
        NetDevice peer = d.peer();
        if (peer != null && DeviceChanges.ns(peer) == ns && !peer.isUp()) {
            sb.append(",M-DOWN");
        }
        return sb.toString();
    }

    /** The first line of a device block (without the newline). */
    public String header(NetDevice d, boolean linkMode) {
        StringBuilder sb = new StringBuilder();
        sb.append(d.ifindex()).append(": ").append(displayName(d)).append(": <").append(flags(d))
          .append("> mtu ").append(d.mtu()).append(" qdisc ").append(d.qdisc());
        if (d.master() != null) {
            sb.append(" master ").append(d.master().name());
        }
        sb.append(" state ").append(d.operState());
        if (linkMode) {
            sb.append(" mode DEFAULT");
        }
        sb.append(" group default qlen 1000");
        return sb.toString();
    }

    /** The {@code link/ether ...} line (without the newline). */
    public String linkLine(NetDevice d) {
        StringBuilder sb = new StringBuilder("    ");
        if (d.kind() == LinkKind.LOOPBACK) {
            sb.append("link/loopback 00:00:00:00:00:00 brd 00:00:00:00:00:00");
        } else {
            sb.append("link/ether ").append(MacAddress.format(d.mac()))
              .append(" brd ff:ff:ff:ff:ff:ff");
        }
        NetDevice peer = d.peer();
        if (peer != null && DeviceChanges.ns(peer) != ns) {
            Namespace other = DeviceChanges.ns(peer);
            int id = ns.peerId(other, true);
            if (other.name() != null) {
                sb.append(" link-netns ").append(other.name());
            } else {
                sb.append(" link-netnsid ").append(id);
            }
        }
        return sb.toString();
    }

    /** {@code ip link show}: header and link line. */
    public String link(NetDevice d, boolean oneline) {
        return oneline ? header(d, true) + "\\" + linkLine(d) + "\n"
                : header(d, true) + "\n" + linkLine(d) + "\n";
    }

    /** The address lines of a device for the family filter (4, 6 or 0 for both). */
    public List<String> addressBlocks(NetDevice d, int family) {
        List<String> blocks = new java.util.ArrayList<>();
        if (family != 6) {
            for (InetAddress a : ns.addresses().ipv4(d.ifindex())) {
                blocks.add(inet(a));
            }
        }
        if (family != 4) {
            for (Inet6Address a : ns.addresses().ipv6(d.ifindex())) {
                blocks.add("    inet6 " + a.text() + "/" + a.prefixLength() + " scope "
                        + Scope.name(a.scope()) + " \n"
                        + "       valid_lft forever preferred_lft forever\n");
            }
        }
        return blocks;
    }

    private static String inet(InetAddress a) {
        StringBuilder sb = new StringBuilder("    inet ");
        Ipv4.appendTo(sb, a.local());
        sb.append('/').append(a.prefixLength());
        if (a.broadcast() != 0) {
            sb.append(" brd ");
            Ipv4.appendTo(sb, a.broadcast());
        }
        sb.append(" scope ").append(Scope.name(a.scope()));
        if (a.secondary()) {
            sb.append(" secondary");
        }
        sb.append(' ').append(a.label()).append('\n');
        sb.append("       valid_lft forever preferred_lft forever\n");
        return sb.toString();
    }

    /** {@code ip addr show} for one device; empty when the family filter leaves nothing. */
    public String address(NetDevice d, int family, boolean oneline) {
        List<String> blocks = addressBlocks(d, family);
        if (oneline) {
            StringBuilder sb = new StringBuilder();
            for (String b : blocks) {
                sb.append(d.ifindex()).append(": ").append(d.name())
                  .append(b, 0, b.length() - 1 - 0).append('\n');
            }
            return sb.toString().replace("\n       valid", "\\       valid");
        }
        if (family != 0 && blocks.isEmpty()) {
            return "";
        }
        StringBuilder sb = new StringBuilder();
        if (family == 6) {
            sb.append(d.ifindex()).append(": ").append(displayName(d)).append(": <")
              .append(flags(d)).append("> mtu ").append(d.mtu()).append(" state ")
              .append(d.operState()).append(" qlen 1000\n");
        } else {
            sb.append(header(d, false)).append('\n');
            if (family == 0) {
                sb.append(linkLine(d)).append('\n');
            }
        }
        blocks.forEach(sb::append);
        return sb.toString();
    }

    /** {@code ip -br link}. */
    public String briefLink(NetDevice d) {
        String mac = d.kind() == LinkKind.LOOPBACK ? "00:00:00:00:00:00" : MacAddress.format(d.mac());
        return String.format("%-16s %-14s %s <%s> %n", displayName(d), d.operState(), mac, flags(d));
    }

    /** {@code ip -br addr}. */
    public String briefAddress(NetDevice d, int family) {
        StringBuilder sb = new StringBuilder(String.format("%-16s %-14s ", displayName(d),
                d.operState()));
        if (family != 6) {
            for (InetAddress a : ns.addresses().ipv4(d.ifindex())) {
                sb.append(Ipv4.format(a.local())).append('/').append(a.prefixLength()).append(' ');
            }
        }
        if (family != 4) {
            for (Inet6Address a : ns.addresses().ipv6(d.ifindex())) {
                sb.append(a.text()).append('/').append(a.prefixLength()).append(' ');
            }
        }
        return sb.append('\n').toString();
    }
}
