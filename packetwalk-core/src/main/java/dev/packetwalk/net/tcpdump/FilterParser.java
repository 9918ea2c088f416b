package dev.packetwalk.net.tcpdump;

import java.util.List;
import java.util.Set;

import dev.packetwalk.net.Ipv4;
import dev.packetwalk.net.tcpdump.FilterNode.Dir;

/**
 * Recursive-descent parser for libpcap filter expressions: {@code not} binds tightest,
 * {@code and}/{@code or} have equal precedence and group left to right; an address or port
 * alone reuses the qualifiers of the primitive before it ({@code host A or B}).
 */
final class FilterParser {
    private static final Set<String> PROTOS = Set.of("ether", "ip", "arp", "rarp", "tcp", "udp", "icmp", "sctp");
    private static final Set<String> TYPES = Set.of("host", "net", "port", "portrange");

    private final List<String> tokens;
    private int at;
    private int depth;
    /** The qualifiers of the last primitive with an id, for implicit ones: proto, dir, type. */
    private String lastProto;
    private Dir lastDir;
    private String lastType;

    private FilterParser(List<String> tokens) {
        this.tokens = tokens;
    }

    /** The filter tree, or null for the empty expression (everything matches). */
    static FilterNode parse(String text) {
        FilterParser p = new FilterParser(FilterTokens.split(text));
        if (p.tokens.isEmpty()) {
            return null;
        }
        FilterNode n = p.expr();
        if (p.at != p.tokens.size()) {
            throw FilterSyntaxException.syntax();
        }
        return n;
    }

    private String peek(int k) {
        return at + k < tokens.size() ? tokens.get(at + k) : "";
    }

    private String next() {
        if (at >= tokens.size()) {
            throw FilterSyntaxException.syntax();
        }
        return tokens.get(at++);
    }

    private void expect(String t) {
        if (!next().equals(t)) {
            throw FilterSyntaxException.syntax();
        }
    }

    private FilterNode expr() {
        FilterNode left = unary();
        while (peek(0).equals("and") || peek(0).equals("or")) {
            boolean and = next().equals("and");
            FilterNode right = unary();
            left = and ? new FilterNode.And(left, right) : new FilterNode.Or(left, right);
        }
        return left;
    }

    private FilterNode unary() {
        String t = peek(0);
        if (t.equals("not")) {
            next();
            return new FilterNode.Not(unary());
        }
        if (t.equals("(")) {
            next();
            FilterNode e = expr();
            expect(")");
            return e;
        }
        return primitive();
    }

    private FilterNode primitive() {
        String t = peek(0);
        if (PROTOS.contains(t) && peek(1).equals("[")) {
            return relation();
        }
        switch (t) {
            case "vlan" -> {
                next();
                int vid = -1;
                if (FilterValues.isNumber(peek(0))) {
                    long v = FilterValues.parseNumber(next());
                    if (v > 4095) {
                        throw new FilterSyntaxException("VLAN tag " + v + " greater than maximum 4095");
                    }
                    vid = (int) v;
                }
                return new FilterNode.Vlan(depth++, vid);
            }
            case "greater", "less" -> {
                next();
                long n = FilterValues.parseNumber(next());
                if (n < 0) {
                    throw FilterSyntaxException.syntax();
                }
                return new FilterNode.Length(t.equals("greater"), (int) n);
            }
            case "broadcast", "multicast" -> {
                next();
                return new FilterNode.EtherGroup(t.equals("broadcast"));
            }
            case "proto" -> {
                next();
                return new FilterNode.IpProto(depth, protoNumber(next()));
            }
            default -> {
                return qualified();
            }
        }
    }

    private static int protoNumber(String t) {
        return switch (t) {
            case "icmp" -> 1;
            case "tcp" -> 6;
            case "udp" -> 17;
            default -> {
                long v = FilterValues.parseNumber(t);
                if (v < 0 || v > 255) {
                    throw FilterSyntaxException.syntax();
                }
                yield (int) v;
            }
        };
    }

    private FilterNode qualified() {
        String proto = PROTOS.contains(peek(0)) ? next() : null;
        if (proto != null && (peek(0).equals("broadcast") || peek(0).equals("multicast"))) {
            return new FilterNode.EtherGroup(next().equals("broadcast"));
        }
        if (proto != null && peek(0).equals("proto")) {
            next();
            return proto.equals("ether") ? new FilterNode.EtherType(depth, (int) FilterValues.constant(next()))
                    : new FilterNode.IpProto(depth, protoNumber(next()));
        }
        Dir dir = direction();
        String type = TYPES.contains(peek(0)) ? next() : null;
        if (proto == null && dir == null && type == null) {
            if (lastType == null && lastDir == null && lastProto == null || !isId(peek(0))) {
                throw FilterSyntaxException.syntax();
            }
            return id(lastProto, lastDir, lastType, next());
        }
        if (dir == null && type == null && !isId(peek(0))) {
            return protocol(proto);
        }
        lastProto = proto;
        lastDir = dir;
        lastType = type;
        return id(proto, dir, type, next());
    }

