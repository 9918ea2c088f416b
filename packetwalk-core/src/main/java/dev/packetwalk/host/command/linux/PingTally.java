package dev.packetwalk.host.command.linux;

import dev.packetwalk.linux.stack.IcmpSocket;
import dev.packetwalk.net.Clock;
import dev.packetwalk.net.Ipv4;
import dev.packetwalk.net.packet.Icmp;
import dev.packetwalk.net.packet.IcmpQuote;
import dev.packetwalk.net.packet.Ipv4Packet;

import java.util.HashMap;
import java.util.Map;

/** What one ping run sent and got back, printed as iputils does. */
final class PingTally implements IcmpSocket {
    private final PingOptions options;
    private final int dst;
    private final int id;
    private final StringBuilder out;
    private final Clock clock;
    private final Map<Integer, Long> sentAt = new HashMap<>();
    private final Map<Integer, Boolean> answered = new HashMap<>();
    private long start = -1;
    private long lastSend;
    private long transmitted;
    private long received;
    private long errors;
    private long duplicates;
    private long tmin = Long.MAX_VALUE;
    private long tmax;
    private long tsum;
    private long tsum2;
    private int pipe;

    PingTally(PingOptions options, int dst, int id, StringBuilder out, Clock clock) {
        this.options = options;
        this.dst = dst;
        this.id = id;
        this.out = out;
        this.clock = clock;
    }

    int id() {
        return id;
    }

    long received() {
        return received;
    }

    long maxRttNanos() {
        return tmax * 1000;
    }

    void sent(int seq, long now) {
        if (start < 0) {
            start = now;
        }
        lastSend = now;
        sentAt.put(seq, now);
        transmitted++;
    }

    /** iputils' acknowledge(): the pipe is how many were in flight when an answer to {@code seq} came. */
    private void acknowledge(int seq) {
        int diff = (int) ((transmitted - seq) & 0xffff);
        if (diff < 0x8000 && diff >= pipe) {
            pipe = diff + 1;
        }
    }

    boolean done() {
        return options.count() != 0 && received + errors >= options.count();
    }

    boolean errorStop() {
        return options.deadline() > 0 && errors > 0;
    }

    @Override
    public boolean deliver(Ipv4Packet ip, long nowNanos) {
        if (!(ip.payload() instanceof Icmp icmp)) {
            return false;
        }
        if (icmp.type() == Icmp.ECHO_REPLY && icmp.id() == id) {
            reply(ip, icmp, nowNanos);
            return true;
        }
        if (Icmp.isError(icmp.type()) && icmp.body() instanceof IcmpQuote q && q.protocol() == 1
                && q.payloadBytes() >= 8 && q.payloadU8(0) == Icmp.ECHO_REQUEST && q.payloadU16(4) == id) {
            if (icmp.type() == Icmp.REDIRECT || icmp.type() == 4) {
                advice(ip, icmp, q.payloadU16(6));
            } else {
                error(ip, icmp, q.payloadU16(6));
            }
            return true;
        }
        return false;
    }

    private void reply(Ipv4Packet ip, Icmp icmp, long now) {
        int seq = icmp.seq();
        Long at = sentAt.get(seq);
        if (at == null) {
            return;
        }
        acknowledge(seq);
        boolean dup = answered.put(seq, true) != null;
        long us = (now - at) / 1000;
        if (dup) {
            duplicates++;
        } else {
            received++;
            tmin = Math.min(tmin, us);
            tmax = Math.max(tmax, us);
            tsum += us;
            tsum2 += us * us;
        }
        if (!options.quiet()) {
            out.append(icmp.length()).append(" bytes from ").append(Ipv4.format(ip.src())).append(": icmp_seq=")
               .append(seq).append(" ttl=").append(ip.ttl()).append(" time=").append(tripTime(us)).append(" ms")
               .append(dup ? " (DUP!)" : "").append(ip.src() != dst ? " (DIFFERENT ADDRESS!)" : "").append('\n');
        }
    }

    private void error(Ipv4Packet ip, Icmp icmp, int seq) {
        errors++;
        acknowledge(seq);
        if (!options.quiet()) {
            out.append("From ").append(Ipv4.format(ip.src())).append(" icmp_seq=").append(seq).append(' ')
               .append(describe(icmp.type(), icmp.code())).append('\n');
        }
    }

