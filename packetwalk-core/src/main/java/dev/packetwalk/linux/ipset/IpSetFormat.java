package dev.packetwalk.linux.ipset;

import dev.packetwalk.net.Ipv4;
import dev.packetwalk.net.Ipv6;

/** The ipset 7.17 text forms: members, "ipset list" and "ipset save". */
public final class IpSetFormat {
    private IpSetFormat() {
    }

    /** Parses a member of {@code set}: "ADDR[/PREFIX]" (an IPv4 or IPv6 address), "ADDR,[PROTO:]PORT". */
    public static Entry parseEntry(IpSet set, String text) {
        String addrPart = text;
        int proto = 0;
        int port = 0;
        int comma = text.indexOf(',');
        if (set.type() == IpSetType.HASH_IP_PORT) {
            if (comma < 0) {
                throw new IpSetException("Syntax error: Second element is missing from " + text + ".");
            }
            addrPart = text.substring(0, comma);
            String pp = text.substring(comma + 1);
            int colon = pp.indexOf(':');
            proto = 6;
            if (colon >= 0) {
                proto = switch (pp.substring(0, colon)) {
                    case "tcp" -> 6;
                    case "udp" -> 17;
                    case "sctp" -> 132;
                    case "udplite" -> 136;
                    default -> throw new IpSetException("Syntax error: cannot parse '"
                            + pp.substring(0, colon) + "' as a protocol");
                };
                pp = pp.substring(colon + 1);
            }
            try {
                port = Integer.parseInt(pp);
                if (port < 0 || port > 65535) {
                    throw new NumberFormatException();
                }
            } catch (NumberFormatException e) {
                throw new IpSetException("Syntax error: cannot parse '" + pp + "' as a (tcp) port");
            }
        } else if (comma >= 0) {
            throw new IpSetException("Syntax error: Elem separator in " + text + ", but settype "
                    + set.type().text() + " supports none.");
        }
        IpSetFamily family = set.family();
        int slash = addrPart.indexOf('/');
        String a = slash < 0 ? addrPart : addrPart.substring(0, slash);
        int prefix = family.bits();
        if (slash >= 0) {
            String p = addrPart.substring(slash + 1);
            try {
                prefix = Integer.parseInt(p);
            } catch (NumberFormatException e) {
                throw new IpSetException("Syntax error: '" + p + "' is invalid as number");
            }
            if (set.type() != IpSetType.HASH_NET && family == IpSetFamily.INET6) {
                throw new IpSetException("Syntax error: plain IP address must be supplied: " + addrPart);
            }
            if (set.type() != IpSetType.HASH_NET && prefix > 0 && prefix < 32) {
                // ipset adds every address of the network; Packetwalk does not emulate that.
                throw new IpSetException("Syntax error: adding the addresses of " + addrPart
                        + " one by one is not emulated");
            }
        }
        Entry e;
        if (family == IpSetFamily.INET) {
            long addr = Ipv4.parseOrMinusOne(a);
            if (addr < 0) {
                throw new IpSetException("Syntax error: cannot parse " + a + ": resolving to IPv4 address failed");
            }
            e = Entry.inet((int) addr, prefix);
        } else {
            long[] addr = Ipv6.parse(a);
            if (addr == null) {
                throw new IpSetException("Syntax error: cannot parse " + a + ": resolving to IPv6 address failed");
            }
            e = Entry.inet6(addr[0], addr[1], prefix);
        }
        return proto == 0 ? e : e.withPort(proto, port);
    }

    private static String header(IpSet s) {
        StringBuilder sb = new StringBuilder("family ").append(s.family().text()).append(" hashsize ")
                .append(s.hashsize())
                .append(" maxelem ").append(s.maxelem());
        if (s.timeout() > 0) {
            sb.append(" timeout ").append(s.timeout());
        }
        // ipset prints the hash seed as 0x%08x (checked with ipset 7.17)
        return sb.append(" bucketsize 12 initval ").append(String.format("0x%08x", s.initval())).toString();
    }

    private static String member(IpSet s, Entry e) {
        String t = e.text(s.type());
        return s.timeout() > 0 ? t + " timeout " + s.secondsLeft(e) : t;
    }

    /** "ipset list" for one set ({@code terse}: without members). */
    public static String list(IpSet s, int references, boolean terse) {
        StringBuilder sb = new StringBuilder();
        sb.append("Name: ").append(s.name()).append('\n');
        sb.append("Type: ").append(s.type().text()).append('\n');
        sb.append("Revision: ").append(s.type().revision()).append('\n');
        sb.append("Header: ").append(header(s)).append('\n');
        sb.append("Size in memory: ").append(s.memorySize()).append('\n');
        sb.append("References: ").append(references).append('\n');
        sb.append("Number of entries: ").append(s.members().size()).append('\n');
        if (!terse) {
            sb.append("Members:\n");
            for (Entry e : s.members()) {
                sb.append(member(s, e)).append('\n');
            }
        }
        return sb.toString();
    }

    /** "ipset save" for one set. */
    public static String save(IpSet s) {
        StringBuilder sb = new StringBuilder();
        sb.append("create ").append(s.name()).append(' ').append(s.type().text()).append(' ')
          .append(header(s)).append('\n');
        for (Entry e : s.members()) {
            sb.append("add ").append(s.name()).append(' ').append(member(s, e)).append('\n');
        }
        return sb.toString();
    }
}
