package dev.packetwalk.cloud.lab;

import dev.packetwalk.cloud.model.Cloud;
import dev.packetwalk.cloud.scenario.Scenario;

import java.util.List;
import java.util.Optional;

/**
 * A built-in lab: a scenario shipped with Packetwalk that reproduces one of the seed
 * walkthroughs, and the node a session starts on.
 */
public record Lab(String name, String summary, String loginNode) {
    /** The labs, the default first. */
    public static final List<Lab> ALL = List.of(
            new Lab("dvr", "seed 000: controller (dvr_snat), compute1, compute2; RED and GREEN joined by the "
                    + "distributed router VR; RED1's floating IP through compute1's fip namespace", "controller"),
            new Lab("legacy", "seed 004: network-node (legacy router r1 with SNAT), compute01 with c-private "
                    + "172.19.1.3 on net1 (VNI 90), floating IP 172.24.4.3", "controller"));

    public static Lab byDefault() {
        return ALL.get(0);
    }

    public static Optional<Lab> named(String name) {
        return ALL.stream().filter(l -> l.name.equals(name)).findFirst();
    }

    /** The lab's cloud, read from its scenario. */
    public Cloud cloud() {
        return Scenario.fromResource(name + ".yaml");
    }
}
