package dev.packetwalk.linux;

import dev.packetwalk.linux.addr.Inet6Address;
import dev.packetwalk.linux.link.LinkKind;
import dev.packetwalk.linux.link.NetDevice;
import dev.packetwalk.linux.route.Route;
import dev.packetwalk.linux.route.RouteProtocol;
import dev.packetwalk.linux.route.RouteTable;
import dev.packetwalk.linux.route.RouteTables;
import dev.packetwalk.linux.route.RouteType;
import dev.packetwalk.linux.route.Scope;
import dev.packetwalk.net.Ipv4;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/** iproute2 6.1's text for routes: {@code ip route show} lines and {@code ip route get}. */
public final class RouteFormat {
    private final Namespace ns;

    public RouteFormat(Namespace ns) {
        this.ns = ns;
    }

    private String devName(int ifindex) {
        NetDevice d = ns.links().byIndex(ifindex);
        return d == null ? "if" + ifindex : d.name();
    }

    /** One {@code ip route show} line; {@code showTable} adds {@code table X} when not main. */
    public String line(Route r, boolean showTable) {
        return line(r, showTable, true);
    }

    /** One line; {@code showDev} false when the listing is already filtered by device. */
    public String line(Route r, boolean showTable, boolean showDev) {
        StringBuilder sb = new StringBuilder();
        if (r.type() != RouteType.UNICAST) {
            sb.append(r.type().keyword()).append(' ');
        }
        if (r.prefixLength() == 0 && r.dst() == 0) {
            sb.append("default ");
        } else {
            Ipv4.appendTo(sb, r.dst());
            if (r.prefixLength() != 32) {
                sb.append('/').append(r.prefixLength());
            }
            sb.append(' ');
        }
        if (r.gateway() != 0) {
            sb.append("via ");
            Ipv4.appendTo(sb, r.gateway());
            sb.append(' ');
        }
        if (r.oif() != 0 && showDev) {
            sb.append("dev ").append(devName(r.oif())).append(' ');
        }
        if (showTable && r.table() != RouteTables.MAIN) {
            sb.append("table ").append(RouteTables.name(r.table())).append(' ');
        }
        if (r.protocol() != RouteProtocol.BOOT) {
            sb.append("proto ").append(RouteProtocol.name(r.protocol())).append(' ');
        }
        if (r.scope() != Scope.UNIVERSE) {
            sb.append("scope ").append(Scope.name(r.scope())).append(' ');
        }
        if (r.prefsrc() != 0) {
            sb.append("src ");
            Ipv4.appendTo(sb, r.prefsrc());
            sb.append(' ');
        }
        if (r.metric() != 0) {
            sb.append("metric ").append(Integer.toUnsignedString(r.metric())).append(' ');
        }
        if (r.onlink()) {
            sb.append("onlink ");
        }
        if (linkdown(r)) {
            sb.append("linkdown ");
        }
        return sb.append('\n').toString();
    }

    private boolean linkdown(Route r) {
        NetDevice d = r.oif() == 0 ? null : ns.links().byIndex(r.oif());
        return d != null && r.scope() != Scope.HOST && !d.carrier();
    }

    /** The IPv4 routes of one table, as {@code ip route show table T} prints them. */
    public String table(RouteTable t, boolean showTable) {
        StringBuilder sb = new StringBuilder();
        for (Route r : t.routes()) {
            sb.append(line(r, showTable));
        }
        return sb.toString();
    }

    /** {@code ip route show table all}: every IPv4 table, then the IPv6 kernel routes. */
    public String all(boolean ipv4, boolean ipv6) {
        StringBuilder sb = new StringBuilder();
        if (ipv4) {
            for (RouteTable t : ns.fib().tablesInDumpOrder()) {
                sb.append(table(t, true));
            }
        }
        if (ipv6) {
            sb.append(ipv6Main(true)).append(ipv6Local());
        }
        return sb.toString();
    }

    /** The IPv6 routes addrconf installs in main: {@code fe80::/64} per device. */
    public String ipv6Main(boolean showTable) {
        StringBuilder sb = new StringBuilder();
        for (Inet6Address a : ns.addresses().ipv6InOrder()) {
            NetDevice d = ns.links().byIndex(a.ifindex());
            if (d.kind() != LinkKind.LOOPBACK) {
                sb.append("fe80::/64 dev ").append(d.name()).append(" proto kernel metric 256 ")
                  .append(d.carrier() ? "" : "linkdown ").append("pref medium\n");
            }
        }
        return sb.toString();
    }

    private String ipv6Local() {
        List<Inet6Address> locals = new ArrayList<>(ns.addresses().ipv6InOrder());
        locals.sort(Comparator.comparingLong((Inet6Address a) -> a.high() ^ Long.MIN_VALUE)
                .thenComparingLong(a -> a.low() ^ Long.MIN_VALUE));
        StringBuilder sb = new StringBuilder();
        for (Inet6Address a : locals) {
            sb.append("local ").append(a.text()).append(" dev ")
              .append(devName(a.ifindex())).append(" table local proto kernel metric 0 pref medium\n");
        }
        for (int ifindex : ns.addresses().ipv6ReadyInOrder()) {
            NetDevice d = ns.links().byIndex(ifindex);
            if (d.kind() != LinkKind.LOOPBACK) {
                sb.append("multicast ff00::/8 dev ").append(d.name())
                  .append(" table local proto kernel metric 256 ")
                  .append(d.carrier() ? "" : "linkdown ").append("pref medium\n");
            }
        }
        return sb.toString();
    }

    /** {@code ip route get}'s two lines for an answer. */
    public String answer(RouteAnswer a) {
        StringBuilder sb = new StringBuilder();
        if (a.type() != RouteType.UNICAST) {
            sb.append(a.type().keyword()).append(' ');
        }
        Ipv4.appendTo(sb, a.dst());
        sb.append(' ');
        if (a.from() != 0) {
            sb.append("from ");
            Ipv4.appendTo(sb, a.from());
            sb.append(' ');
        }
        if (a.gateway() != 0) {
            sb.append("via ");
            Ipv4.appendTo(sb, a.gateway());
            sb.append(' ');
        }
        sb.append("dev ").append(devName(a.dev())).append(' ');
        if (a.table() != 0 && a.table() != RouteTables.MAIN) {
            sb.append("table ").append(RouteTables.name(a.table())).append(' ');
        }
        if (!a.isInput() && a.prefsrc() != a.from()) {
            sb.append("src ");
            Ipv4.appendTo(sb, a.prefsrc());
            sb.append(' ');
        }
        if (a.mark() != 0) {
            sb.append("mark ").append(Integer.compareUnsigned(a.mark(), 16) < 0
                    ? Integer.toString(a.mark()) : "0x" + Integer.toHexString(a.mark())).append(' ');
        }
        if (!a.isInput()) {
            sb.append("uid 0 ");
        }
        sb.append("\n    cache ");
        List<String> flags = new ArrayList<>();
        if ((a.cacheFlags() & RouteAnswer.LOCAL) != 0) {
            flags.add("local");
        }
        if ((a.cacheFlags() & RouteAnswer.BROADCAST) != 0) {
            flags.add("brd");
        }
        if ((a.cacheFlags() & RouteAnswer.REDIRECT) != 0) {
            flags.add("redirect");
        }
        if (!flags.isEmpty()) {
            sb.append('<').append(String.join(",", flags)).append("> ");
        }
        if (a.isInput()) {
            sb.append("iif ").append(devName(a.iif())).append(' ');
        }
        return sb.append('\n').toString();
    }
}
