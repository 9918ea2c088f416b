package dev.packetwalk.cloud.agent.firewall;

import dev.packetwalk.cloud.agent.DeviceNames;
import dev.packetwalk.cloud.agent.iptables.ManagedTable;
import dev.packetwalk.cloud.model.Port;
import dev.packetwalk.cloud.profile.ReleaseProfile;
import dev.packetwalk.linux.netfilter.CommentMatch;
import dev.packetwalk.linux.netfilter.CtTarget;
import dev.packetwalk.linux.netfilter.PhysdevMatch;
import dev.packetwalk.linux.netfilter.Rule;

import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;

/**
 * The conntrack zones of a node's filtered ports (ip_conntrack's zone map, neutron.md §7.5):
 * the hybrid driver gives each port its own zone, the release's first one to the first port,
 * then the highest zone in use plus one, in the order the agent first filtered the ports (the
 * order their VMs were booted); a lab's pins fix a port's zone. The raw table sends what the
 * port's qvb and tap bring into the bridge into that zone.
 */
final class ConntrackZones {
    private final ReleaseProfile profile;
    private final Map<String, Integer> zones;

    private ConntrackZones(ReleaseProfile profile, Map<String, Integer> zones) {
        this.profile = profile;
        this.zones = zones;
    }

    /** Zones for {@code ports} (in the order they were first filtered), {@code pins} by port id. */
    static ConntrackZones allocate(ReleaseProfile profile, Map<String, Integer> pins, List<Port> ports) {
        Map<String, Integer> zones = new HashMap<>();
        TreeSet<Integer> used = new TreeSet<>();
        for (Port p : ports) {
            Integer pinned = pins.get(p.id());
            if (pinned != null) {
                zones.put(p.id(), pinned);
                used.add(pinned);
            }
        }
        for (Port p : ports) {
            if (!zones.containsKey(p.id())) {
                int zone = used.isEmpty() ? profile.firstConntrackZone() : used.last() + 1;
                zones.put(p.id(), zone);
                used.add(zone);
            }
        }
        return new ConntrackZones(profile, Collections.unmodifiableMap(zones));
    }

    int zone(Port port) {
        return zones.get(port.id());
    }

    /**
     * The port's raw PREROUTING rules: Ocata's {@code --physdev-in qvbX} and {@code --physdev-in
     * tapX}, or Pike's three, {@code -i qvbX} between them, commented with the port id less its
     * first four characters (the driver cuts the device name's prefix length from the id).
     */
    void addRules(ManagedTable raw, Port port) {
        String qvb = DeviceNames.qvb(port.id());
        String tap = DeviceNames.tap(port.id());
        CtTarget zone = CtTarget.zone(zone(port));
        if (profile.zoneRulesWithComment()) {
            CommentMatch comment = CommentMatch.of("Set zone for " + port.id().substring(4));
            raw.addRule("PREROUTING", Rule.builder().match(PhysdevMatch.in(qvb)).match(comment).target(zone));
            raw.addRule("PREROUTING", Rule.builder().inInterface(qvb).match(comment).target(zone));
            raw.addRule("PREROUTING", Rule.builder().match(PhysdevMatch.in(tap)).match(comment).target(zone));
        } else {
            raw.addRule("PREROUTING", Rule.builder().match(PhysdevMatch.in(qvb)).target(zone));
            raw.addRule("PREROUTING", Rule.builder().match(PhysdevMatch.in(tap)).target(zone));
        }
    }
}
