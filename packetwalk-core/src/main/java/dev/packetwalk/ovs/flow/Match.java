package dev.packetwalk.ovs.flow;

import java.util.Arrays;

/**
 * An immutable OpenFlow match: a value and a mask over the {@link Flow} words. The value is
 * always ANDed with the mask, so equal matches are equal objects. Text parsing and printing
 * (OVS's canonical order and normalisations) live in {@link MatchText}.
 */
public final class Match {
    public static final Match CATCH_ALL = new Match(new long[Flow.N_WORDS], new long[Flow.N_WORDS]);

    private final long[] value;
    private final long[] mask;
    private final int hash;

    private Match(long[] value, long[] mask) {
        this.value = value;
        this.mask = mask;
        this.hash = 31 * Arrays.hashCode(value) + Arrays.hashCode(mask);
    }

    /**
     * A typed builder, field by field as the Neutron agent writes matches:
     * {@code Match.builder().inPort(2).dlSrc(mac).build()} equals the text {@code in_port=2,dl_src=...}.
     */
    public static MatchFields builder() {
        return new MatchFields();
    }

    /** Builds a match from (copies of) the arrays; the value is masked. */
    public static Match of(long[] value, long[] mask) {
        if (value.length != Flow.N_WORDS || mask.length != Flow.N_WORDS) {
            throw new IllegalArgumentException("match needs " + Flow.N_WORDS + " words");
        }
        long[] v = new long[Flow.N_WORDS];
        long[] m = mask.clone();
        for (int i = 0; i < Flow.N_WORDS; i++) {
            v[i] = value[i] & m[i];
        }
        return new Match(v, m);
    }

    public long value(int word) {
        return value[word];
    }

    public long mask(int word) {
        return mask[word];
    }

    /** The unsigned value of a field part (see {@link Flow#get}). */
    public long value(int word, int shift, int width) {
        long v = value[word] >>> shift;
        return width == 64 ? v : v & ((1L << width) - 1);
    }

    public long mask(int word, int shift, int width) {
        long v = mask[word] >>> shift;
        return width == 64 ? v : v & ((1L << width) - 1);
    }

    public long[] valueWords() {
        return value.clone();
    }

    public long[] maskWords() {
        return mask.clone();
    }

    public boolean isCatchAll() {
        for (long m : mask) {
            if (m != 0) {
                return false;
            }
        }
        return true;
    }

    public boolean matches(Flow flow) {
        for (int i = 0; i < Flow.N_WORDS; i++) {
            if ((flow.w[i] & mask[i]) != value[i]) {
                return false;
            }
        }
        return true;
    }

    /** True when every packet this match accepts is also accepted by {@code other}. */
    public boolean isSubsetOf(Match other) {
        for (int i = 0; i < Flow.N_WORDS; i++) {
            long om = other.mask[i];
            if ((mask[i] & om) != om || (value[i] & om) != other.value[i]) {
                return false;
            }
        }
        return true;
    }

    /** Same mask as another match (the classifier's subtable key). */
    public boolean sameMask(Match other) {
        return Arrays.equals(mask, other.mask);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Match m && hash == m.hash && Arrays.equals(value, m.value)
                && Arrays.equals(mask, m.mask);
    }

    @Override
    public int hashCode() {
        return hash;
    }

    @Override
    public String toString() {
        return "Match{value=" + Arrays.toString(value) + ", mask=" + Arrays.toString(mask) + "}";
    }
}
