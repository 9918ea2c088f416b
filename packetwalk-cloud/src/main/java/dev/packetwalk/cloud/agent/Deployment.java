package dev.packetwalk.cloud.agent;

import dev.packetwalk.cloud.agent.dhcp.DhcpAgent;
import dev.packetwalk.cloud.api.ApiCommands;
import dev.packetwalk.cloud.api.Terminal;
import dev.packetwalk.cloud.agent.firewall.HybridFirewall;
import dev.packetwalk.cloud.agent.l3.L3Agent;
import dev.packetwalk.cloud.agent.ovs.OvsAgent;
import dev.packetwalk.cloud.model.Cloud;
import dev.packetwalk.cloud.model.Node;
import dev.packetwalk.cloud.model.Port;
import dev.packetwalk.host.Command;
import dev.packetwalk.host.Host;
import dev.packetwalk.host.Hosts;
import dev.packetwalk.net.Clock;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * A cloud's nodes as running machines: one host per node on one clock, each rendered the way its
 * agents build it — boot, the OVS agent's bridges, Nova's VM plugs, the DHCP and L3 agents'
 * namespaces, then the OVS agent binding every port and the firewall guarding VM ports.
 */
public final class Deployment {
    private final Cloud cloud;
    private final Clock clock = new Clock();
    private final Map<String, Host> hosts = new LinkedHashMap<>();

    private Deployment(Cloud cloud) {
        this.cloud = cloud;
    }

    /** Renders every node of {@code cloud}; each host carries the cloud's API clients (nova, neutron ...). */
    public static Deployment render(Cloud cloud) {
        return render(cloud, Terminal.NONE);
    }

    /** The same, with API clients that fit their tables to {@code terminal} as the Ocata clients do. */
    public static Deployment render(Cloud cloud, Terminal terminal) {
        Deployment d = new Deployment(cloud);
        Map<String, Command> api = ApiCommands.all(cloud, terminal);
        Placement placement = new Placement(cloud);
        for (Node node : cloud.nodes()) {
            Host host = Hosts.withCommands(node.name(), d.clock, api);
            d.hosts.put(node.name(), host);
            renderNode(new NodeContext(placement, node, host));
        }
        return d;
    }

    private static void renderNode(NodeContext ctx) {
        NodeBoot.boot(ctx.node(), ctx.host());
        if (!ctx.node().runsOvsAgent()) {
            return;
        }
        OvsAgent.start(ctx);
        for (Port port : ctx.placement().vmPorts(ctx.node())) {
            HybridPlug.plug(ctx, port);
        }
        DhcpAgent.render(ctx);
        L3Agent.render(ctx);
        OvsAgent.bindPorts(ctx);
        HybridFirewall.render(ctx);
    }

    public Cloud cloud() {
        return cloud;
    }

    public Clock clock() {
        return clock;
    }

    /** The hosts by node name, in the scenario's order. */
    public Map<String, Host> hosts() {
        return Collections.unmodifiableMap(hosts);
    }

    public Optional<Host> host(String node) {
        return Optional.ofNullable(hosts.get(node));
    }
}
