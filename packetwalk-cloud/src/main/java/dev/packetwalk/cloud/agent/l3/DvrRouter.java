package dev.packetwalk.cloud.agent.l3;

import dev.packetwalk.cloud.agent.DeviceNames;
import dev.packetwalk.cloud.agent.IpLib;
import dev.packetwalk.cloud.agent.NodeContext;
import dev.packetwalk.cloud.model.Cidr;
import dev.packetwalk.cloud.model.Cloud;
import dev.packetwalk.cloud.model.DeviceOwner;
import dev.packetwalk.cloud.model.FixedIp;
import dev.packetwalk.cloud.model.FloatingIp;
import dev.packetwalk.cloud.model.Port;
import dev.packetwalk.cloud.model.Router;
import dev.packetwalk.cloud.model.Subnet;
import dev.packetwalk.linux.link.NetDevice;

import java.util.List;
import java.util.Optional;

/**
 * A distributed router's local part on a node (neutron.md §8.3): {@code qrouter-<id>} with every
 * interface's {@code qr-} port (the same MAC and gateway IP on every node), permanent ARP
 * entries for the ports of its subnets, the SNAT redirect (a table per subnet, numbered by the
 * gateway address, pointing at the subnet's SNAT port) and, where the node hosts floating IPs,
 * the link to the fip namespace with table 16 and a rule per floating IP.
 */
public final class DvrRouter {
    /** FIP_RT_TBL: the qrouter table whose default route leads to the fip namespace. */
    public static final int FIP_TABLE = 16;

    private DvrRouter() {
    }

    public static void render(NodeContext ctx, Router router) {
        Cloud cloud = ctx.cloud();
        IpLib ns = ctx.namespace(DeviceNames.qrouter(router.id()));
        ns.sysctl("net.ipv4.ip_forward", "1");
        ns.sysctl("net.ipv4.conf.all.send_redirects", "0");
        RouterIptables iptables = RouterIptables.distributed(ns.namespace(), cloud.options().metadata());
        List<Port> snatPorts = ctx.placement().snatPorts(router);
        List<Port> interfaces = ctx.placement().interfaces(router);
        List<NetDevice> devices = RouterPorts.plugAll(ctx, ns, interfaces, p -> DeviceNames.qr(p.id()));
        for (int i = 0; i < interfaces.size(); i++) {
            Port itf = interfaces.get(i);
            NetDevice dev = devices.get(i);
            String qr = dev.name();
            ns.sysctl("net.ipv4.conf." + qr + ".send_redirects", "0");
            iptables.internalDevice(qr);
            FixedIp gw = itf.fixedIps().get(0);
            Subnet subnet = cloud.subnet(gw.subnetId());
            arpEntries(ctx, ns, dev, itf, subnet);
            snatPort(snatPorts, subnet).ifPresent(sg -> {
                // the table and the rule's priority are the gateway address read as a number (10.0.0.1: 167772161)
                int table = gw.ip();
                ns.route(table, new Cidr(0, 0), sg.ip(), dev);
                ns.ruleFrom(table, subnet.cidr().withAddress(gw.ip()), table);
            });
        }
        List<FloatingIp> fips = ctx.placement().floatingIps(router, ctx.node());
        if (router.gateway() != null && !fips.isEmpty()
                && ctx.placement().agentGatewayPort(ctx.node(), router.gateway().networkId()).isPresent()) {
            FipNamespace fip = FipNamespace.ensure(ctx, router.gateway().networkId());
            FipNamespace.Link link = fip.connect(router, ns);
            String rfp = DeviceNames.rfp(router.id());
            for (FloatingIp f : fips) {
                int priority = fip.rulePriority(f);
                ns.ruleFrom(priority, new Cidr(f.fixedIp(), 32), FIP_TABLE);
                fip.routeTo(f.floatingIp(), link);
                iptables.floatingIp(f.floatingIp(), f.fixedIp(), rfp);
            }
            iptables.fipLink(rfp);
        }
        iptables.apply();
    }

    /** ip neigh replace … nud permanent for every other port on the subnet (dvr_local_router._set_subnet_arp_info). */
    private static void arpEntries(NodeContext ctx, IpLib ns, NetDevice dev, Port itf, Subnet subnet) {
        for (Port p : ctx.cloud().portsOf(subnet.networkId())) {
            if (p.owner().isRouterInterface() || p.id().equals(itf.id())) {
                continue;
            }
            for (FixedIp f : p.fixedIps()) {
                if (f.subnetId().equals(subnet.id())) {
                    ns.permanentNeighbour(dev, f.ip(), p.mac());
                }
            }
        }
    }

    private static Optional<Port> snatPort(List<Port> snatPorts, Subnet subnet) {
        return snatPorts.stream().filter(p -> p.owner() == DeviceOwner.ROUTER_CENTRALIZED_SNAT
                && p.fixedIps().get(0).subnetId().equals(subnet.id())).findFirst();
    }
}
