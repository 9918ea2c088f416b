package dev.packetwalk.cloud.agent.ovs;

import dev.packetwalk.cloud.agent.Deployment;
import dev.packetwalk.host.Shell;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** Reads a rendered node's switch through its commands, as an operator would. */
final class Switches {
    private final Deployment deployment;

    Switches(Deployment deployment) {
        this.deployment = deployment;
    }

    String run(String node, String command) {
        StringBuilder out = new StringBuilder();
        StringBuilder err = new StringBuilder();
        int rc = new Shell(deployment.host(node).orElseThrow()).runLine(command, out, err);
        assertThat(rc).as(command + " on " + node + ": " + err).isZero();
        return out.toString();
    }

    /** {@code ovs-ofctl dump-flows BRIDGE}, each line without duration, counters and ages. */
    List<String> flows(String node, String bridge) {
        return run(node, "ovs-ofctl dump-flows " + bridge).lines().filter(l -> l.contains("cookie="))
                .map(Seed004::normalize).map(l -> l.replaceFirst("^cookie=0x[0-9a-f]+, ", "")).toList();
    }

    int ofport(String node, String iface) {
        return Integer.parseInt(run(node, "ovs-vsctl get Interface " + iface + " ofport").strip());
    }

    int tag(String node, String port) {
        return Integer.parseInt(run(node, "ovs-vsctl get Port " + port + " tag").strip());
    }
}
