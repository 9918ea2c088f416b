package dev.packetwalk.ovs.flow;

/**
 * A bit range of a field, as in {@code NXM_NX_REG0[0..15]}: the operand of load, move,
 * output:FIELD, learn and multipath. Bit 0 is the field's least significant bit.
 */
public record Subfield(Field field, int offset, int nBits) {
    public Subfield {
        if (field == null || offset < 0 || nBits < 1 || offset + nBits > field.width()) {
            throw new IllegalArgumentException("bad subfield " + field + "[" + offset + "+" + nBits + "]");
        }
    }

    /** The whole field. */
    public static Subfield of(Field field) {
        return new Subfield(field, 0, field.width());
    }

    public boolean isWholeField() {
        return offset == 0 && nBits == field.width();
    }

    /** The value of the range (ranges up to 64 bits). */
    public long get(Flow flow) {
        return Bits.read(flow.w, field, offset, Math.min(nBits, 64));
    }

    /** Writes the low bits of {@code value} into the range (ranges up to 64 bits). */
    public void set(Flow flow, long value) {
        Bits.write(flow.w, field, offset, Math.min(nBits, 64), value);
    }

    /** Copies this range of {@code from} into {@code dst} of {@code to} (equal widths, any size). */
    public void copyTo(Flow from, Subfield dst, Flow to) {
        int done = 0;
        while (done < nBits) {
            int n = Math.min(64, nBits - done);
            long v = Bits.read(from.w, field, offset + done, n);
            Bits.write(to.w, dst.field, dst.offset + done, n, v);
            done += n;
        }
    }

    /** {@code NXM_NX_REG0[]}, {@code NXM_NX_REG0[0..15]} or {@code NXM_NX_REG0[3]}. */
    public String format() {
        StringBuilder sb = new StringBuilder();
        appendTo(sb);
        return sb.toString();
    }

    public void appendTo(StringBuilder sb) {
        sb.append(field.subfieldName()).append('[');
        if (!isWholeField()) {
            sb.append(offset);
            if (nBits > 1) {
                sb.append("..").append(offset + nBits - 1);
            }
        }
        sb.append(']');
    }

    /**
     * Parses {@code NAME}, {@code NAME[]}, {@code NAME[b]} or {@code NAME[a..b]}.
     *
     * @throws IllegalArgumentException with OVS's message (without the argument prefix)
     */
    public static Subfield parse(String text) {
        int br = text.indexOf('[');
        String name = br < 0 ? text : text.substring(0, br);
        Field f = Field.byName(name);
        if (f == null) {
            throw new IllegalArgumentException("unknown field `" + name + "'");
        }
        if (br < 0) {
            return of(f);
        }
        String range = text.substring(br + 1);
        if (!range.endsWith("]")) {
            throw syntax();
        }
        range = range.substring(0, range.length() - 1);
        if (range.isEmpty()) {
            return of(f);
        }
        int dots = range.indexOf("..");
        int start = parseBit(dots < 0 ? range : range.substring(0, dots));
        int end = dots < 0 ? start : parseBit(range.substring(dots + 2));
        if (start >= f.width()) {
            throw new IllegalArgumentException("starting bit " + start
                    + " is not valid because field is only " + f.width() + " bits wide");
        }
        if (end >= f.width()) {
            throw new IllegalArgumentException("ending bit " + end
                    + " is not valid because field is only " + f.width() + " bits wide");
        }
        if (start > end) {
            throw new IllegalArgumentException("starting bit " + start + " is after ending bit " + end);
        }
        return new Subfield(f, start, end - start + 1);
    }

    private static int parseBit(String s) {
        if (s.isEmpty() || s.length() > 4) {
            throw syntax();
        }
        for (int i = 0; i < s.length(); i++) {
            if (!Character.isDigit(s.charAt(i))) {
                throw syntax();
            }
        }
        return Integer.parseInt(s);
    }

    private static IllegalArgumentException syntax() {
        return new IllegalArgumentException("syntax error expecting [] or [<bit>] or [<start>..<end>]");
    }

    @Override
    public String toString() {
        return format();
    }
}
