package dev.packetwalk.linux;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * {@code ip -d link} through the real kernel (private namespace) and through Packetwalk:
 * loopback, veth, bridge, bridge port, tap and vxlan, down and up. The bridge stays down
 * while it is shown: an up bridge's timers run.
 */
class IpDetailsDifferentialTest {

    @BeforeAll
    static void oracleAvailable() {
        String reason = RealKernel.unavailableReason();
        assumeTrue(reason == null, reason);
    }

    @Test
    void detailedLinks() {
        List<String> s = List.of(
                "ip -d link show", "ip -d link show lo",
                "ip link add v0 address 02:00:00:00:00:01 type veth peer name v1 address 02:00:00:00:00:02",
                "ip -d link show v1", "ip -details link show v0",
                "ip link add br0 address 02:00:00:00:00:03 type bridge",
                "ip -d link show br0", "ip link set v0 master br0", "ip -d link",
                "ip tuntap add t0 mode tap", "ip link set t0 address 02:00:00:00:00:04",
                "ip link add vx0 address 02:00:00:00:00:05 type vxlan id 42 dstport 4789",
                "ip -d l", "ip -d link show dev vx0", "ip -d link show nope",
                "ip link set lo up", "ip link set v1 up", "ip link set v0 up", "ip link set t0 up",
                "ip link set vx0 up", "#real sleep 1",
                "ip -d link show lo", "ip -d link show v1", "ip -d link show v0",
                "ip -d link show t0", "ip -d link show vx0", "ip -d link show br0",
                "ip link set v0 nomaster", "ip -d link show v0", "ip -d link show br0",
                "ip link set t0 master br0", "ip -d link show br0", "ip -d link show t0",
                "ip link set v1 master br0", "ip link set v0 master br0", "ip -d link show v0",
                "ip link set t0 nomaster", "ip link set t0 master br0", "ip -d link show t0",
                "ip -d -o link show v1");
        List<Differential.Outcome> outcomes = Differential.compare(s);
        long ok = Differential.agreeing(outcomes);
        System.out.printf("ip -d link: %d/%d commands agree with the real kernel%n", ok,
                outcomes.size());
        assertThat(Differential.report(outcomes, 5)).isEmpty();
    }
}
