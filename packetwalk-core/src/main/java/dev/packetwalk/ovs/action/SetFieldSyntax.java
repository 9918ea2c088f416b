package dev.packetwalk.ovs.action;

import java.math.BigInteger;
import java.util.List;

import dev.packetwalk.ovs.flow.Field;
import dev.packetwalk.ovs.flow.Flow;
import dev.packetwalk.ovs.flow.FlowSyntaxException;
import dev.packetwalk.ovs.flow.LogLine;
import dev.packetwalk.ovs.flow.Match;
import dev.packetwalk.ovs.flow.Subfield;

/** {@code set_field}, {@code load} and {@code move}: field writes and their checks. */
final class SetFieldSyntax {
    private static final String INCONSISTENT = "actions are invalid with specified match (OFPBAC_MATCH_INCONSISTENT)";

    private SetFieldSyntax() {
    }

    /** Parses a subfield; errors are prefixed with {@code context: }. */
    static Subfield subfield(String text, String context) {
        try {
            return Subfield.parse(text);
        } catch (IllegalArgumentException e) {
            throw new FlowSyntaxException(context + ": " + e.getMessage());
        }
    }

    static Action setField(String v, ActionContext ctx, boolean inCt) {
        int arrow = v.indexOf("->");
        if (arrow < 0) {
            throw new FlowSyntaxException(v + ": missing `->'");
        }
        String valueText = v.substring(0, arrow);
        String name = v.substring(arrow + 2);
        Field f = Field.byName(name);
        if (f == null) {
            throw new FlowSyntaxException(name + " is not a valid OXM field name");
        }
        int slash = valueText.indexOf('/');
        Long value = Values.fieldValue(f, slash < 0 ? valueText : valueText.substring(0, slash));
        Long mask = slash < 0 ? Long.valueOf(ones(f)) : Values.fieldValue(f, valueText.substring(slash + 1));
        if (value == null || mask == null) {
            throw new FlowSyntaxException(valueText + ": bad syntax for " + f.ovsName() + " value");
        }
        checkCt(f, inCt);
        if (f == Field.VLAN_VID) {
            return new Action.SetField(f, value, mask);
        }
        return new Action.SetField(f, value & mask, mask);
    }

    /** set_field's prerequisite check (after the protocol check, as in OVS). */
    static void checkSetField(Field f, boolean vlanPresent, ActionContext ctx) {
        boolean ok = f == Field.VLAN_VID || f == Field.VLAN_PCP ? vlanPresent
                : f.prereq().isMet(flow(ctx.match(), true), flow(ctx.match(), false));
        if (!ok) {
            ctx.log().add(LogLine.warn("ofp_actions", "set_field " + f.ovsName() + " lacks correct prerequisites"));
            throw new FlowSyntaxException(INCONSISTENT, List.of(), null);
        }
    }

    static long ones(Field f) {
        return f.width() >= 64 ? -1L : (1L << f.width()) - 1;
    }

    private static void checkCt(Field f, boolean inCt) {
        if (!inCt && (f == Field.CT_MARK)) {
            throw new FlowSyntaxException("cannot set CT fields outside of ct action");
        }
    }

