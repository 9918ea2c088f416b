package dev.packetwalk.linux.ipset;

import dev.packetwalk.net.Clock;
import dev.packetwalk.net.Ipv4;
import dev.packetwalk.net.Ipv6;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The typed ipset API: Neutron's NIPv4/NIPv6 sets made, filled, rebuilt and swapped without command words. */
class IpSetsTest {
    private static final String V4 = "NIPv45f3c2b1a-8d7e-4c6b-9a0f-";
    private static final String V6 = "NIPv65f3c2b1a-8d7e-4c6b-9a0f-";

    private final Clock clock = new Clock();
    private final IpSets sets = new IpSets(clock);

    private static Entry v6(String text, int prefix) {
        long[] a = Ipv6.parse(text);
        return Entry.inet6(a[0], a[1], prefix);
    }

    @Test
    void neutronsSetsAreMadeFilledAndSwappedTyped() {
        IpSet v4 = sets.create(V4, IpSetType.HASH_NET, IpSetFamily.INET);
        IpSet v6 = sets.create(V6, IpSetType.HASH_NET, IpSetFamily.INET6);
        v4.add(Entry.inet(Ipv4.parse("192.168.1.5"), 32));
        v4.add(Entry.inet(Ipv4.parse("10.1.2.3"), 16));
        v4.add(Entry.inet(Ipv4.parse("192.168.1.5"), 32));
        v6.add(v6("fd00::5", 128));
        v6.add(v6("fd00:1::7", 64));

        assertThat(IpSetFormat.save(v4)).isEqualTo("create " + V4 + " hash:net family inet hashsize 1024 maxelem 65536"
                + " bucketsize 12 initval " + String.format("0x%08x", v4.initval()) + "\n"
                + "add " + V4 + " 192.168.1.5\nadd " + V4 + " 10.1.0.0/16\n");
        assertThat(IpSetFormat.save(v6)).startsWith("create " + V6 + " hash:net family inet6 hashsize 1024")
                .endsWith("add " + V6 + " fd00::5\nadd " + V6 + " fd00:1::/64\n");
        assertThat(v4.contains(Ipv4.parse("10.1.200.1"), 6, 22)).isTrue();
        assertThat(v4.contains(Ipv4.parse("10.2.0.1"), 6, 22)).isFalse();
        assertThat(v6.test(v6("fd00:1::99", 128))).isTrue();
        assertThat(v6.test(v6("fd00:2::99", 128))).isFalse();
        assertThat(v6.contains(Ipv4.parse("10.1.200.1"), 6, 22)).isFalse();

        IpSet rebuilt = sets.create(V6 + "-n", IpSetType.HASH_NET, IpSetFamily.INET6);
        rebuilt.add(v6("fd00::6", 128));
        sets.swap(V6 + "-n", V6);
        sets.destroy(V6 + "-n");
        assertThat(sets.require(V6).members()).extracting(Entry::address).containsExactly("fd00::6");
        sets.require(V6).delete(v6("fd00::6", 128));
        sets.require(V6).delete(v6("fd00::6", 128));
        assertThat(sets.require(V6).members()).isEmpty();
        assertThat(sets.all()).extracting(IpSet::name).containsExactly(V4, V6);
    }

    @Test
    void refusalsReadAsIpsetsOwn() {
        IpSet v4 = sets.create(V4, IpSetType.HASH_NET, IpSetFamily.INET);
        IpSet v6 = sets.create(V6, IpSetType.HASH_NET, IpSetFamily.INET6);
        assertThatThrownBy(() -> v6.add(Entry.inet(Ipv4.parse("10.0.0.1"), 32)))
                .hasMessage("Syntax error: cannot parse 10.0.0.1: resolving to IPv6 address failed");
        assertThatThrownBy(() -> v4.add(v6("fd00::1", 128)))
                .hasMessage("Syntax error: cannot parse fd00::1: resolving to IPv4 address failed");
        assertThatThrownBy(() -> Entry.inet(0, 0)).hasMessage("The value of the CIDR parameter of the IP address is invalid");
        assertThatThrownBy(() -> Entry.inet(0, 33)).hasMessage("Syntax error: '33' is out of range 0-32");
        assertThatThrownBy(() -> v6("fd00::", 129)).hasMessage("Syntax error: '129' is out of range 0-128");
        v6.add(v6("fd00::1", 128), -1, false);
        assertThatThrownBy(() -> v6.add(v6("fd00::1", 128), -1, false))
                .hasMessage("Element cannot be added to the set: it's already added");
        assertThatThrownBy(() -> v6.delete(v6("fd00::2", 128), false))
                .hasMessage("Element cannot be deleted from the set: it's not added");
        assertThatThrownBy(() -> sets.swap(V4, V6)).hasMessage("The sets cannot be swapped: their type does not match");
        IpSet ip6 = sets.create("ip6", IpSetType.HASH_IP, IpSetFamily.INET6);
        assertThatThrownBy(() -> ip6.add(v6("fd00::", 64)))
                .hasMessage("Syntax error: plain IP address must be supplied: fd00::/64");
        assertThatThrownBy(() -> sets.create(V4, IpSetType.HASH_NET, IpSetFamily.INET6))
                .hasMessage("Set cannot be created: set with the same name already exists");
        assertThat(sets.create(V4, IpSetType.HASH_NET, IpSetOptions.INET6, true)).isSameAs(v4);
    }

    /** "Size in memory" of small sets, as measured with ipset 7.17 on Linux 6.1. */
    @Test
    void memorySizesAsMeasured() {
        int[][] measured = {
            {216, 256, 296}, {216, 280, 344}, {224, 288, 352}, {224, 304, 384},
            {456, 504, 552}, {456, 520, 584}, {1240, 1312, 1384}, {1240, 1336, 1432},
            {216, 264, 312}, {216, 280, 344}, {232, 304, 376}, {232, 328, 424},
        };
        int row = 0;
        for (IpSetType type : IpSetType.values()) {
            for (IpSetFamily family : IpSetFamily.values()) {
                for (int timeout : new int[] {0, 100}) {
                    IpSetOptions o = (family == IpSetFamily.INET ? IpSetOptions.INET : IpSetOptions.INET6)
                            .withTimeout(timeout);
                    IpSet s = sets.create(type.name() + family + timeout, type, o, false);
                    int[] want = measured[row++];
                    assertThat(s.memorySize()).as(s.name()).isEqualTo(want[0]);
                    for (int i = 1; i <= 2; i++) {
                        Entry e = family == IpSetFamily.INET ? Entry.inet(Ipv4.parse("10.0.0." + i), 32)
                                : v6("fd00::" + i, 128);
                        s.add(type == IpSetType.HASH_IP_PORT ? e.withPort(6, 79 + i) : e);
                        assertThat(s.memorySize()).as(s.name()).isEqualTo(want[i]);
                    }
                }
            }
        }
        assertThat(sets.create("big", IpSetType.HASH_NET, IpSetOptions.INET6.withHashsize(4096), false).memorySize())
                .isEqualTo(1312);
    }

    @Test
    void membersTimeOutOnTheHostsClock() {
        IpSet s = sets.create("t", IpSetType.HASH_IP, IpSetOptions.INET6.withTimeout(10), false);
        s.add(v6("fd00::1", 128));
        s.add(v6("fd00::2", 128), 0, false);
        assertThat(s.secondsLeft(v6("fd00::1", 128))).isEqualTo(10);
        clock.advanceMillis(11_000);
        assertThat(s.members()).extracting(Entry::address).containsExactly("fd00::2");
    }
}
