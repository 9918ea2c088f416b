package dev.packetwalk.host.wiring;

import dev.packetwalk.host.Host;
import dev.packetwalk.host.Hosts;
import dev.packetwalk.host.Shell;
import dev.packetwalk.linux.link.LinkKind;
import dev.packetwalk.linux.link.NetDevice;
import dev.packetwalk.net.MacAddress;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The kernel-datapath device rules, with expectations from the real tools: the error text and
 * ofport -1 of a system port without a device, and mac_in_use = the device's address, were
 * observed on real ovs-vswitchd 3.1 (netdev-linux opens system ports the same way for both
 * datapaths); ovs-system, master ovs-system and PROMISC on enslaved ports, and the internal
 * port's kind are openvswitch.ko's (datapath/vport-netdev.c, vport-internal_dev.c; no kernel
 * module can be loaded on this machine, so they come from the sources).
 */
class DatapathDevicesTest {
    static String run(Host host, String script) {
        StringBuilder out = new StringBuilder();
        StringBuilder err = new StringBuilder();
        new Shell(host).runScript(script, out, err);
        return out.toString() + err;
    }

    @Test
    void firstBridgeCreatesOvsSystemAndTheLocalPortDevice() {
        Host host = Hosts.unshared("h");
        assertThat(run(host, "ip link show ovs-system")).contains("Device \"ovs-system\" does not exist.");
        run(host, "ovs-vsctl add-br br-int");
        String links = run(host, "ip link show");
        assertThat(links).containsPattern("2: ovs-system: <BROADCAST,MULTICAST> mtu 1500 qdisc noop state DOWN mode"
                + " DEFAULT group default qlen 1000\n    link/ether [0-9a-f:]{17} brd ff:ff:ff:ff:ff:ff\n")
                .containsPattern("3: br-int: <BROADCAST,MULTICAST> mtu 1500 qdisc noop state DOWN mode DEFAULT");
        NetDevice brInt = host.kernel().root().links().byName("br-int");
        assertThat(brInt.kind()).isEqualTo(LinkKind.INTERNAL);
        assertThat(run(host, "ovs-vsctl get Interface br-int mac_in_use").trim())
                .isEqualTo("\"" + MacAddress.format(brInt.mac()) + "\"");
        run(host, "ip link set br-int up");
        assertThat(run(host, "ip link show br-int"))
                .contains("br-int: <BROADCAST,MULTICAST,UP,LOWER_UP> mtu 1500 qdisc noqueue state UNKNOWN");
        run(host, "ovs-vsctl del-br br-int");
        assertThat(run(host, "ip link show")).doesNotContain("br-int").doesNotContain("ovs-system");
    }

    @Test
    void systemPortNeedsItsDevice() {
        Host host = Hosts.unshared("h");
        String out = run(host, "ovs-vsctl add-br br-int\novs-vsctl add-port br-int qvoX\n"
                + "ovs-vsctl get Interface qvoX error ofport");
        assertThat(out).contains("ovs-vsctl: Error detected while setting up 'qvoX': could not open network device"
                + " qvoX (No such device).  See ovs-vswitchd log for details.")
                .contains("\"could not open network device qvoX (No such device)\"\n-1\n");
        out = run(host, "ip link add qvo1 type veth peer name qvb1\novs-vsctl add-port br-int qvo1\n"
                + "ip link set qvo1 up\nip link set qvb1 up\novs-vsctl get Interface qvo1 mac_in_use ofport\n"
                + "ip link show qvo1");
        NetDevice qvo = host.kernel().root().links().byName("qvo1");
        assertThat(out).contains("\"" + MacAddress.format(qvo.mac()) + "\"\n1\n")
                .contains("qvo1@qvb1: <BROADCAST,MULTICAST,PROMISC,UP,LOWER_UP> mtu 1500 qdisc noqueue master"
                        + " ovs-system state UP");
        run(host, "ovs-vsctl del-port qvo1");
        assertThat(run(host, "ip link show qvo1")).contains("qvo1@qvb1: <BROADCAST,MULTICAST,UP,LOWER_UP>")
                .doesNotContain("master");
    }

    @Test
    void internalPortFollowsItsDeviceIntoANamespace() {
        Host host = Hosts.unshared("h");
        run(host, "ovs-vsctl add-br br-int\n"
                + "ovs-vsctl add-port br-int qr-1 -- set Interface qr-1 type=internal\n"
                + "ip netns add qrouter-1\nip link set qr-1 netns qrouter-1\n"
                + "ip netns exec qrouter-1 ip link set qr-1 up");
        NetDevice qr = host.kernel().namespace("qrouter-1").orElseThrow().links().byName("qr-1");
        assertThat(qr).isNotNull();
        assertThat(host.datapath().devices().device("qr-1")).isSameAs(qr);
        assertThat(run(host, "ovs-vsctl set Interface qr-1 external_ids:x=y\novs-vsctl get Interface qr-1 mac_in_use"))
                .contains(MacAddress.format(qr.mac()));
        assertThat(host.kernel().root().links().byName("qr-1")).isNull();
        run(host, "ovs-vsctl del-port qr-1");
        assertThat(run(host, "ip netns exec qrouter-1 ip link show qr-1")).contains("does not exist");
    }

    @Test
    void dummyFlavourOpensAnyName() {
        Host host = Hosts.dummyDatapath("h");
        String out = run(host, "ovs-vsctl add-br br0\novs-vsctl add-port br0 p1\novs-vsctl get Interface p1 ofport");
        assertThat(out).isEqualTo("1\n");
        assertThat(run(host, "ip link show")).doesNotContain("ovs-system").doesNotContain("br0");
    }
}
