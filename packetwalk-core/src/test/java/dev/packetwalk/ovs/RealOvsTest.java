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

    @Test
    void closeStopsBothDaemonsRemovesItsDirectoryAndMayBeRepeated() throws Exception {
        assumeTrue(RealOvs.available(), "Open vSwitch is not installed");
        RealOvs ovs = RealOvs.start();
        java.nio.file.Path dir = ovs.dir();
        long server = Long.parseLong(java.nio.file.Files.readString(dir.resolve("ovsdb-server.pid")).trim());
        long vswitchd = Long.parseLong(java.nio.file.Files.readString(dir.resolve("ovs-vswitchd.pid")).trim());
        ovs.close();
        ovs.close();
        assertThat(dir).doesNotExist();
        assertThat(ProcessHandle.of(server).map(ProcessHandle::isAlive)).isNotEqualTo(java.util.Optional.of(true));
        assertThat(ProcessHandle.of(vswitchd).map(ProcessHandle::isAlive)).isNotEqualTo(java.util.Optional.of(true));
    }
}
