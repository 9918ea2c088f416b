package dev.packetwalk.cloud.agent.l3;

import dev.packetwalk.cloud.agent.DeviceNames;
import dev.packetwalk.cloud.agent.IpLib;
import dev.packetwalk.cloud.agent.NodeContext;
import dev.packetwalk.cloud.model.Cidr;
import dev.packetwalk.cloud.model.FloatingIp;
import dev.packetwalk.cloud.model.Port;
import dev.packetwalk.cloud.model.Router;
import dev.packetwalk.cloud.model.Subnet;
import dev.packetwalk.linux.link.NetDevice;

import java.util.HashSet;
import java.util.Set;

/**
 * The floating IP namespace {@code fip-<external network>} of a DVR node (neutron.md §8.3): the
 * {@code fg-} agent gateway port answering ARP for the floating IPs (proxy_arp), one link-local
 * /31 veth pair per router (rfp- in the qrouter, fpr- here), a table per router numbered by
 * the fpr address whose default leaves through fg-, and a host route per floating IP.
 */
public final class FipNamespace {
    /** Liberty+ link-local pool for the rfp/fpr pairs. */
    private static final Cidr LINK_LOCAL = Cidr.parse("169.254.64.0/18");
    private static final int FIRST_RULE_PRIORITY = 32768;
    private static final int RULE_PRIORITIES = 40000;

    private final NodeContext ctx;
    private final IpLib ns;
    private final NetDevice fg;
    private final Subnet external;
    private final Set<Integer> usedPairs = new HashSet<>();
    private final Set<Integer> usedPriorities = new HashSet<>();

    /** One router's rfp/fpr pair: the qrouter side's address and the fip side's device. */
    public record Link(int rfpIp, int fprIp, NetDevice fpr) {
    }

    private FipNamespace(NodeContext ctx, IpLib ns, NetDevice fg, Subnet external) {
        this.ctx = ctx;
        this.ns = ns;
        this.fg = fg;
        this.external = external;
    }

    /** The node's fip namespace for an external network, created with its fg- port on first use. */
    public static FipNamespace ensure(NodeContext ctx, String externalNetworkId) {
        return ctx.fipNamespaces().computeIfAbsent(externalNetworkId, id -> create(ctx, id));
    }

    private static FipNamespace create(NodeContext ctx, String networkId) {
        IpLib ns = ctx.namespace(DeviceNames.fip(networkId));
        ns.sysctl("net.ipv4.ip_forward", "1");
        ns.sysctl("net.ipv4.ip_nonlocal_bind", "1");
        RouterIptables.fip(ns.namespace()).apply();
        Port gw = ctx.placement().agentGatewayPort(ctx.node(), networkId).orElseThrow();
        String name = DeviceNames.fg(gw.id());
        NetDevice fg = RouterPorts.plug(ctx, ns, gw, name);
        ns.sysctl("net.ipv4.conf." + name + ".proxy_arp", "1");
        return new FipNamespace(ctx, ns, fg, ctx.cloud().subnet(gw.fixedIps().get(0).subnetId()));
    }

    /**
     * Connects a router: the veth pair with a /31 from 169.254.64.0/18 (rfp the even address),
     * qrouter table 16's default via fpr, and here the router's own table and rule sending what
     * comes from fpr out through fg- to the external gateway.
     */
    public Link connect(Router router, IpLib qrouter) {
        int pair = allocatePair();
        int rfpIp = LINK_LOCAL.network() + pair;
        int fprIp = rfpIp + 1;
        String rfpName = DeviceNames.rfp(router.id());
        String fprName = DeviceNames.fpr(router.id());
        NetDevice rfp = qrouter.veth(rfpName, null, fprName, null, ns.namespace());
        NetDevice fpr = ns.device(fprName);
        qrouter.address(rfp, new Cidr(rfpIp, 31), false).up(rfp);
        ns.address(fpr, new Cidr(fprIp, 31), false).up(fpr);
        qrouter.route(DvrRouter.FIP_TABLE, new Cidr(0, 0), fprIp, rfp);
        int table = fprIp;   // the router's table is the fpr address read as a number
        if (external.gateway() != null) {
            ns.route(table, new Cidr(0, 0), external.gateway(), fg);
        }
        ns.ruleIif(table, fprName, table);
        return new Link(rfpIp, fprIp, fpr);
    }

    /** The fip namespace's host route to a floating IP, through the router's rfp address. */
    public void routeTo(int floatingIp, Link link) {
        ns.route(new Cidr(floatingIp, 32), link.rfpIp(), link.fpr());
    }

    /** The qrouter rule priority for a floating IP, from 32768..72767 (arbitrary, as the agent's set.pop()). */
    public int rulePriority(FloatingIp fip) {
        int p = FIRST_RULE_PRIORITY + ctx.random().nextInt(RULE_PRIORITIES);
        while (!usedPriorities.add(p)) {
            p = FIRST_RULE_PRIORITY + ctx.random().nextInt(RULE_PRIORITIES);
        }
        return p;
    }

    private int allocatePair() {
        int pairs = 1 << (32 - LINK_LOCAL.prefixLength() - 1);
        int p = 2 * ctx.random().nextInt(pairs);
        while (!usedPairs.add(p)) {
            p = 2 * ctx.random().nextInt(pairs);
        }
        return p;
    }
}
