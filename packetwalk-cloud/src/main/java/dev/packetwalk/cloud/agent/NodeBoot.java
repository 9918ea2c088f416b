package dev.packetwalk.cloud.agent;

import dev.packetwalk.cloud.model.Cidr;
import dev.packetwalk.cloud.model.Nic;
import dev.packetwalk.cloud.model.Node;
import dev.packetwalk.host.Host;
import dev.packetwalk.linux.link.LinkKind;
import dev.packetwalk.linux.link.NetDevice;

/**
 * A node as its installer left it before any agent ran: the management NIC with the default
 * route, the tunnel NIC, the NICs meant for physical bridges (up, without addresses), and the
 * netfilter-on-bridges sysctls the hybrid firewall relies on.
 * (The loopback is up from boot, as on every host.)
 */
public final class NodeBoot {
    private NodeBoot() {
    }

    public static void boot(Node node, Host host) {
        IpLib root = new IpLib(host.kernel().root());
        nic(root, node.management(), node);
        if (node.tunnel() != null && (node.management() == null || !node.tunnel().name().equals(node.management().name()))) {
            nic(root, node.tunnel(), node);
        }
        for (String nic : node.bridgePorts().values()) {
            Long mac = node.pins().macs().get(nic);
            root.up(root.create(LinkKind.ETHERNET, nic, mac));
        }
        root.sysctl("net.bridge.bridge-nf-call-arptables", "1")
                .sysctl("net.bridge.bridge-nf-call-iptables", "1")
                .sysctl("net.bridge.bridge-nf-call-ip6tables", "1");
    }

    private static void nic(IpLib root, Nic nic, Node node) {
        if (nic == null) {
            return;
        }
        Long mac = node.pins().macs().get(nic.name());
        NetDevice d = root.create(LinkKind.ETHERNET, nic.name(), mac != null ? mac : nic.mac() != 0 ? nic.mac() : null);
        root.up(d).address(d, nic.address());
        if (nic.gateway() != null) {
            root.route(new Cidr(0, 0), nic.gateway(), d);
        }
    }
}
