package dev.packetwalk.ovs;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

class RealOvsTest {
    @Test
    void startsAPrivateSwitchThatAcceptsBridges() throws Exception {
        assumeTrue(RealOvs.available(), "Open vSwitch is not installed");
        try (RealOvs ovs = RealOvs.start()) {
            RealOvs.Result r = ovs.run("ovs-vsctl add-br br0 && ovs-ofctl dump-flows br0 --no-stats");
            assertThat(r.err()).isEmpty();
            assertThat(r.out()).isEqualTo(" priority=0 actions=NORMAL\n");
            ovs.reset();
            assertThat(ovs.run("ovs-vsctl list-br").out()).isEmpty();
        }
    }
}
