package dev.packetwalk.net.tcpdump;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.Set;
import java.util.TreeSet;

import org.junit.jupiter.api.Assumptions;

import net.jqwik.api.Example;
import net.jqwik.api.lifecycle.BeforeContainer;

import dev.packetwalk.net.Ipv4;
import dev.packetwalk.net.MacAddress;
import dev.packetwalk.net.packet.Frame;
import dev.packetwalk.net.packet.Ipv4Packet;
import dev.packetwalk.net.packet.SampleTraffic;
import dev.packetwalk.net.packet.Udp;
import dev.packetwalk.net.packet.Vxlan;

/** The real tcpdump and {@link TcpdumpFilter} must select the same frames of one pcap for each expression. */
class TcpdumpFilterDifferentialTest {
    private static List<Frame> frames;
    private static long[] times;
    private static Path pcap;

    @BeforeContainer
    static void capture() throws Exception {
        Assumptions.assumeTrue(RealTcpdump.unavailable() == null, RealTcpdump.unavailable());
        frames = SampleTraffic.mixed(new Random(99), 500);
        times = new long[frames.size()];
        for (int i = 0; i < times.length; i++) {
            times[i] = (i + 1) * 1_000_000L;
        }
        pcap = RealTcpdump.pcap(frames, times);
    }

    private static Set<Integer> realSelection(String expr) throws Exception {
        Set<Integer> picked = new TreeSet<>();
        for (String line : RealTcpdump.read(pcap, List.of("-n", expr))) {
            if (line.length() > 15 && line.charAt(2) == ':' && line.charAt(8) == '.') {
                long micros = Long.parseLong(line.substring(0, 2)) * 3600_000_000L + Long.parseLong(line.substring(3, 5))
                        * 60_000_000L + Long.parseLong(line.substring(6, 8)) * 1_000_000L + Long.parseLong(line.substring(9, 15));
                picked.add((int) (micros / 1000) - 1);
            }
        }
        return picked;
    }

    private static Set<Integer> ourSelection(String expr) {
        TcpdumpFilter f = TcpdumpFilter.parse(expr);
        Set<Integer> picked = new TreeSet<>();
        for (int i = 0; i < frames.size(); i++) {
            if (f.matches(frames.get(i))) {
                picked.add(i);
            }
        }
        return picked;
    }

    private List<String> expressions() {
        Random r = new Random(5);
        List<String> hosts = new ArrayList<>();
        List<String> macs = new ArrayList<>();
        List<String> vids = new ArrayList<>();
        for (Frame f : frames) {
            macs.add(MacAddress.format(f.src()));
            if (!f.vlans().isEmpty()) {
                vids.add(String.valueOf(f.vlans().get(0).vid()));
            }
            Ipv4Packet ip = f.ipv4();
            if (ip != null) {
                hosts.add(Ipv4.format(ip.src()));
                hosts.add(Ipv4.format(ip.dst()));
            }
        }
        String h1 = hosts.get(r.nextInt(hosts.size()));
        String h2 = hosts.get(r.nextInt(hosts.size()));
        String m1 = macs.get(r.nextInt(macs.size()));
        String v1 = vids.get(r.nextInt(vids.size()));
        List<String> base = new ArrayList<>(List.of("icmp", "arp", "tcp", "udp", "ip", "vlan", "vlan " + v1,
                "tcp port 22", "port 22", "udp port 4789", "port 4789", "host " + h1, "src host " + h1, "dst host " + h2,
                "ether host " + m1, "ether src " + m1, "ether dst ff:ff:ff:ff:ff:ff", "ether broadcast", "broadcast",
                "icmp or arp", "not icmp", "tcp and not port 22", "(tcp or udp) and host " + h1,
                "host " + h2 + " and (icmp or arp)", "vlan and icmp", "vlan or icmp", "icmp and vlan", "not vlan",
                "vlan and vlan and tcp", "net 10.0.0.0/24", "src net 172.19.1.0/24", "dst net 10.0.0.0 mask 255.255.255.0",
                "greater 100", "less 60", "tcp[tcpflags] & tcp-syn != 0", "tcp[13] & 0x12 = 0x12",
                "icmp[icmptype] == icmp-echo", "icmp[0] = 8", "icmp[icmptype] != icmp-echo and icmp[icmptype] != icmp-echoreply",
                "port 22 or 9999", "host " + h1 + " or " + h2, "src or dst host " + h1, "src and dst net 10.0.0.0/8",
                "portrange 33000-34000", "udp portrange 33000-36000", "ether proto 0x0806", "ip proto 1", "proto 17",
                "tcp port ssh", "arp and host " + h1, "ip host " + h1, "not (icmp or arp) and not tcp",
                "icmp or arp and vlan", "! arp && ! icmp", "udp dst port 4789 and vlan", "tcp src port 22",
                "ether multicast", "arp host " + h2, "ip[8] < 64", "udp[4:2] > 100", "ether[12:2] = 0x8100"));
        String[] prims = {"icmp", "arp", "tcp", "udp", "vlan", "port 22", "host " + h1, "host " + h2, "ether host " + m1,
            "net 10.0.0.0/8", "tcp port 33500", "greater 90", "src port 9999", "udp port 4789"};
        for (int i = 0; i < 60; i++) {
            String a = prims[r.nextInt(prims.length)];
            String b = prims[r.nextInt(prims.length)];
            String c = prims[r.nextInt(prims.length)];
            String op1 = r.nextBoolean() ? " and " : " or ";
            String op2 = r.nextBoolean() ? " and " : " or ";
            String neg = r.nextInt(3) == 0 ? "not " : "";
            base.add(r.nextBoolean() ? neg + "(" + a + op1 + b + ")" + op2 + c : a + op1 + neg + b + op2 + c);
        }
        return base;
    }