    /** A redirect or source quench: printed (not counted as an error), as iputils' parse_reply does. */
    private void advice(Ipv4Packet ip, Icmp icmp, int seq) {
        if (options.quiet()) {
            return;
        }
        out.append("From ").append(Ipv4.format(ip.src())).append(": icmp_seq=").append(seq).append(' ');
        if (icmp.type() == 4) {
            out.append("Source Quench\n");
            return;
        }
        String[] kinds = {"Redirect Network", "Redirect Host", "Redirect Type of Service and Network",
            "Redirect Type of Service and Host"};
        if (icmp.code() < kinds.length) {
            out.append(kinds[icmp.code()]).append("(New nexthop: ").append(Ipv4.format((int) icmp.rest())).append(")\n");
        } else {
            out.append("Redirect, Bad Code: ").append(icmp.code()).append('\n');
        }
    }

    static String describe(int type, int code) {
        if (type == Icmp.TIME_EXCEEDED) {
            return code == 0 ? "Time to live exceeded" : "Frag reassembly time exceeded";
        }
        if (type == Icmp.UNREACHABLE) {
            String[] names = {"Destination Net Unreachable", "Destination Host Unreachable",
                "Destination Protocol Unreachable", "Destination Port Unreachable", "Frag needed and DF set",
                "Source Route Failed", "Destination Net Unknown", "Destination Host Unknown",
                "Source Host Isolated", "Destination Net Prohibited", "Destination Host Prohibited",
                "Destination Net Unreachable for Type of Service", "Destination Host Unreachable for Type of Service",
                "Packet filtered", "Precedence Violation", "Precedence Cutoff"};
            return code < names.length ? names[code] : "Dest Unreachable, Bad Code: " + code;
        }
        return "Bad ICMP type: " + type;
    }

    /** iputils' precision: 3 decimals under 1 ms, 2 under 10, 1 under 100, none above. */
    static String tripTime(long us) {
        if (us >= 100000 - 50) {
            return Long.toString((us + 500) / 1000);
        }
        if (us >= 10000 - 5) {
            return String.format("%d.%01d", (us + 50) / 1000, ((us + 50) % 1000) / 100);
        }
        if (us >= 1000) {
            return String.format("%d.%02d", (us + 5) / 1000, ((us + 5) % 1000) / 10);
        }
        return String.format("%d.%03d", us / 1000, us % 1000);
    }

    void statistics(String host) {
        out.append('\n').append("--- ").append(host).append(" ping statistics ---\n");
        out.append(transmitted).append(" packets transmitted, ").append(received).append(" received");
        if (duplicates > 0) {
            out.append(", +").append(duplicates).append(" duplicates");
        }
        if (errors > 0) {
            out.append(", +").append(errors).append(" errors");
        }
        if (transmitted > 0) {
            out.append(", ").append(percent((transmitted - received) * 100.0 / transmitted)).append("% packet loss");
            long ms = start < 0 ? 0 : (lastSend - start + 500_000) / 1_000_000;
            out.append(", time ").append(ms).append("ms");
        }
        out.append('\n');
        String comma = "";
        if (received > 0) {
            long avg = tsum / received;
            long mdev = (long) Math.sqrt(Math.max(0, tsum2 / received - avg * avg));
            out.append("rtt min/avg/max/mdev = ").append(ms3(tmin)).append('/').append(ms3(avg)).append('/')
               .append(ms3(tmax)).append('/').append(ms3(mdev)).append(" ms");
            comma = ", ";
        }
        if (pipe > 1) {
            out.append(comma).append("pipe ").append(pipe);
        }
        out.append('\n');
    }

    private static String ms3(long us) {
        return String.format("%d.%03d", us / 1000, us % 1000);
    }

    /** C's %g: six significant digits, trailing zeros removed. */
    static String percent(double v) {
        if (v == Math.rint(v)) {
            return Long.toString((long) v);
        }
        String s = new java.math.BigDecimal(v).round(new java.math.MathContext(6)).stripTrailingZeros().toPlainString();
        return s;
    }

    int status() {
        if (received == 0) {
            return 1;
        }
        return options.deadline() > 0 && options.count() > 0 && received < options.count() ? 1 : 0;
    }
}
