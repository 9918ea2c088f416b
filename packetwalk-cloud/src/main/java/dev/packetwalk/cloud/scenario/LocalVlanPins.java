package dev.packetwalk.cloud.scenario;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A node's {@code pins: local_vlans:} as the file gives them, by network name: read with the
 * node, pinned once the networks exist (they are created after the nodes).
 */
record LocalVlanPins(String node, Mark mark, List<Vlan> vlans) {
    private static final Conversion<Integer> VLAN = Conversion.wholeNumber(1, 4094);

    /** One pin: the network's name as written, and its VLAN. */
    record Vlan(Value network, int vlan) {
    }

    LocalVlanPins {
        vlans = List.copyOf(vlans);
    }

    /** The local VLANs of a node's pins, if it pins any. */
    static Optional<LocalVlanPins> read(String node, Fields pins) {
        List<Vlan> vlans = new ArrayList<>();
        for (Value.Member m : pins.members("local_vlans")) {
            vlans.add(new Vlan(m.key(), m.value().as(VLAN)));
        }
        return vlans.isEmpty() ? Optional.empty()
                : Optional.of(new LocalVlanPins(node, pins.required("local_vlans").mark(), vlans));
    }

    void pin(Build build) {
        Map<String, Integer> byNetworkId = new LinkedHashMap<>();
        for (Vlan v : vlans) {
            byNetworkId.put(build.networks.id(v.network()), v.vlan());
        }
        mark.run(() -> build.neutron.pinLocalVlans(node, byNetworkId));
    }
}
