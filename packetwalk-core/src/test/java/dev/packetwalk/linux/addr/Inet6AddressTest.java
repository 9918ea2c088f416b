package dev.packetwalk.linux.addr;

import dev.packetwalk.net.MacAddress;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class Inet6AddressTest {

    /** Seed 004: qr-2c628d36-76 with fa:16:3e:ca:72:d8 has fe80::f816:3eff:feca:72d8/64. */
    @Test
    void linkLocalIsTheEui64OfTheMac() {
        Inet6Address a = Inet6Address.linkLocal(13, MacAddress.parse("fa:16:3e:ca:72:d8").bits());
        assertThat(a.text() + "/" + a.prefixLength()).isEqualTo("fe80::f816:3eff:feca:72d8/64");
    }

    @Test
    void textCompressesTheLongestZeroRun() {
        assertThat(Inet6Address.loopback(1).text()).isEqualTo("::1");
        assertThat(Inet6Address.linkLocal(2, 0x0200_0000_0001L).text()).isEqualTo("fe80::ff:fe00:1");
        assertThat(new Inet6Address(1, 0x2001_0db8_0000_0000L, 0x0000_0000_0000_0001L, 64, 0).text())
                .isEqualTo("2001:db8::1");
    }
}
