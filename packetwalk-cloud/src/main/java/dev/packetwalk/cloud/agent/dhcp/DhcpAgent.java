package dev.packetwalk.cloud.agent.dhcp;

import dev.packetwalk.cloud.agent.DeviceNames;
import dev.packetwalk.cloud.agent.IpLib;
import dev.packetwalk.cloud.agent.NodeContext;
import dev.packetwalk.cloud.agent.l3.RouterIptables;
import dev.packetwalk.cloud.agent.l3.RouterPorts;
import dev.packetwalk.cloud.model.Cidr;
import dev.packetwalk.cloud.model.FixedIp;
import dev.packetwalk.cloud.model.Port;
import dev.packetwalk.cloud.model.Subnet;
import dev.packetwalk.linux.link.NetDevice;

/**
 * The DHCP agent of a node (neutron.md §9): for each network whose DHCP port is bound here,
 * {@code qdhcp-<network>} with the {@code tap} port holding the port's addresses, a default
 * route via the subnet's gateway, and the mangle rule that fills DHCP replies' UDP checksums.
 */
public final class DhcpAgent {
    private DhcpAgent() {
    }

    public static void render(NodeContext ctx) {
        for (Port port : ctx.placement().dhcpPorts(ctx.node())) {
            IpLib ns = ctx.namespace(DeviceNames.qdhcp(port.networkId()));
            ns.sysctl("net.ipv6.conf.default.accept_ra", "0");
            NetDevice tap = RouterPorts.plug(ctx, ns, port, DeviceNames.tap(port.id()));
            RouterIptables.dhcp(ns.namespace()).apply();
            for (FixedIp f : port.fixedIps()) {
                Subnet subnet = ctx.cloud().subnet(f.subnetId());
                if (subnet.dhcp() && subnet.gateway() != null) {
                    ns.route(new Cidr(0, 0), subnet.gateway(), tap);
                    break;
                }
            }
        }
    }
}
