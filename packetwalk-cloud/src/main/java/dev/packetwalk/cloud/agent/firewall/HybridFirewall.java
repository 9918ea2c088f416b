package dev.packetwalk.cloud.agent.firewall;

import dev.packetwalk.cloud.agent.DeviceNames;
import dev.packetwalk.cloud.agent.NodeContext;
import dev.packetwalk.cloud.agent.OvsLib;
import dev.packetwalk.cloud.agent.iptables.IptablesManager;
import dev.packetwalk.cloud.agent.iptables.ManagedTable;
import dev.packetwalk.cloud.agent.iptables.RuleComments;
import dev.packetwalk.cloud.agent.iptables.WrapName;
import dev.packetwalk.cloud.model.Cloud;
import dev.packetwalk.cloud.model.Direction;
import dev.packetwalk.cloud.model.Port;
import dev.packetwalk.linux.Namespace;
import dev.packetwalk.linux.netfilter.PhysdevMatch;
import dev.packetwalk.linux.netfilter.Rule;
import dev.packetwalk.linux.netfilter.RuleBuilder;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * The OVS agent's hybrid iptables firewall on a node (OVSHybridIptablesFirewallDriver with
 * {@code enable_ipset}, neutron.md §7): once the agent has a device to handle, its state-less
 * manager ({@code neutron-openvswi-}) writes sg-fallback, sg-chain and, for each VM port with
 * port security, sorted by port id, the conntrack zone rules and the port's chains; sg-chain
 * ends in ACCEPT, and a VM port without port security is let through in FORWARD and INPUT.
 * The remote groups' ipsets are filled before the rules that use them.
 */
public final class HybridFirewall {
    static final String SG_CHAIN = "sg-chain";
    static final String SG_FALLBACK = "sg-fallback";

    private HybridFirewall() {
    }

    public static void render(NodeContext ctx) {
        if (!agentHasDevices(ctx)) {
            return;
        }
        Cloud cloud = ctx.cloud();
        List<Port> filtered = new ArrayList<>();
        List<Port> open = new ArrayList<>();
        for (Port p : ctx.placement().vmPorts(ctx.node())) {
            (p.isFiltered() ? filtered : open).add(p);
        }
        Namespace root = ctx.root().namespace();
        if (cloud.options().enableIpset()) {
            RemoteGroupSets.create(root.ipsets(), cloud, filtered);
        }
        ConntrackZones zones = ConntrackZones.allocate(cloud.profile(), ctx.node().pins().zones(), filtered);
        filtered.sort(Comparator.comparing(Port::id));
        open.sort(Comparator.comparing(Port::id));
        IptablesManager m = IptablesManager.stateless(root, WrapName.OVS_AGENT);
        ManagedTable filter = m.filter();
        filter.addChain(SG_FALLBACK);
        filter.addRule(SG_FALLBACK, PortChains.comment(Rule.builder(), RuleComments.UNMATCH_DROP).jump("DROP"));
        filter.addChain(SG_CHAIN);
        GroupRules rules = new GroupRules(cloud);
        for (Port p : filtered) {
            zones.addRules(m.raw(), p);
            PortChains chains = new PortChains(filter, p);
            chains.ingress(rules.of(p, Direction.INGRESS));
            chains.egress(rules.of(p, Direction.EGRESS));
        }
        filter.addRule(SG_CHAIN, Rule.builder().jump("ACCEPT"));
        open.forEach(p -> acceptAll(filter, DeviceNames.tap(p.id())));
        m.apply();
    }

    /** A port without port security: FORWARD accepts it both ways, INPUT what it sends. */
    private static void acceptAll(ManagedTable filter, String tap) {
        filter.addRule("FORWARD", accept(PhysdevMatch.out(tap).bridged()));
        filter.addRule("FORWARD", accept(PhysdevMatch.in(tap).bridged()));
        filter.addRule("INPUT", accept(PhysdevMatch.in(tap).bridged()));
    }

    private static RuleBuilder accept(PhysdevMatch bridged) {
        return PortChains.comment(Rule.builder().match(bridged), RuleComments.PORT_SEC_ACCEPT).jump("ACCEPT");
    }

    /** Whether the OVS agent has a port of Neutron's on the node: only then does it set the firewall up. */
    private static boolean agentHasDevices(NodeContext ctx) {
        return !ctx.ovs().vifPorts(OvsLib.BR_INT).isEmpty();
    }
}
