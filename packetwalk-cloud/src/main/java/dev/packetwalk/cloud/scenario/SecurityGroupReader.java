package dev.packetwalk.cloud.scenario;

import dev.packetwalk.cloud.model.Direction;
import dev.packetwalk.cloud.model.Neutron;
import dev.packetwalk.cloud.model.SecurityGroup;
import dev.packetwalk.cloud.model.Stamp;

import java.util.ArrayList;
import java.util.List;

/**
 * Reads {@code security_groups:}: all groups first, then their rules, so that a rule's
 * {@code remote_group} may name any group. A group named {@code default} is its project's
 * default group, with Neutron's four default rules unless it lists {@code rules:} itself.
 */
final class SecurityGroupReader {
    static final List<String> KEYS = Stamps.with("id", "name", "project", "description", "rules");
    static final List<String> RULE_KEYS = List.of("id", "direction", "ethertype", "protocol", "port_range_min",
            "port_range_max", "remote_ip_prefix", "remote_group");
    private static final Conversion<Direction> DIRECTION = Conversion.choice("ingress or egress", Direction::parse);
    private static final Conversion<String> ETHERTYPE = Conversion.choice("IPv4 or IPv6", text -> {
        if (!text.equals("IPv4") && !text.equals("IPv6")) {
            throw new IllegalArgumentException();
        }
        return text;
    });
    private static final Conversion<Integer> PORT = Conversion.wholeNumber(0, 65535);

    private final Build build;

    SecurityGroupReader(Build build) {
        this.build = build;
    }

    void read(List<Value> items) {
        List<Fields> declared = new ArrayList<>();
        for (Value item : items) {
            Fields f = Fields.named(item, "security group", KEYS);
            String name = f.require("name", Conversion.TEXT);
            build.groups.define(f.required("name"), () -> f.mark().run(() -> create(f, name)).id());
            declared.add(f);
        }
        for (Fields f : declared) {
            SecurityGroup group = build.cloud.securityGroup(build.groups.id(f.required("name")));
            for (Value rule : f.list("rules")) {
                addRule(Fields.of(rule, "rule of " + f.label(), RULE_KEYS), group);
            }
        }
    }

    private SecurityGroup create(Fields f, String name) {
        String id = f.get("id", Conversion.UUID);
        String project = f.get("project", Conversion.TEXT);
        String description = f.get("description", Conversion.TEXT);
        Stamp stamp = Stamps.read(f, build.cloud);
        if (name.equals("default")) {
            return build.neutron.createDefaultGroup(id, project, description, stamp, !f.has("rules"));
        }
        return build.neutron.createSecurityGroup(id, name, project, description, stamp);
    }

    private void addRule(Fields r, SecurityGroup group) {
        String remoteGroup = r.optional("remote_group").map(v -> build.groupId(v, group.projectId())).orElse(null);
        Neutron.RuleSpec spec = new Neutron.RuleSpec(r.get("id", Conversion.UUID), r.require("direction", DIRECTION),
                r.get("ethertype", ETHERTYPE, "IPv4"), r.get("protocol", Conversion.TEXT),
                r.get("port_range_min", PORT), r.get("port_range_max", PORT),
                r.get("remote_ip_prefix", Conversion.PREFIX), remoteGroup);
        r.mark().run(() -> build.neutron.addRule(group.id(), spec));
    }
}
