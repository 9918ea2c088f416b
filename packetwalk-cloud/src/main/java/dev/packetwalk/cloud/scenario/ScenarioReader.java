package dev.packetwalk.cloud.scenario;

import dev.packetwalk.cloud.model.AgentOptions;
import dev.packetwalk.cloud.model.Cloud;
import dev.packetwalk.cloud.model.IdSource;
import dev.packetwalk.cloud.profile.ReleaseProfile;
import dev.packetwalk.host.WallClock;

import java.util.List;

/**
 * Reads a scenario's tree into a cloud: the cloud-wide settings, then each section in the order
 * the cloud is built — nodes, security groups, networks with their subnets, routers, servers and
 * floating IPs — whatever the order of the file.
 */
final class ScenarioReader {
    static final List<String> KEYS = List.of("seed", "profile", "project", "timestamp", "agents", "nodes",
            "networks", "security_groups", "routers", "servers", "floating_ips");
    private static final List<String> AGENT_KEYS = List.of("l2population", "arp_responder", "enable_ipset",
            "prevent_arp_spoofing", "metadata");
    private static final Conversion<ReleaseProfile> PROFILE = Conversion.choice("ocata or pike",
            ReleaseProfile::named);

    private ScenarioReader() {
    }

    static Cloud read(YamlNode root) {
        Fields top = Fields.document(root, KEYS);
        long seed = top.get("seed", Conversion.LONG, 0L);
        String project = top.optional("project").map(v -> v.as(Conversion.TEXT))
                .orElseGet(() -> new IdSource(~seed).projectId());
        Cloud cloud = new Cloud(top.get("profile", PROFILE, ReleaseProfile.OCATA), agents(top), seed, project,
                top.get("timestamp", Conversion.TIMESTAMP, WallClock.EPOCH.toString()));
        Build build = new Build(cloud);
        Value nodes = top.required("nodes");
        if (nodes.items().isEmpty()) {
            throw nodes.error("nodes must list at least one node");
        }
        List<LocalVlanPins> vlans = new NodeReader(build).read(nodes.items());
        new SecurityGroupReader(build).read(top.list("security_groups"));
        new NetworkReader(build).read(top.list("networks"));
        vlans.forEach(v -> v.pin(build));
        new RouterReader(build).read(top.list("routers"));
        new ServerReader(build).read(top.list("servers"));
        new FloatingIpReader(build).read(top.list("floating_ips"));
        return cloud;
    }

    private static AgentOptions agents(Fields top) {
        AgentOptions d = AgentOptions.DEFAULTS;
        return top.object("agents", "agents", AGENT_KEYS).map(a -> a.mark().run(() -> new AgentOptions(
                a.get("l2population", Conversion.BOOLEAN, d.l2population()),
                a.get("arp_responder", Conversion.BOOLEAN, d.arpResponder()),
                a.get("enable_ipset", Conversion.BOOLEAN, d.enableIpset()),
                a.get("prevent_arp_spoofing", Conversion.BOOLEAN, d.preventArpSpoofing()),
                a.get("metadata", Conversion.BOOLEAN, d.metadata())))).orElse(d);
    }
}
