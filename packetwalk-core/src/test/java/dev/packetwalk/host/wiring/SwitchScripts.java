package dev.packetwalk.host.wiring;

/**
 * Topologies run both through real OVS (userspace datapath, in a private network and mount
 * namespace) and through Packetwalk's Shell: namespaces joined by veth pairs to an OVS bridge.
 */
final class SwitchScripts {
    private SwitchScripts() {
    }

    /** Namespace {@code ns} with address {@code ip}/24 on {@code dev}, its peer {@code port} on br0 (tag or none). */
    static String vm(String ns, String dev, String port, String ip, String tag) {
        return String.join("\n",
                "ip netns add " + ns,
                "ip link add " + port + " type veth peer name " + dev,
                "ip link set " + dev + " netns " + ns,
                "ip netns exec " + ns + " ip link set " + dev + " address 02:00:00:00:00:0"
                        + ip.substring(ip.lastIndexOf('.') + 1),
                "ovs-vsctl add-port br0 " + port + (tag == null ? "" : " tag=" + tag),
                "ip link set " + port + " up",
                "ip netns exec " + ns + " ip addr add " + ip + "/24 dev " + dev,
                "ip netns exec " + ns + " ip link set " + dev + " up",
                "ip netns exec " + ns + " ip link set lo up", "");
    }

    static final String BRIDGE = "ovs-vsctl add-br br0 -- set bridge br0 fail_mode=secure\n"
            + "ovs-ofctl add-flow br0 priority=0,actions=NORMAL\n";

    /** Two namespaces on one bridge with NORMAL. */
    static final String NORMAL = BRIDGE + vm("a", "eth0", "pa", "10.0.0.1", null)
            + vm("b", "eth0", "pb", "10.0.0.2", null)
            + "ip netns exec a ping -c 2 -i 0.2 10.0.0.2\n";

    /** Access ports: a and b on VLAN 10, c on VLAN 20 with b's address space. */
    static final String VLANS = BRIDGE + vm("a", "eth0", "pa", "10.0.0.1", "10")
            + vm("b", "eth0", "pb", "10.0.0.2", "10")
            + vm("c", "eth0", "pc", "10.0.0.3", "20")
            + "ip netns exec a ping -c 2 -i 0.2 10.0.0.2\n"
            // a static neighbour: one unanswered frame, no ARP retransmissions whose timing varies
            + "ip netns exec a ip neigh add 10.0.0.3 lladdr 02:00:00:00:00:03 dev eth0\n"
            + "ip netns exec a ping -c 1 -W 1 10.0.0.3\n";

    /** A flow dropping one source address. */
    static final String DROP = BRIDGE + vm("a", "eth0", "pa", "10.0.0.1", null)
            + vm("b", "eth0", "pb", "10.0.0.2", null)
            + vm("c", "eth0", "pc", "10.0.0.3", null)
            + "ovs-ofctl add-flow br0 priority=10,ip,nw_src=10.0.0.3,actions=drop\n"
            + "ip netns exec a ping -c 2 -i 0.2 10.0.0.2\n"
            + "ip netns exec c ping -c 1 -W 1 10.0.0.2\n";

    /** A router-like namespace reached through an OVS internal port moved into it. */
    static final String ROUTER = BRIDGE + vm("a", "eth0", "pa", "10.0.0.5", null)
            + "ovs-vsctl add-port br0 qr-1 -- set Interface qr-1 type=internal\n"
            + "ip netns add qrouter\n"
            + "ip link set qr-1 netns qrouter\n"
            + "ip netns exec qrouter ip link set qr-1 address 02:00:00:00:01:01\n"
            + "ip netns exec qrouter ip addr add 10.0.0.1/24 dev qr-1\n"
            + "ip netns exec qrouter ip link set qr-1 up\n"
            + "ip netns exec a ping -c 2 -i 0.2 10.0.0.1\n";

    /** What is compared after each topology's pings. */
    static final String SHOW = "ovs-appctl revalidator/wait\novs-ofctl dump-flows br0\novs-appctl fdb/show br0\n";
}
