package dev.packetwalk.ovs.xlate;

import dev.packetwalk.ovs.flow.FlowSyntaxException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Packet sizes and errors of {@code netdev-dummy/receive}, as measured on OVS 3.1 (n_bytes of the rule hit). */
class InjectedPacketTest {
    private static final String ETH = "eth(src=00:00:00:00:00:01,dst=00:00:00:00:00:02),";
    private static final String IP = "eth_type(0x0800),ipv4(src=1.1.1.1,dst=1.1.1.2,proto=";

    @ParameterizedTest
    @CsvSource(delimiter = ';', value = {
        "eth_type(0x1234);14",
        "eth_type(0x0806),arp(sip=1.1.1.1,tip=1.1.1.2,op=1,sha=00:00:00:00:00:01,tha=00:00:00:00:00:00);42",
        IP + "1,tos=0,ttl=64,frag=no),icmp(type=8,code=0);106",
        IP + "6,tos=0,ttl=64,frag=no),tcp(src=1,dst=80);118",
        IP + "17,tos=0,ttl=64,frag=no),udp(src=1,dst=53);106",
        IP + "47,tos=0,ttl=64,frag=no);34",
        IP + "1,tos=0,ttl=64,frag=first),icmp(type=8,code=0);106",
        "eth_type(0x8100),vlan(vid=5,pcp=0),encap(" + IP + "1,tos=0,ttl=64,frag=no),icmp(type=8,code=0));110",
        "eth_type(0x8100),vlan(vid=5,pcp=0),encap(eth_type(0x1234));18"})
    void sizesAsOvsComposesThem(String key, int size) {
        InjectedPacket p = InjectedPacket.parse("in_port(9)," + ETH + key);
        assertThat(p.size()).isEqualTo(size);
    }

    @Test
    void vlanAndInnerTypeAreRead() {
        InjectedPacket p = InjectedPacket.parse(ETH + "eth_type(0x8100),vlan(vid=5,pcp=3),encap(eth_type(0x0806))");
        assertThat(p.flow().vlanTci()).isEqualTo(0x1000 | 3 << 13 | 5);
        assertThat(p.flow().dlType()).isEqualTo(0x0806);
        assertThat(p.flow().inPort()).isZero();
    }

    @Test
    void hexIsAFrame() {
        InjectedPacket p = InjectedPacket.parse("000000000002000000000001123400000000");
        assertThat(p.size()).isEqualTo(18);
        assertThat(p.flow().dlType()).isEqualTo(0x1234);
    }

    @Test
    void errorsNameTheTextFromTheBadItemOn() {
        assertThatThrownBy(() -> InjectedPacket.parse("in_port(1),foo")).isInstanceOf(FlowSyntaxException.class)
                .hasMessage("syntax error at foo");
        assertThatThrownBy(() -> InjectedPacket.parse("in_port(1),eth(src=00:00:00:00:00:01,dst=zz)"))
                .hasMessage("syntax error at eth(src=00:00:00:00:00:01,dst=zz)");
        assertThatThrownBy(() -> InjectedPacket.parse("in_port=1,dl_src=00:00:00:00:00:01"))
                .hasMessage("syntax error at in_port=1,dl_src=00:00:00:00:00:01");
    }
}
