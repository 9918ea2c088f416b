package dev.packetwalk.host.command.netfilter;

import dev.packetwalk.host.Command;
import dev.packetwalk.host.Invocation;
import dev.packetwalk.linux.conntrack.Connection;
import dev.packetwalk.linux.conntrack.Conntrack;
import dev.packetwalk.linux.conntrack.Tuple;
import dev.packetwalk.net.Ipv4;

import java.util.List;

/** conntrack -L [-p PROTO] [--zone N] and conntrack -F, in conntrack-tools 1.4.7's format. */
public final class ConntrackCommand implements Command {
    private static final String PREFIX = "conntrack v1.4.7 (conntrack-tools): ";

    @Override
    public int run(Invocation inv) {
        List<String> a = inv.args();
        Conntrack ct = NetfilterCommands.namespace(inv).conntrack();
        String proto = null;
        int zone = -1;
        char command = 0;
        for (int i = 0; i < a.size(); i++) {
            switch (a.get(i)) {
                case "-L", "--dump" -> command = 'L';
                case "-F", "--flush" -> command = 'F';
                case "-p", "--proto" -> proto = i + 1 < a.size() ? a.get(++i) : "";
                case "-w", "--zone" -> zone = i + 1 < a.size() ? Integer.parseInt(a.get(++i)) : 0;
                default -> {
                    inv.errln(PREFIX + "Bad parameter `" + a.get(i) + "'");
                    inv.errln("Try `conntrack -h' or 'conntrack --help' for more information.");
                    return 2;
                }
            }
        }
        if (command == 'F') {
            ct.flush();
            inv.errln(PREFIX + "connection tracking table has been emptied.");
            return 0;
        }
        if (command != 'L') {
            inv.errln(PREFIX + "no command specified");
            inv.errln("Try `conntrack -h' or 'conntrack --help' for more information.");
            return 2;
        }
        int shown = 0;
        long now = ct.clock().nanos();
        for (Connection c : ct.connections()) {
            if ((proto != null && !protoName(c.original().proto()).equals(proto)) || (zone >= 0 && c.zone() != zone)) {
                continue;
            }
            inv.println(line(c, now));
            shown++;
        }
        inv.errln(PREFIX + shown + " flow entries have been shown.");
        return 0;
    }

    private static String protoName(int proto) {
        return switch (proto) {
            case 1 -> "icmp";
            case 6 -> "tcp";
            case 17 -> "udp";
            default -> "unknown";
        };
    }

    /** One connection as "conntrack -L" prints it. */
    static String line(Connection c, long now) {
        Tuple o = c.original();
        StringBuilder sb = new StringBuilder();
        String name = protoName(o.proto());
        sb.append(name);
        for (int i = name.length(); i < 8; i++) {
            sb.append(' ');
        }
        sb.append(' ').append(o.proto()).append(' ').append(c.secondsLeft(now)).append(' ');
        if (o.proto() == 6) {
            sb.append(c.replied() ? "ESTABLISHED " : "SYN_SENT ");
        }
        tuple(sb, o);
        if (!c.replied()) {
            sb.append("[UNREPLIED] ");
        }
        tuple(sb, c.reply());
        if (c.replied() && o.proto() == 6) {
            sb.append("[ASSURED] ");
        }
        sb.append("mark=").append(c.mark()).append(' ');
        if (c.zone() != 0) {
            sb.append("zone=").append(c.zone()).append(' ');
        }
        return sb.append("use=").append(c.use()).toString();
    }

    private static void tuple(StringBuilder sb, Tuple t) {
        sb.append("src=").append(Ipv4.format(t.src())).append(" dst=").append(Ipv4.format(t.dst())).append(' ');
        if (t.proto() == 1) {
            sb.append("type=").append(t.dport() >> 8).append(" code=").append(t.dport() & 0xff)
              .append(" id=").append(t.sport()).append(' ');
        } else if (t.proto() == 6 || t.proto() == 17) {
            sb.append("sport=").append(t.sport()).append(" dport=").append(t.dport()).append(' ');
        }
    }
}
