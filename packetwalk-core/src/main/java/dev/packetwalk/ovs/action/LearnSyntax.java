package dev.packetwalk.ovs.action;

import java.math.BigInteger;
import java.util.ArrayList;
import java.util.List;

import dev.packetwalk.ovs.flow.Field;
import dev.packetwalk.ovs.flow.Flow;
import dev.packetwalk.ovs.flow.FlowItems;
import dev.packetwalk.ovs.flow.FlowSyntaxException;
import dev.packetwalk.ovs.flow.Match;
import dev.packetwalk.ovs.flow.Subfield;
import dev.packetwalk.ovs.flow.ValueText;

/** {@code learn(...)}: parsing with OVS's two prerequisite checks, and printing. */
final class LearnSyntax {
    private LearnSyntax() {
    }

    static Learn parse(String args, ActionContext ctx) {
        int table = Learn.DEFAULT_TABLE;
        int idle = 0;
        int hard = 0;
        int finIdle = 0;
        int finHard = 0;
        int priority = Learn.DEFAULT_PRIORITY;
        long cookie = 0;
        boolean sendFlowRem = false;
        boolean deleteLearned = false;
        int limit = 0;
        Subfield resultDst = null;
        List<LearnSpec> specs = new ArrayList<>();
        Flow learnedValue = new Flow();
        Flow learnedMask = new Flow();
        for (String[] kv : FlowItems.split(args)) {
            String key = kv[0];
            String v = kv[1];
            switch (key) {
                case "table" -> table = Values.bounded(v, 254, args + ": invalid table " + v);
                case "idle_timeout" -> idle = Values.bounded(v, 65535, args + ": invalid idle_timeout");
                case "hard_timeout" -> hard = Values.bounded(v, 65535, args + ": invalid hard_timeout");
                case "fin_idle_timeout" -> finIdle = Values.bounded(v, 65535, args + ": invalid fin_idle_timeout");
                case "fin_hard_timeout" -> finHard = Values.bounded(v, 65535, args + ": invalid fin_hard_timeout");
                case "priority" -> priority = Values.bounded(v, 65535, args + ": invalid priority");
                case "cookie" -> cookie = Values.number(v, args + ": invalid cookie");
                case "send_flow_rem" -> sendFlowRem = true;
                case "delete_learned" -> deleteLearned = true;
                case "limit" -> limit = (int) Values.number(v, args + ": invalid limit");
                case "result_dst" -> resultDst = SetFieldSyntax.subfield(v, args);
                case "load" -> specs.add(load(v, ctx));
                case "output" -> {
                    Subfield src = SetFieldSyntax.subfield(v, v);
                    SetFieldSyntax.checkSource(src.field(), ctx);
                    specs.add(LearnSpec.output(src));
                }
                default -> specs.add(matchSpec(args, key, v, ctx, learnedValue, learnedMask));
            }
        }
        return new Learn(table, idle, hard, finIdle, finHard, priority, cookie, sendFlowRem, deleteLearned,
                limit, resultDst, specs);
    }

    private static LearnSpec matchSpec(String args, String key, String v, ActionContext ctx, Flow lv, Flow lm) {
        Subfield dst;
        try {
            dst = Subfield.parse(key);
        } catch (IllegalArgumentException e) {
            if (Field.byName(key.replaceFirst("\\[.*", "")) == null) {
                throw new FlowSyntaxException(args + ": unknown keyword " + key);
            }
            throw new FlowSyntaxException(args + ": " + e.getMessage());
        }
        if (!dst.field().isAddressable()) {
            throw new FlowSyntaxException(args + ": experimenter OXM field '" + key + "' not supported");
        }
        LearnSpec spec;
        if (v == null) {
            SetFieldSyntax.checkSource(dst.field(), ctx);
            spec = LearnSpec.matchField(dst, dst);
        } else if (Values.wide(dst.field(), v) == null && Values.fieldValue(dst.field(), v) == null) {
            Subfield src = SetFieldSyntax.subfield(v, v);
            if (src.nBits() != dst.nBits()) {
                throw new FlowSyntaxException(args + ": source field is " + src.nBits()
                        + " bits wide but destination is " + dst.nBits() + " bits wide");
            }
            SetFieldSyntax.checkSource(src.field(), ctx);
            spec = LearnSpec.matchField(dst, src);
        } else {
            Long narrow = dst.isWholeField() ? Values.fieldValue(dst.field(), v) : null;
            BigInteger value = narrow != null ? BigInteger.valueOf(narrow).and(Values.LOW64)
                    : Values.wide(dst.isWholeField() ? dst.field() : null, v);
            if (value == null || value.bitLength() > dst.nBits()) {
                throw new FlowSyntaxException(args + ": " + v + ": value too large for field " + key);
            }
            spec = new LearnSpec(LearnSpec.Kind.MATCH, dst, null, value.longValue(), value.shiftRight(64).longValue());
        }
        Match learned = Match.of(words(lv), words(lm));
        SetFieldSyntax.checkSource(dst.field(), learned, ctx);
        dst.set(lm, -1L);
        dst.set(lv, spec.isImmediate() ? spec.value() : 0);
        return spec;
    }