    private static boolean isId(String t) {
        return !t.isEmpty() && !t.equals("and") && !t.equals("or") && !t.equals("not") && !t.equals("(")
                && !t.equals(")") && (Character.isDigit(t.charAt(0)) || FilterValues.isMac(t)
                || Character.isLetter(t.charAt(0)) && !PROTOS.contains(t) && !TYPES.contains(t));
    }

    private Dir direction() {
        String t = peek(0);
        if (!t.equals("src") && !t.equals("dst")) {
            return null;
        }
        next();
        String other = t.equals("src") ? "dst" : "src";
        if ((peek(0).equals("or") || peek(0).equals("and")) && peek(1).equals(other)) {
            boolean or = next().equals("or");
            next();
            return or ? Dir.SRC_OR_DST : Dir.SRC_AND_DST;
        }
        return t.equals("src") ? Dir.SRC : Dir.DST;
    }

    private FilterNode protocol(String proto) {
        return switch (proto) {
            case "ip" -> new FilterNode.EtherType(depth, 0x0800);
            case "arp" -> new FilterNode.EtherType(depth, 0x0806);
            case "rarp" -> new FilterNode.EtherType(depth, 0x8035);
            case "tcp" -> new FilterNode.IpProto(depth, 6);
            case "udp" -> new FilterNode.IpProto(depth, 17);
            case "icmp" -> new FilterNode.IpProto(depth, 1);
            case "sctp" -> new FilterNode.IpProto(depth, 132);
            default -> throw FilterSyntaxException.syntax();
        };
    }

    private FilterNode id(String proto, Dir dirOrNull, String typeOrNull, String id) {
        Dir dir = dirOrNull == null ? Dir.SRC_OR_DST : dirOrNull;
        String type = typeOrNull == null ? "host" : typeOrNull;
        if ("ether".equals(proto) || FilterValues.isMac(id) && type.equals("host")) {
            return new FilterNode.EtherHost(dir, FilterValues.mac(id));
        }
        return switch (type) {
            case "port" -> port(proto, dir, FilterValues.port(id), FilterValues.port(id));
            case "portrange" -> {
                int dash = id.indexOf('-');
                if (dash < 0) {
                    throw FilterSyntaxException.syntax();
                }
                int lo = FilterValues.port(id.substring(0, dash));
                int hi = FilterValues.port(id.substring(dash + 1));
                yield port(proto, dir, Math.min(lo, hi), Math.max(lo, hi));
            }
            case "net" -> net(proto, dir, id);
            default -> host(proto, dir, FilterValues.ipv4(id), -1);
        };
    }

    private FilterNode port(String proto, Dir dir, int lo, int hi) {
        int p = proto == null || proto.equals("ip") ? 0 : protoNumber(proto);
        return new FilterNode.Port(depth, dir, lo, hi, p);
    }

    private FilterNode host(String proto, Dir dir, int addr, int mask) {
        boolean ip = proto == null || proto.equals("ip");
        boolean arp = proto == null || proto.equals("arp") || proto.equals("rarp");
        if (!ip && !arp) {
            throw FilterSyntaxException.syntax();
        }
        return new FilterNode.Host(depth, dir, addr & mask, mask, ip, arp);
    }

    private FilterNode net(String proto, Dir dir, String id) {
        int slash = id.indexOf('/');
        int addr = FilterValues.ipv4(slash < 0 ? id : id.substring(0, slash));
        int mask = -1;
        if (slash >= 0) {
            long len = FilterValues.parseNumber(id.substring(slash + 1));
            if (len < 0 || len > 32) {
                throw new FilterSyntaxException("mask length must be <= 32");
            }
            mask = Ipv4.maskOf((int) len);
        } else if (peek(0).equals("mask")) {
            next();
            mask = FilterValues.ipv4(next());
        }
        if ((addr & ~mask) != 0) {
            throw new FilterSyntaxException("non-network bits set in \"" + id + "\"");
        }
        return host(proto, dir, addr, mask);
    }

    private FilterNode relation() {
        String layer = next();
        expect("[");
        String off = next();
        int size = 1;
        int colon = off.indexOf(':');
        if (colon >= 0) {
            size = (int) FilterValues.constant(off.substring(colon + 1));
            off = off.substring(0, colon);
        }
        int offset = (int) FilterValues.constant(off);
        expect("]");
        if (size != 1 && size != 2 && size != 4) {
            throw new FilterSyntaxException("data size must be 1, 2, or 4");
        }
        long mask = 0xffff_ffffL;
        if (peek(0).equals("&")) {
            next();
            mask = FilterValues.constant(next());
        }
        String op = next();
        if (!Set.of("=", "==", "!=", "<", ">", "<=", ">=").contains(op)) {
            throw FilterSyntaxException.syntax();
        }
        return new FilterNode.Relation(depth, layer, offset, size, mask, op, FilterValues.constant(next()));
    }
}
