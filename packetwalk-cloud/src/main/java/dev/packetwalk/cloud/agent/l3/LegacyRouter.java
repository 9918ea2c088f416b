package dev.packetwalk.cloud.agent.l3;

import dev.packetwalk.cloud.agent.DeviceNames;
import dev.packetwalk.cloud.agent.IpLib;
import dev.packetwalk.cloud.agent.NodeContext;
import dev.packetwalk.cloud.model.Cidr;
import dev.packetwalk.cloud.model.Cloud;
import dev.packetwalk.cloud.model.FloatingIp;
import dev.packetwalk.cloud.model.Port;
import dev.packetwalk.cloud.model.Router;
import dev.packetwalk.cloud.model.Subnet;
import dev.packetwalk.linux.link.NetDevice;

import java.util.List;

/**
 * A legacy router on its L3 agent (neutron.md §8.2): {@code qrouter-<id>} with a {@code qr-}
 * port per interface holding the subnet's gateway, the {@code qg-} gateway port with the default
 * route and the floating IPs as /32s, and the NAT that goes with them.
 */
public final class LegacyRouter {
    private LegacyRouter() {
    }

    public static void render(NodeContext ctx, Router router) {
        Cloud cloud = ctx.cloud();
        IpLib ns = ctx.namespace(DeviceNames.qrouter(router.id()));
        ns.sysctl("net.ipv4.ip_forward", "1");
        RouterIptables nat = RouterIptables.qrouter(ns.namespace(), ctx.cloud().options().metadata());
        for (NetDevice qr : RouterPorts.plugAll(ctx, ns, ctx.placement().interfaces(router), p -> DeviceNames.qr(p.id()))) {
            nat.internalDevice(qr.name());
        }
        Port gw = ctx.placement().gatewayPort(router).orElse(null);
        if (gw == null) {
            nat.apply();
            return;
        }
        String qg = DeviceNames.qg(gw.id());
        NetDevice dev = RouterPorts.plug(ctx, ns, gw, qg);
        Subnet ext = cloud.subnet(gw.fixedIps().get(0).subnetId());
        if (ext.gateway() != null) {
            ns.route(new Cidr(0, 0), ext.gateway(), dev);
        }
        List<FloatingIp> fips = ctx.placement().floatingIps(router, ctx.node());
        for (FloatingIp fip : fips) {
            ns.address(dev, new Cidr(fip.floatingIp(), 32));
        }
        nat.gateway(qg, gw.ip(), router.gateway().enableSnat());
        for (FloatingIp fip : fips) {
            nat.floatingIp(fip.floatingIp(), fip.fixedIp(), null);
        }
        nat.apply();
    }
}