    @Example
    void selectsTheSameFramesAsRealTcpdump() throws Exception {
        List<String> exprs = expressions();
        List<String> diffs = new ArrayList<>();
        int nonTrivial = 0;
        for (String e : exprs) {
            Set<Integer> real = realSelection(e);
            Set<Integer> ours = ourSelection(e);
            if (!real.isEmpty() && real.size() < frames.size()) {
                nonTrivial++;
            }
            if (!real.equals(ours)) {
                Set<Integer> onlyReal = new TreeSet<>(real);
                onlyReal.removeAll(ours);
                Set<Integer> onlyOurs = new TreeSet<>(ours);
                onlyOurs.removeAll(real);
                diffs.add(e + ": only real " + onlyReal + ", only ours " + onlyOurs);
            }
        }
        System.out.printf("filters: %d expressions over %d frames, %d agree, %d select a proper non-empty subset%n",
                exprs.size(), frames.size(), exprs.size() - diffs.size(), nonTrivial);
        assertThat(diffs).isEmpty();
        assertThat(nonTrivial).isGreaterThan(exprs.size() / 2);
    }

    @Example
    void vxlanInnerFramesAreNotLookedInto() {
        Frame inner = frames.stream().filter(f -> f.ipv4() != null).findFirst().orElseThrow();
        Frame outer = Frame.of(1, 2, Ipv4Packet.of(0x0a000001, 0x0a000002, Udp.vxlan(40000, Vxlan.of(90, inner))));
        assertThat(TcpdumpFilter.parse("udp port 4789").matches(outer)).isTrue();
        assertThat(TcpdumpFilter.parse("host " + Ipv4.format(inner.ipv4().src())).matches(outer))
                .isEqualTo(inner.ipv4().src() == 0x0a000001 || inner.ipv4().src() == 0x0a000002);
    }

    @Example
    void rejectsWhatTcpdumpRejectsWithItsMessages() throws Exception {
        for (String bad : List.of("tcp port", "(icmp", "icmp)", "and", "host", "port 99999", "host 10.0.0.300",
                "host nosuchhost", "ether host zz", "vlan 5000", "net 10.0.0.1/8", "tcp port 22 or", "not", "icmp[0] = ")) {
            String real = RealTcpdump.error(pcap, List.of("-n", bad));
            assertThat(real).as(bad).startsWith("tcpdump: ");
            assertThatThrownBy(() -> TcpdumpFilter.parse(bad)).as(bad).isInstanceOf(FilterSyntaxException.class)
                    .hasMessage(real.substring("tcpdump: ".length()));
        }
    }
}
