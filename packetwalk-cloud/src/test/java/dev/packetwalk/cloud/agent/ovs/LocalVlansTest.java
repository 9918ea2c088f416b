package dev.packetwalk.cloud.agent.ovs;

import dev.packetwalk.cloud.model.Network;
import dev.packetwalk.cloud.model.NetworkType;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class LocalVlansTest {
    private static Network net(String id) {
        return new Network(id, id, "p", NetworkType.VXLAN, null, 100, 1450, false, false, true, List.of(), null);
    }

    @Test
    void networksGetOneTwoThreeInTheOrderTheyAppearAndPinnedOnesKeepTheirs() {
        LocalVlans vlans = new LocalVlans(Map.of("b", 1));
        assertThat(vlans.allocate(net("a")).vlan()).isEqualTo(2);
        assertThat(vlans.allocate(net("b")).vlan()).isEqualTo(1);
        assertThat(vlans.allocate(net("c")).vlan()).isEqualTo(3);
        assertThat(vlans.get("a")).hasValueSatisfying(v -> assertThat(v.vlan()).isEqualTo(2));
        assertThat(vlans.all()).extracting(v -> v.network().id()).containsExactly("a", "b", "c");
        assertThatThrownBy(() -> vlans.allocate(net("a"))).isInstanceOf(IllegalStateException.class);
    }

    @Test
    void linkLocalInterfaceIdentifiersFlipTheUniversalBit() {
        assertThat(Long.toHexString(ArpSpoofing.eui64(0xfa163e3b5326L))).isEqualTo("f8163efffe3b5326");
        assertThat(Long.toHexString(ArpSpoofing.eui64(0x001122334455L))).isEqualTo("21122fffe334455");
    }
}
