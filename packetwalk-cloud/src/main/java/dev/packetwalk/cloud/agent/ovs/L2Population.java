package dev.packetwalk.cloud.agent.ovs;

import dev.packetwalk.cloud.agent.Placement;
import dev.packetwalk.cloud.model.Cloud;
import dev.packetwalk.cloud.model.FixedIp;
import dev.packetwalk.cloud.model.Network;
import dev.packetwalk.cloud.model.Node;
import dev.packetwalk.cloud.model.Port;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The ML2 l2population driver's forwarding entries for one tunnelled network as an agent holds
 * them once every port is up (l2pop mech_driver + db): every other host with an active port on
 * the network gets a flooding entry, plus one unicast entry per (MAC, IP) of its ports; a
 * distributed router's interface counts as present on every host with the router's qrouter but
 * brings no unicast entry (all hosts share its MAC).
 */
final class L2Population {
    /** One fdb entry of a port: its MAC and one of its IPs. */
    record PortInfo(long mac, int ip) {
    }

    /** A remote host's entries: its tunnel IP, and the port entries after the flooding entry. */
    record HostEntries(Node host, int tunnelIp, List<PortInfo> ports) {
    }

    private final Cloud cloud;
    private final Placement placement;

    L2Population(Cloud cloud, Placement placement) {
        this.cloud = cloud;
        this.placement = placement;
    }

    /** The entries {@code self} holds for {@code network}, by remote host in the cloud's node order. */
    List<HostEntries> entries(Network network, Node self) {
        List<HostEntries> out = new ArrayList<>();
        Map<String, List<Port>> bound = placement.boundPortsByNode(network.id());
        Set<String> routers = placement.distributedRoutersOn(network.id());
        for (Node host : cloud.nodes()) {
            if (host.name().equals(self.name()) || !host.runsOvsAgent() || host.tunnelIp() == null) {
                continue;
            }
            List<PortInfo> ports = new ArrayList<>();
            boolean present = false;
            for (Port p : bound.getOrDefault(host.name(), List.of())) {
                if (active(p)) {
                    present = true;
                    for (FixedIp f : p.fixedIps()) {
                        ports.add(new PortInfo(p.mac(), f.ip()));
                    }
                }
            }
            present |= !routers.isEmpty() && placement.dvrRouters(host).stream().anyMatch(r -> routers.contains(r.id()));
            if (present) {
                out.add(new HostEntries(host, host.tunnelIp(), ports));
            }
        }
        return out;
    }

    private static boolean active(Port p) {
        return "ACTIVE".equals(p.status()) && !p.bindingHost().isEmpty();
    }
}
