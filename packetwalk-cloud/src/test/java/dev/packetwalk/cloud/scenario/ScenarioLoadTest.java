package dev.packetwalk.cloud.scenario;

import dev.packetwalk.cloud.model.Cloud;
import dev.packetwalk.cloud.model.Direction;
import dev.packetwalk.cloud.model.Port;
import dev.packetwalk.cloud.model.SecurityGroup;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The entry points, the defaults a scenario leaves to the reader, and what stays the same from run to run. */
class ScenarioLoadTest {
    private static final String SMALL = """
            nodes:
              - {name: net1, roles: [controller, network], l3_agent_mode: legacy}
              - {name: cmp1, roles: [compute]}
            networks:
              - name: priv
                subnets: [{name: priv-sub, cidr: 10.0.0.0/24}]
            servers:
              - {name: vm1, nics: [{network: priv}]}
              - {name: vm2, nics: [{network: priv}]}
            """;

    @Test
    void aLabFromTheClasspath() {
        Cloud cloud = Scenario.fromResource("scenario-test.yaml");
        assertThat(cloud.nodes()).extracting(n -> n.name()).containsExactly("aio");
        assertThat(cloud.servers()).singleElement().satisfies(s -> assertThat(s.host()).isEqualTo("aio"));
    }

    @Test
    void aFileNamedAsGiven(@TempDir Path dir) throws IOException {
        Path file = dir.resolve("bad.yaml");
        Files.writeString(file, SMALL + "extra: 1\n");
        assertThatThrownBy(() -> Scenario.load(file)).isInstanceOf(ScenarioException.class)
                .hasMessageStartingWith(file + ":10:1: unknown key \"extra\" in the scenario");
        Files.writeString(file, SMALL);
        assertThat(Scenario.load(file).servers()).hasSize(2);
    }

    @Test
    void defaults() {
        Cloud cloud = Scenario.parse(SMALL, "small.yaml");
        assertThat(cloud.profile().name()).isEqualTo("ocata");
        assertThat(cloud.projectId()).matches("[0-9a-f]{32}");
        assertThat(cloud.stamp(null).createdAt()).isEqualTo("2017-06-01T09:00:00Z");
        assertThat(cloud.options()).isEqualTo(dev.packetwalk.cloud.model.AgentOptions.DEFAULTS);
        assertThat(cloud.networks()).singleElement().satisfies(n -> assertThat(n.segmentationId()).isEqualTo(1));
        assertThat(cloud.servers()).allSatisfy(s -> assertThat(s.host()).isEqualTo("cmp1"));
        Port port = cloud.port(cloud.servers().iterator().next().portIds().get(0));
        SecurityGroup def = cloud.securityGroup(port.securityGroupIds().get(0));
        assertThat(def.name()).isEqualTo("default");
        assertThat(def.rules()).hasSize(4);
    }

    @Test
    void theSameTextGivesTheSameCloud() {
        assertThat(fingerprint(Scenario.parse(SMALL, "a.yaml"))).isEqualTo(fingerprint(Scenario.parse(SMALL, "b.yaml")));
    }

    @Test
    void anotherSeedGivesAnotherCloud() {
        assertThat(fingerprint(Scenario.parse("seed: 1\n" + SMALL, "a.yaml")))
                .isNotEqualTo(fingerprint(Scenario.parse(SMALL, "a.yaml")));
    }

    @Test
    void theOrderOfTheSectionsInTheFileDoesNotMatter() {
        int servers = SMALL.indexOf("servers:");
        String serversFirst = SMALL.substring(servers) + SMALL.substring(0, servers);
        assertThat(fingerprint(Scenario.parse(serversFirst, "a.yaml"))).isEqualTo(fingerprint(Scenario.parse(SMALL, "a.yaml")));
    }

    @Test
    void aDeclaredDefaultGroupWithRulesHasOnlyThoseRules() {
        Cloud cloud = Scenario.parse(SMALL + """
                security_groups:
                  - name: default
                    description: locked down
                    rules:
                      - {id: 0c6cf2a1-5fd3-4a42-9d27-5c8f1e36b001, direction: egress}
                      - {direction: ingress, ethertype: IPv6, remote_group: default}
                """, "a.yaml");
        SecurityGroup def = cloud.securityGroups().stream().filter(g -> g.name().equals("default")).findFirst()
                .orElseThrow();
        assertThat(def.description()).isEqualTo("locked down");
        assertThat(def.rules()).hasSize(2);
        assertThat(def.rules().get(0).id()).isEqualTo("0c6cf2a1-5fd3-4a42-9d27-5c8f1e36b001");
        assertThat(def.rules().get(0).direction()).isEqualTo(Direction.EGRESS);
        assertThat(def.rules().get(1).remoteGroupId()).isEqualTo(def.id());
        assertThat(cloud.securityGroups()).hasSize(1);
    }

    @Test
    void aFailedLoadThrowsOnlyOneKindOfException() {
        assertThatThrownBy(() -> Scenario.parse(SMALL.replace("10.0.0.0/24", "10.0.0.0/8x"), "a.yaml"))
                .isExactlyInstanceOf(ScenarioException.class)
                .hasMessage("a.yaml:6:38: subnet \"priv-sub\": cidr must be an IPv4 prefix like 10.0.0.0/24, "
                        + "not \"10.0.0.0/8x\"");
    }

    private static List<String> fingerprint(Cloud cloud) {
        return cloud.ports().stream().map(p -> p.id() + " " + p.mac() + " " + p.fixedIps()).toList();
    }
}
