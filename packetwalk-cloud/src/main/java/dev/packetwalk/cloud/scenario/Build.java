package dev.packetwalk.cloud.scenario;

import dev.packetwalk.cloud.model.Cloud;
import dev.packetwalk.cloud.model.Neutron;
import dev.packetwalk.cloud.model.NeutronL3;
import dev.packetwalk.cloud.model.Nova;

/**
 * What the section readers share while one scenario is read: the cloud being built, its APIs,
 * and the names defined so far, by kind.
 */
final class Build {
    final Cloud cloud;
    final Neutron neutron;
    final NeutronL3 l3;
    final Nova nova;
    final Names nodes = new Names("node");
    final Names networks = new Names("network");
    final Names subnets = new Names("subnet");
    final Names groups = new Names("security group");
    final Names routers = new Names("router");
    final Names servers = new Names("server");

    Build(Cloud cloud) {
        this.cloud = cloud;
        this.neutron = new Neutron(cloud);
        this.l3 = new NeutronL3(neutron);
        this.nova = new Nova(neutron);
    }

    /**
     * The security group a reference names. {@code default}, when the scenario declares no group
     * of that name, is the project's default group (created on first use, as Neutron does).
     */
    String groupId(Value reference, String projectId) {
        if (reference.as(Conversion.TEXT).equals("default") && !groups.contains("default")) {
            return reference.mark().run(() -> neutron.defaultGroup(projectId)).id();
        }
        return groups.id(reference);
    }
}
