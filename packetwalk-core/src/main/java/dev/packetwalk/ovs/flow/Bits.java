package dev.packetwalk.ovs.flow;

/** Bit-range reads and writes over a field's words (no allocation). */
final class Bits {
    private Bits() {
    }

    static long ones(int n) {
        return n >= 64 ? -1L : (1L << n) - 1;
    }

    /** Reads n (1..64) bits at field bit ofs. */
    static long read(long[] w, Field f, int ofs, int n) {
        if (!f.isWide()) {
            int stored = f.storedBits();
            if (ofs >= stored) {
                return 0;
            }
            return (w[f.word()] >>> (f.shift() + ofs)) & ones(Math.min(n, stored - ofs));
        }
        int lo = f.word() + 1;
        int hi = f.word();
        if (ofs >= 64) {
            return (w[hi] >>> (ofs - 64)) & ones(n);
        }
        if (ofs + n <= 64) {
            return (w[lo] >>> ofs) & ones(n);
        }
        long low = w[lo] >>> ofs;
        long high = w[hi] << (64 - ofs);
        return (low | high) & ones(n);
    }

    /** Writes the low n (1..64) bits of value at field bit ofs. */
    static void write(long[] w, Field f, int ofs, int n, long value) {
        if (!f.isWide()) {
            int stored = f.storedBits();
            if (ofs >= stored) {
                return;
            }
            int k = Math.min(n, stored - ofs);
            int at = f.shift() + ofs;
            long m = ones(k) << at;
            w[f.word()] = (w[f.word()] & ~m) | ((value << at) & m);
            return;
        }
        int lo = f.word() + 1;
        int hi = f.word();
        if (ofs >= 64) {
            long m = ones(n) << (ofs - 64);
            w[hi] = (w[hi] & ~m) | ((value << (ofs - 64)) & m);
            return;
        }
        int nLow = Math.min(n, 64 - ofs);
        long m = ones(nLow) << ofs;
        w[lo] = (w[lo] & ~m) | ((value << ofs) & m);
        if (n > nLow) {
            int nHigh = n - nLow;
            long mh = ones(nHigh);
            w[hi] = (w[hi] & ~mh) | ((value >>> nLow) & mh);
        }
    }
}
