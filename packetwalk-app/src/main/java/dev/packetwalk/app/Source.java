package dev.packetwalk.app;

import dev.packetwalk.cloud.agent.Deployment;
import dev.packetwalk.cloud.lab.Lab;
import dev.packetwalk.cloud.model.Cloud;
import dev.packetwalk.cloud.model.Node;
import dev.packetwalk.cloud.model.Role;
import dev.packetwalk.cloud.scenario.Scenario;
import dev.packetwalk.host.Host;
import dev.packetwalk.host.Hosts;
import picocli.CommandLine.Option;

import java.io.File;
import java.util.Map;

/**
 * Where hosts come from: {@code --bare} (one empty host), a built-in lab, a scenario file, or
 * node dumps; with none of them, the default lab.
 */
final class Source {
    @Option(names = "--bare", description = "one empty host with Open vSwitch installed")
    boolean bare;

    @Option(names = "--lab", paramLabel = "NAME", description = "a built-in lab (see `packetwalk labs`; default: dvr)")
    String lab;

    @Option(names = "--scenario", paramLabel = "FILE", description = "a scenario file (YAML; see scenarios/example.yaml)")
    File scenario;

    @Option(names = "--dumps", paramLabel = "DIR", description = "dumps taken on real nodes")
    File dumps;

    /** The nodes this source gives, and the one a session logs in to unless told otherwise. */
    record Nodes(Map<String, Host> hosts, String login, String what) {
        /** The host called {@code name} (null: the login node); a {@link BadInput} naming the choices if none is. */
        Host host(String name) {
            String wanted = name == null ? login : name;
            Host h = hosts.get(wanted);
            if (h == null) {
                throw new BadInput("no node named " + wanted + " in " + what + " (nodes: "
                        + String.join(", ", hosts.keySet()) + ")");
            }
            return h;
        }
    }

    /** Builds the nodes; bad input (an unknown lab, a broken scenario) is a {@link BadInput}. */
    Nodes open(String bareName) {
        if (dumps != null) {
            throw new BadInput("--dumps " + dumps + " needs the importers, which are not built yet; use --lab, "
                    + "--scenario or --bare");
        }
        if (bare) {
            String name = bareName == null ? "localhost" : bareName;
            return new Nodes(Map.of(name, Hosts.bare(name)), name, "the bare host");
        }
        if (scenario != null) {
            Cloud cloud = load(scenario);
            return new Nodes(Deployment.render(cloud).hosts(), loginNode(cloud), "scenario " + scenario);
        }
        Lab chosen = lab == null ? Lab.byDefault() : Lab.named(lab).orElseThrow(() -> new BadInput("no lab named "
                + lab + " (labs: " + String.join(", ", Lab.ALL.stream().map(Lab::name).toList()) + ")"));
        return new Nodes(Deployment.render(chosen.cloud()).hosts(), chosen.loginNode(), "lab " + chosen.name());
    }

    private static Cloud load(File file) {
        try {
            return Scenario.load(file.toPath());
        } catch (dev.packetwalk.cloud.scenario.ScenarioException e) {
            throw new BadInput(e.getMessage());
        }
    }

    /** A scenario's session starts on its first controller, else on its first node. */
    private static String loginNode(Cloud cloud) {
        return cloud.nodes().stream().filter(n -> n.has(Role.CONTROLLER)).findFirst()
                .or(() -> cloud.nodes().stream().findFirst()).map(Node::name).orElseThrow();
    }
}
