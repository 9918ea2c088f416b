package dev.packetwalk.net.packet;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;

import net.jqwik.api.RandomGenerator;

/** Deterministic traffic for differential tests: generated frames of all kinds mixed with TCP conversations. */
public final class SampleTraffic {
    private SampleTraffic() {
    }

    public static List<Frame> mixed(Random random, int n) {
        RandomGenerator<Frame> gen = FrameArbitraries.frames().generator(1000);
        List<Frame> out = new ArrayList<>(n);
        while (out.size() < n) {
            if (random.nextInt(10) == 0) {
                out.addAll(conversation(random));
            } else {
                out.add(gen.next(random).value());
            }
        }
        return out;
    }

    /** A TCP exchange between two hosts: handshake, data both ways, FIN, possibly inside VXLAN. */
    public static List<Frame> conversation(Random r) {
        long ma = 0xfa163e000000L | r.nextInt(0xffffff);
        long mb = 0xfa163e000000L | r.nextInt(0xffffff);
        int a = 0x0a000000 | (r.nextInt(254) + 1);
        int b = 0x0a000000 | (r.nextInt(254) + 1);
        int pa = 33000 + r.nextInt(7000);
        int pb = r.nextBoolean() ? 22 : 33000 + r.nextInt(7000);
        long sa = r.nextInt() & 0xffff_ffffL;
        long sb = r.nextInt() & 0xffff_ffffL;
        List<Tcp> segs = new ArrayList<>();
        List<Boolean> fromA = new ArrayList<>();
        segs.add(Tcp.of(pa, pb, sa, 0, Tcp.SYN));
        fromA.add(true);
        segs.add(Tcp.of(pb, pa, sb, sa + 1 & 0xffff_ffffL, Tcp.SYN | Tcp.ACK));
        fromA.add(false);
        long na = sa + 1;
        long nb = sb + 1;
        for (int i = r.nextInt(4); i >= 0; i--) {
            boolean dirA = r.nextBoolean();
            int len = r.nextInt(100);
            long seq = (dirA ? na : nb) & 0xffff_ffffL;
            long ack = (dirA ? nb : na) & 0xffff_ffffL;
            segs.add(new Tcp(dirA ? pa : pb, dirA ? pb : pa, seq, ack, Tcp.PSH | Tcp.ACK, 502, 0, Data.pattern(len)));
            fromA.add(dirA);
            if (dirA) {
                na += len;
            } else {
                nb += len;
            }
        }
        segs.add(new Tcp(pa, pb, na & 0xffff_ffffL, nb & 0xffff_ffffL, Tcp.FIN | Tcp.ACK, 502, 0, Data.EMPTY));
        fromA.add(true);
        boolean vxlan = r.nextInt(3) == 0;
        int vni = r.nextInt(0xffffff) + 1;
        List<Frame> out = new ArrayList<>();
        for (int i = 0; i < segs.size(); i++) {
            boolean dirA = fromA.get(i);
            Frame f = Frame.of(dirA ? mb : ma, dirA ? ma : mb, Ipv4Packet.of(dirA ? a : b, dirA ? b : a, segs.get(i)));
            if (vxlan) {
                f = Frame.of(0xfa163e112233L, 0xfa163e445566L,
                        Ipv4Packet.of(0xc0a80001, 0xc0a80002, Udp.vxlan(40000 + i, Vxlan.of(vni, f))));
            }
            out.add(f);
        }
        return out;
    }
}
