package dev.packetwalk.cloud.agent.l3;

import dev.packetwalk.cloud.agent.IpLib;
import dev.packetwalk.cloud.agent.NodeContext;
import dev.packetwalk.cloud.agent.OvsLib;
import dev.packetwalk.cloud.model.FixedIp;
import dev.packetwalk.cloud.model.Port;
import dev.packetwalk.linux.link.NetDevice;

/** Plugs an agent's port into its namespace and gives it its fixed IPs with their subnets' prefixes (init_l3). */
public final class RouterPorts {
    private RouterPorts() {
    }

    public static NetDevice plug(NodeContext ctx, IpLib ns, Port port, String device) {
        int mtu = ctx.cloud().network(port.networkId()).mtu();
        NetDevice dev = ctx.driver().plug(OvsLib.BR_INT, port, device, ns.namespace(), mtu);
        for (FixedIp f : port.fixedIps()) {
            ns.address(dev, ctx.cloud().subnet(f.subnetId()).cidr().withAddress(f.ip()));
        }
        return dev;
    }
}
