package dev.packetwalk.ovs.action;

import dev.packetwalk.ovs.flow.Subfield;

/**
 * One spec of a learn action, executable on a packet:
 * <ul>
 * <li>{@link Kind#MATCH}: the learned flow matches {@code dst} against {@code src} of the current
 * packet, or against the immediate {@code value} when {@code src} is null.</li>
 * <li>{@link Kind#LOAD}: the learned flow gets {@code load:} of src (or value) into dst.</li>
 * <li>{@link Kind#OUTPUT}: the learned flow gets {@code output:} to the port read from src; dst is null.</li>
 * </ul>
 * Immediate values wider than 64 bits keep their high half in {@code valueHigh}.
 */
public record LearnSpec(Kind kind, Subfield dst, Subfield src, long value, long valueHigh) {
    public enum Kind { MATCH, LOAD, OUTPUT }

    public static LearnSpec matchField(Subfield dst, Subfield src) {
        return new LearnSpec(Kind.MATCH, dst, src, 0, 0);
    }

    public static LearnSpec matchValue(Subfield dst, long value) {
        return new LearnSpec(Kind.MATCH, dst, null, value, 0);
    }

    public static LearnSpec loadField(Subfield dst, Subfield src) {
        return new LearnSpec(Kind.LOAD, dst, src, 0, 0);
    }

    public static LearnSpec loadValue(Subfield dst, long value) {
        return new LearnSpec(Kind.LOAD, dst, null, value, 0);
    }

    public static LearnSpec output(Subfield src) {
        return new LearnSpec(Kind.OUTPUT, null, src, 0, 0);
    }

    public boolean isImmediate() {
        return src == null;
    }
}