    /**
     * {@code load} or {@code set_field} into more than 64 bits (xxreg, IPv6 addresses): OVS keeps
     * one field write and prints it as one {@code load} per run of at most 64 mask bits
     * ({@code next_load_segment}); these are those loads. Null when the write is not that wide.
     */
    static List<Action> wideWrite(String key, String v) {
        int arrow = v == null ? -1 : v.indexOf("->");
        if (arrow < 0) {
            return null;
        }
        String valueText = v.substring(0, arrow);
        String target = v.substring(arrow + 2);
        if (key.equals("load")) {
            Subfield dst;
            try {
                dst = Subfield.parse(target);
            } catch (IllegalArgumentException e) {
                return null;
            }
            if (dst.nBits() <= 64) {
                return null;
            }
            BigInteger value = Values.wide(null, valueText);
            if (value == null) {
                throw new FlowSyntaxException(v + ": cannot parse integer value");
            }
            if (value.bitLength() > dst.nBits()) {
                throw new FlowSyntaxException(v + ": value " + valueText + " does not fit into " + dst.nBits() + " bits");
            }
            BigInteger mask = BigInteger.ONE.shiftLeft(dst.nBits()).subtract(BigInteger.ONE);
            return segments(dst.field(), value.shiftLeft(dst.offset()), mask.shiftLeft(dst.offset()));
        }
        Field f = Field.byName(target);
        if (f == null || f.width() <= 64) {
            return null;
        }
        int slash = valueText.indexOf('/');
        BigInteger value = Values.wide(f, slash < 0 ? valueText : valueText.substring(0, slash));
        BigInteger mask = slash < 0 ? BigInteger.ONE.shiftLeft(f.width()).subtract(BigInteger.ONE)
                : Values.wide(f, valueText.substring(slash + 1));
        if (value == null || mask == null) {
            throw new FlowSyntaxException(valueText + ": bad syntax for " + f.ovsName() + " value");
        }
        return segments(f, value.and(mask), mask);
    }

    /** Loads of value into f, one per run of at most 64 set bits of mask ({@code next_load_segment}). */
    static List<Action> segments(Field f, BigInteger value, BigInteger mask) {
        List<Action> out = new java.util.ArrayList<>();
        int pos = 0;
        while (pos < f.width()) {
            int start = pos;
            while (start < f.width() && !mask.testBit(start)) {
                start++;
            }
            if (start >= f.width()) {
                break;
            }
            int end = start + 1;
            while (end < Math.min(start + 64, f.width()) && mask.testBit(end)) {
                end++;
            }
            long bits = value.shiftRight(start).and(BigInteger.ONE.shiftLeft(end - start).subtract(BigInteger.ONE))
                    .longValue();
            out.add(new Action.Load(new Subfield(f, start, end - start), bits));
            pos = end;
        }
        return out;
    }

    static Action load(String v, boolean inCt) {
        int arrow = v.indexOf("->");
        if (arrow < 0) {
            throw new FlowSyntaxException(v + ": missing `->' following value");
        }
        String valueText = v.substring(0, arrow);
        Subfield dst = subfield(v.substring(arrow + 2), v.substring(arrow + 2));
        Long value = Values.number(valueText);
        if (value == null) {
            throw new FlowSyntaxException(v + ": cannot parse integer value");
        }
        if (!Values.fits(value, dst.nBits())) {
            throw new FlowSyntaxException(v + ": value " + valueText + " does not fit into " + dst.nBits() + " bits");
        }
        checkCt(dst.field(), inCt);
        return new Action.Load(dst, value);
    }

    static Action move(String v, ActionContext ctx) {
        int arrow = v.indexOf("->");
        if (arrow < 0) {
            throw new FlowSyntaxException(v + ": missing `->' following source");
        }
        Subfield src = subfield(v.substring(0, arrow), v);
        Subfield dst = subfield(v.substring(arrow + 2), v);
        if (src.nBits() != dst.nBits()) {
            throw new FlowSyntaxException(v + ": source field is " + src.nBits()
                    + " bits wide but destination is " + dst.nBits() + " bits wide");
        }
        checkSource(src.field(), ctx);
        return new Action.Move(src, dst);
    }

    /** {@code mf_check_src}: a source field needs its prerequisites in the flow's match. */
    static void checkSource(Field f, ActionContext ctx) {
        checkSource(f, ctx.match(), ctx);
    }

    static void checkSource(Field f, Match against, ActionContext ctx) {
        if (!f.prereq().isMet(flow(against, true), flow(against, false))) {
            ctx.log().add(LogLine.warn("meta_flow", "source field " + f.ovsName() + " lacks correct prerequisites"));
            throw new FlowSyntaxException(INCONSISTENT, List.of(), null);
        }
    }

    /** The match's value (or mask) as a Flow, for prerequisite checks. */
    static Flow flow(Match m, boolean value) {
        Flow f = new Flow();
        for (int i = 0; i < Flow.N_WORDS; i++) {
            f.setWord(i, value ? m.value(i) : m.mask(i));
        }
        return f;
    }
}
