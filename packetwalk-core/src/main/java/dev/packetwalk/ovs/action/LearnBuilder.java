package dev.packetwalk.ovs.action;

import java.util.ArrayList;
import java.util.List;

import dev.packetwalk.ovs.flow.Subfield;

/**
 * A typed {@code learn(...)} action, spec by spec in the order the text lists them: br-tun's
 * table 10 learns {@code NXM_OF_VLAN_TCI[0..11]}, {@code NXM_OF_ETH_DST[]=NXM_OF_ETH_SRC[]},
 * {@code load:0->NXM_OF_VLAN_TCI[]}, {@code load:NXM_NX_TUN_ID[]->NXM_NX_TUN_ID[]} and
 * {@code output:NXM_OF_IN_PORT[]} with {@link #matchField(Subfield)}, {@link #matchField(Subfield, Subfield)},
 * {@link #loadValue}, {@link #loadField} and {@link #output}.
 */
public final class LearnBuilder {
    private int table = Learn.DEFAULT_TABLE;
    private int idleTimeout;
    private int hardTimeout;
    private int finIdleTimeout;
    private int finHardTimeout;
    private int priority = Learn.DEFAULT_PRIORITY;
    private long cookie;
    private boolean sendFlowRem;
    private boolean deleteLearned;
    private int limit;
    private Subfield resultDst;
    private final List<LearnSpec> specs = new ArrayList<>();

    LearnBuilder() {
    }

    /** The table the learned flow goes to, 0..254 (1 when not given). */
    public LearnBuilder table(int id) {
        table = range(id, 254, "table");
        return this;
    }

    public LearnBuilder idleTimeout(int seconds) {
        idleTimeout = range(seconds, 0xffff, "idle_timeout");
        return this;
    }

    public LearnBuilder hardTimeout(int seconds) {
        hardTimeout = range(seconds, 0xffff, "hard_timeout");
        return this;
    }

    public LearnBuilder finIdleTimeout(int seconds) {
        finIdleTimeout = range(seconds, 0xffff, "fin_idle_timeout");
        return this;
    }

    public LearnBuilder finHardTimeout(int seconds) {
        finHardTimeout = range(seconds, 0xffff, "fin_hard_timeout");
        return this;
    }

    /** The learned flow's priority, 0..65535 (32768 when not given). */
    public LearnBuilder priority(int value) {
        priority = range(value, 0xffff, "priority");
        return this;
    }

    public LearnBuilder cookie(long value) {
        cookie = value;
        return this;
    }

    public LearnBuilder sendFlowRem() {
        sendFlowRem = true;
        return this;
    }

    public LearnBuilder deleteLearned() {
        deleteLearned = true;
        return this;
    }

    /** At most this many learned flows (0: no limit). */
    public LearnBuilder limit(int flows) {
        limit = range(flows, Integer.MAX_VALUE, "limit");
        return this;
    }

    public LearnBuilder resultDst(Subfield dst) {
        resultDst = dst;
        return this;
    }

    /** {@code FIELD[range]}: the learned flow matches the field as this packet has it. */
    public LearnBuilder matchField(Subfield field) {
        return matchField(field, field);
    }

    /** {@code DST=SRC}: the learned flow matches dst against this packet's src (equal widths). */
    public LearnBuilder matchField(Subfield dst, Subfield src) {
        sameWidth(dst, src);
        specs.add(LearnSpec.matchField(dst, src));
        return this;
    }

    /** {@code DST=VALUE}: the learned flow matches dst against a constant. */
    public LearnBuilder matchValue(Subfield dst, long value) {
        fits(dst, value);
        specs.add(LearnSpec.matchValue(dst, value));
        return this;
    }

    /** {@code load:VALUE->DST} in the learned flow. */
    public LearnBuilder loadValue(Subfield dst, long value) {
        fits(dst, value);
        specs.add(LearnSpec.loadValue(dst, value));
        return this;
    }

    /** {@code load:SRC->DST} in the learned flow, with src read from this packet (equal widths). */
    public LearnBuilder loadField(Subfield dst, Subfield src) {
        sameWidth(dst, src);
        specs.add(LearnSpec.loadField(dst, src));
        return this;
    }

    /** {@code output:SRC}: the learned flow outputs to the port this packet has in src. */
    public LearnBuilder output(Subfield src) {
        specs.add(LearnSpec.output(java.util.Objects.requireNonNull(src, "output source")));
        return this;
    }

    public Learn build() {
        return new Learn(table, idleTimeout, hardTimeout, finIdleTimeout, finHardTimeout, priority, cookie,
                sendFlowRem, deleteLearned, limit, resultDst, specs);
    }

    private static void sameWidth(Subfield dst, Subfield src) {
        if (dst == null || src == null) {
            throw new IllegalArgumentException("learn spec needs a source and a destination");
        }
        if (dst.nBits() != src.nBits()) {
            throw new IllegalArgumentException("source field is " + src.nBits() + " bits wide but destination is "
                    + dst.nBits() + " bits wide");
        }
    }

    private static void fits(Subfield dst, long value) {
        if (dst == null) {
            throw new IllegalArgumentException("learn spec needs a destination");
        }
        if (dst.nBits() < 64 && value >>> dst.nBits() != 0) {
            throw new IllegalArgumentException("value 0x" + Long.toHexString(value) + " does not fit into "
                    + dst.nBits() + " bits");
        }
    }

    private static int range(int v, int max, String what) {
        if (v < 0 || v > max) {
            throw new IllegalArgumentException(what + " " + v + " is out of range 0.." + max);
        }
        return v;
    }
}