    private static long[] words(Flow f) {
        long[] w = new long[Flow.N_WORDS];
        for (int i = 0; i < w.length; i++) {
            w[i] = f.word(i);
        }
        return w;
    }

    private static LearnSpec load(String v, ActionContext ctx) {
        int arrow = v.indexOf("->");
        if (arrow < 0) {
            throw new FlowSyntaxException(v + ": missing `->' following value");
        }
        String srcText = v.substring(0, arrow);
        Subfield dst = SetFieldSyntax.subfield(v.substring(arrow + 2), v.substring(arrow + 2));
        BigInteger value = Values.wide(null, srcText);
        if (value != null) {
            if (value.bitLength() > dst.nBits()) {
                throw new FlowSyntaxException(v + ": value " + srcText + " does not fit into " + dst.nBits() + " bits");
            }
            return new LearnSpec(LearnSpec.Kind.LOAD, dst, null, value.longValue(), value.shiftRight(64).longValue());
        }
        Subfield src = SetFieldSyntax.subfield(srcText, v);
        SetFieldSyntax.checkSource(src.field(), ctx);
        return LearnSpec.loadField(dst, src);
    }

    static void format(StringBuilder sb, Learn l) {
        sb.append("learn(table=").append(l.table());
        opt(sb, "idle_timeout", l.idleTimeout());
        opt(sb, "hard_timeout", l.hardTimeout());
        opt(sb, "fin_idle_timeout", l.finIdleTimeout());
        opt(sb, "fin_hard_timeout", l.finHardTimeout());
        if (l.priority() != Learn.DEFAULT_PRIORITY) {
            sb.append(",priority=").append(l.priority());
        }
        if (l.sendFlowRem()) {
            sb.append(",send_flow_rem");
        }
        if (l.deleteLearned()) {
            sb.append(",delete_learned");
        }
        if (l.cookie() != 0) {
            sb.append(",cookie=0x").append(Long.toHexString(l.cookie()));
        }
        opt(sb, "limit", l.limit());
        if (l.resultDst() != null) {
            sb.append(",result_dst=");
            l.resultDst().appendTo(sb);
        }
        for (LearnSpec s : l.specs()) {
            sb.append(',');
            spec(sb, s);
        }
        sb.append(')');
    }

    private static void opt(StringBuilder sb, String name, int v) {
        if (v != 0) {
            sb.append(',').append(name).append('=').append(v);
        }
    }

    private static void spec(StringBuilder sb, LearnSpec s) {
        switch (s.kind()) {
            case MATCH -> {
                if (s.isImmediate()) {
                    if (s.dst().isWholeField()) {
                        Field f = s.dst().field();
                        sb.append(f.ovsName()).append('=').append(f.width() > 64
                                ? ValueText.format(f, s.valueHigh(), s.value()) : ValueText.format(f, s.value()));
                    } else {
                        s.dst().appendTo(sb);
                        sb.append('=').append(ValueText.hex(s.valueHigh(), s.value()));
                    }
                } else if (s.src().equals(s.dst())) {
                    s.dst().appendTo(sb);
                } else {
                    s.dst().appendTo(sb);
                    sb.append('=');
                    s.src().appendTo(sb);
                }
            }
            case LOAD -> {
                sb.append("load:");
                if (s.isImmediate()) {
                    sb.append(ValueText.hex(s.valueHigh(), s.value()));
                } else {
                    s.src().appendTo(sb);
                }
                sb.append("->");
                s.dst().appendTo(sb);
            }
            case OUTPUT -> {
                sb.append("output:");
                s.src().appendTo(sb);
            }
        }
    }
}
