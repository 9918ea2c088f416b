package dev.packetwalk.cloud.agent.l3;

import dev.packetwalk.cloud.agent.DeviceNames;
import dev.packetwalk.cloud.agent.IpLib;
import dev.packetwalk.cloud.agent.NodeContext;
import dev.packetwalk.cloud.model.Cidr;
import dev.packetwalk.cloud.model.Port;
import dev.packetwalk.cloud.model.Router;
import dev.packetwalk.cloud.model.Subnet;
import dev.packetwalk.linux.link.NetDevice;

/**
 * A distributed router's central SNAT part on its dvr_snat node (neutron.md §8.4):
 * {@code snat-<id>} with an {@code sg-} port per internal subnet, the {@code qg-} gateway port
 * with the default route, and source NAT to the gateway address.
 */
public final class SnatNamespace {
    private SnatNamespace() {
    }

    public static void render(NodeContext ctx, Router router) {
        IpLib ns = ctx.namespace(DeviceNames.snat(router.id()));
        ns.sysctl("net.ipv4.ip_forward", "1");
        ns.sysctl("net.netfilter.nf_conntrack_tcp_loose", "0");
        RouterIptables iptables = RouterIptables.snat(ns.namespace());
        for (NetDevice sg : RouterPorts.plugAll(ctx, ns, ctx.placement().snatPorts(router), p -> DeviceNames.sg(p.id()))) {
            iptables.internalDevice(sg.name());
        }
        Port gw = ctx.placement().gatewayPort(router).orElseThrow();
        String qg = DeviceNames.qg(gw.id());
        NetDevice dev = RouterPorts.plug(ctx, ns, gw, qg);
        Subnet ext = ctx.cloud().subnet(gw.fixedIps().get(0).subnetId());
        if (ext.gateway() != null) {
            ns.route(new Cidr(0, 0), ext.gateway(), dev);
        }
        iptables.gateway(qg, gw.ip(), router.gateway().enableSnat());
        iptables.apply();
    }
}
