package dev.packetwalk.ovs.flow;

import java.util.ArrayList;

import org.junit.jupiter.api.Test;

import dev.packetwalk.net.Ipv4;
import dev.packetwalk.net.Ipv6;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The typed match builder with the Neutron flows of seed 004: equal to the parsed text, printed the same. */
class MatchFieldsTest {
    private static Match parsed(String text, Protocol p) {
        return MatchText.parse(text, p, PortNames.NONE, new ArrayList<>());
    }

    private static void sameAsText(MatchFields typed, String text) {
        Match m = typed.build();
        assertThat(m).isEqualTo(parsed(text, Protocol.OPENFLOW13));
        assertThat(MatchText.format(m)).isEqualTo(text);
    }

    @Test
    void seed004BrIntAntiSpoofing() {
        sameAsText(Match.builder().inPort(2).dlSrc(0xfa163e3b5326L), "in_port=2,dl_src=fa:16:3e:3b:53:26");
    }

    @Test
    void seed004BrTunUnicastToTunnel() {
        sameAsText(Match.builder().vlanTci(0x0002, 0x0fff).dlDst(0xfa163eca72d8L),
                "vlan_tci=0x0002/0x0fff,dl_dst=fa:16:3e:ca:72:d8");
    }

    @Test
    void seed004BrTunUnicastAndMulticastSplit() {
        sameAsText(Match.builder().dlDst(0, 0x0100_0000_0000L), "dl_dst=00:00:00:00:00:00/01:00:00:00:00:00");
        sameAsText(Match.builder().dlDst(0x0100_0000_0000L, 0x0100_0000_0000L),
                "dl_dst=01:00:00:00:00:00/01:00:00:00:00:00");
    }

    @Test
    void seed004ArpResponder() {
        sameAsText(Match.builder().arp().dlVlan(1).arpTpa(Ipv4.parse("192.168.1.5")),
                "arp,dl_vlan=1,arp_tpa=192.168.1.5");
    }

    @Test
    void seed004NeighbourAdvertisementSpoofing() {
        long[] target = Ipv6.parse("fe80::f816:3eff:fe5c:9e2d");
        sameAsText(Match.builder().icmp6().inPort(2).icmpType(136).ndTarget(target[0], target[1]),
                "icmp6,in_port=2,icmp_type=136,nd_target=fe80::f816:3eff:fe5c:9e2d");
    }

    @Test
    void seed004TunnelToLocalVlan() {
        sameAsText(Match.builder().tunId(0x5a), "tun_id=0x5a");
        sameAsText(Match.builder().arp().inPort(2).arpSpa(Ipv4.parse("172.19.1.3")),
                "arp,in_port=2,arp_spa=172.19.1.3");
    }

    @Test
    void fieldsWithoutTheirPrerequisitesAreDroppedAsTheTextPathDropsThem() {
        Match m = Match.builder().inPort(1).tpDst(80).nwSrc(Ipv4.parse("10.0.0.0"), 8).build();
        assertThat(m).isEqualTo(parsed("in_port=1,tp_dst=80,nw_src=10.0.0.0/8", Protocol.OPENFLOW13));
        assertThat(MatchText.format(m)).isEqualTo("in_port=1");
    }

    @Test
    void openFlow10KeepsAbsentVlanExactAsTheTextPathDoes() {
        assertThat(Match.builder().inPort(3).noVlan().build(Protocol.OPENFLOW10))
                .isEqualTo(parsed("in_port=3,dl_vlan=0xffff", Protocol.OPENFLOW10));
        assertThat(Match.builder().vlanVid(0x1000 | 7, 0x1fff).build())
                .isEqualTo(parsed("vlan_vid=0x1007", Protocol.OPENFLOW13));
    }

    @Test
    void connectionTrackingAndRegisters() {
        sameAsText(Match.builder().ip().ctState(MatchFields.CT_TRK | MatchFields.CT_EST,
                MatchFields.CT_TRK | MatchFields.CT_EST | MatchFields.CT_REL).reg(5, 0x3),
                "ct_state=+est-rel+trk,ip,reg5=0x3");
    }

    @Test
    void badArgumentsAreRefusedWithTheirRange() {
        assertThatThrownBy(() -> Match.builder().inPort(-1)).hasMessage("in_port -1 is out of range 0..65535");
        assertThatThrownBy(() -> Match.builder().dlVlan(4096)).hasMessage("dl_vlan 4096 is out of range 0..4095");
        assertThatThrownBy(() -> Match.builder().nwSrc(0, 33)).hasMessage("ip_src prefix length 33 is out of range 0..32");
        assertThatThrownBy(() -> Match.builder().dlSrc(1L << 48))
                .hasMessage("eth_src: 0x1000000000000/0xffffffffffff does not fit in 48 bits");
        assertThatThrownBy(() -> Match.builder().reg(16, 1)).hasMessage("register number 16 is out of range 0..15");
        assertThatThrownBy(() -> Match.builder().field(Field.IPV6_SRC, 1, 1))
                .isInstanceOf(IllegalArgumentException.class);
        MatchFields once = Match.builder().inPort(1);
        once.build();
        assertThatThrownBy(once::build).isInstanceOf(IllegalStateException.class);
    }

    @Test
    void aMatchTheProtocolCannotCarryIsRefusedAsOvsOfctlRefusesIt() {
        assertThatThrownBy(() -> Match.builder().field(Field.TUN_TTL, 5, 0xff).build())
                .isInstanceOf(FlowSyntaxException.class)
                .hasMessage("none of the usable flow formats (none) is among the allowed flow formats (OXM-OpenFlow13)");
        assertThatThrownBy(() -> Match.builder().vlanTci(0x2005, 0xefff).build())
                .isInstanceOf(FlowSyntaxException.class).hasMessage("OFPBMC_BAD_PREREQ");
    }
}
