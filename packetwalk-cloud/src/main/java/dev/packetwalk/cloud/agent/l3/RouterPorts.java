package dev.packetwalk.cloud.agent.l3;

import dev.packetwalk.cloud.agent.InterfaceDriver;
import dev.packetwalk.cloud.agent.IpLib;
import dev.packetwalk.cloud.agent.NodeContext;
import dev.packetwalk.cloud.agent.OvsLib;
import dev.packetwalk.cloud.model.FixedIp;
import dev.packetwalk.cloud.model.Port;
import dev.packetwalk.linux.link.NetDevice;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;

/** Plugs an agent's port into its namespace and gives it its fixed IPs with their subnets' prefixes (init_l3). */
public final class RouterPorts {
    private RouterPorts() {
    }

    public static NetDevice plug(NodeContext ctx, IpLib ns, Port port, String device) {
        return plugAll(ctx, ns, List.of(port), p -> device).get(0);
    }

    /** Plugs several ports in one agent pass (their OVS ports in one transaction), each named by {@code device}. */
    public static List<NetDevice> plugAll(NodeContext ctx, IpLib ns, List<Port> ports, Function<Port, String> device) {
        List<InterfaceDriver.Plug> plugs = new ArrayList<>(ports.size());
        for (Port p : ports) {
            plugs.add(new InterfaceDriver.Plug(p, device.apply(p), ctx.cloud().network(p.networkId()).mtu()));
        }
        List<NetDevice> devs = ctx.driver().plugAll(OvsLib.BR_INT, plugs, ns.namespace());
        for (int i = 0; i < ports.size(); i++) {
            for (FixedIp f : ports.get(i).fixedIps()) {
                ns.address(devs.get(i), ctx.cloud().subnet(f.subnetId()).cidr().withAddress(f.ip()));
            }
        }
        return devs;
    }
}
