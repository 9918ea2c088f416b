package dev.packetwalk.ovs.action;

import java.util.List;

import dev.packetwalk.net.Ipv4;
import dev.packetwalk.ovs.flow.FlowItems;
import dev.packetwalk.ovs.flow.FlowSyntaxException;
import dev.packetwalk.ovs.flow.Subfield;

/** {@code ct(...)} and its {@code nat(...)}: parsing and printing. */
final class CtSyntax {
    private CtSyntax() {
    }

    static Ct parse(String v, ActionContext ctx) {
        boolean commit = false;
        boolean force = false;
        int zone = 0;
        Subfield zoneSrc = null;
        int table = Ct.NO_TABLE;
        String alg = null;
        Ct.Nat nat = null;
        List<Action> exec = List.of();
        for (String[] kv : FlowItems.split(v)) {
            switch (kv[0]) {
                case "commit" -> commit = true;
                case "force" -> force = true;
                case "table" -> table = Values.bounded(kv[1], 254, "invalid table " + kv[1]);
                case "zone" -> {
                    Long n = Values.number(kv[1]);
                    if (n != null) {
                        zone = Values.bounded(kv[1], 65535, "invalid zone " + kv[1]);
                    } else {
                        zoneSrc = SetFieldSyntax.subfield(kv[1], kv[1]);
                    }
                }
                case "alg" -> alg = kv[1];
                case "nat" -> nat = nat(kv[1]);
                case "exec" -> exec = new ActionParser(ctx, true).parse(kv[1]);
                default -> throw new FlowSyntaxException("invalid argument to \"ct\" action: `" + kv[0] + "'");
            }
        }
        if (!dev.packetwalk.ovs.flow.Prereq.IP_ANY.isMet(SetFieldSyntax.flow(ctx.match(), true),
                SetFieldSyntax.flow(ctx.match(), false))) {
            throw new FlowSyntaxException("actions are invalid with specified match (OFPBAC_MATCH_INCONSISTENT)");
        }
        if (alg != null) {
            int proto = (int) ctx.match().value(dev.packetwalk.ovs.flow.Flow.W_L4, 24, 8);
            boolean exact = ctx.match().mask(dev.packetwalk.ovs.flow.Flow.W_L4, 24, 8) == 0xff;
            int need = alg.equals("tftp") ? 17 : 6;
            if (!exact || proto != need) {
                throw new FlowSyntaxException("actions are invalid with specified match (OFPBAC_MATCH_INCONSISTENT)");
            }
        }
        return new Ct(commit, force, zone, zoneSrc, table, alg, nat, exec);
    }

    private static Ct.Nat nat(String v) {
        if (v == null) {
            return new Ct.Nat(Ct.Nat.Kind.NONE, 0, 0, 0, 0, false, false, false);
        }
        Ct.Nat.Kind kind = Ct.Nat.Kind.NONE;
        long ipMin = 0;
        long ipMax = 0;
        int pMin = 0;
        int pMax = 0;
        boolean persistent = false;
        boolean hash = false;
        boolean random = false;
        for (String[] kv : FlowItems.split(v)) {
            switch (kv[0]) {
                case "src", "dst" -> {
                    kind = kv[0].equals("src") ? Ct.Nat.Kind.SRC : Ct.Nat.Kind.DST;
                    String r = kv[1];
                    int colon = r.indexOf(':');
                    String ips = colon < 0 ? r : r.substring(0, colon);
                    String[] ip = ips.split("-");
                    ipMin = ip(ip[0]);
                    ipMax = ip.length > 1 ? ip(ip[1]) : 0;
                    if (colon >= 0) {
                        String[] p = r.substring(colon + 1).split("-");
                        pMin = Values.bounded(p[0], 65535, "invalid port");
                        pMax = p.length > 1 ? Values.bounded(p[1], 65535, "invalid port") : 0;
                    }
                }
                case "persistent" -> persistent = true;
                case "hash" -> hash = true;
                case "random" -> random = true;
                default -> throw new FlowSyntaxException("invalid key \"" + kv[0] + "\" in \"nat\" argument");
            }
        }
        return new Ct.Nat(kind, ipMin, ipMax, pMin, pMax, persistent, hash, random);
    }

    private static long ip(String s) {
        long v = Ipv4.parseOrMinusOne(s);
        if (v < 0) {
            throw new FlowSyntaxException(s + ": invalid IP address");
        }
        return v;
    }

    static void format(StringBuilder sb, Ct ct, ActionPrinter printer) {
        sb.append("ct(");
        int start = sb.length();
        if (ct.commit()) {
            sb.append("commit,");
        }
        if (ct.force()) {
            sb.append("force,");
        }
        if (ct.table() != Ct.NO_TABLE) {
            sb.append("table=").append(ct.table()).append(',');
        }
        if (ct.zoneSrc() != null) {
            sb.append("zone=");
            ct.zoneSrc().appendTo(sb);
            sb.append(',');
        } else if (ct.zone() != 0) {
            sb.append("zone=").append(ct.zone()).append(',');
        }
        if (ct.nat() != null) {
            formatNat(sb, ct.nat());
            sb.append(',');
        }
        if (!ct.exec().isEmpty()) {
            sb.append("exec(");
            printer.appendList(sb, ct.exec());
            sb.append("),");
        }
        if (ct.alg() != null) {
            sb.append("alg=").append(ct.alg()).append(',');
        }
        if (sb.length() > start && sb.charAt(sb.length() - 1) == ',') {
            sb.setLength(sb.length() - 1);
        }
        sb.append(')');
    }

    private static void formatNat(StringBuilder sb, Ct.Nat n) {
        sb.append("nat");
        if (n.kind() == Ct.Nat.Kind.NONE) {
            return;
        }
        sb.append('(').append(n.kind() == Ct.Nat.Kind.SRC ? "src=" : "dst=");
        Ipv4.appendTo(sb, (int) n.ipMin());
        if (n.ipMax() != 0 && n.ipMax() != n.ipMin()) {
            sb.append('-');
            Ipv4.appendTo(sb, (int) n.ipMax());
        }
        if (n.portMin() != 0) {
            sb.append(':').append(n.portMin());
            if (n.portMax() != 0 && n.portMax() != n.portMin()) {
                sb.append('-').append(n.portMax());
            }
        }
        if (n.persistent()) {
            sb.append(",persistent");
        }
        if (n.hash()) {
            sb.append(",hash");
        }
        if (n.random()) {
            sb.append(",random");
        }
        sb.append(')');
    }
}
