package dev.packetwalk.cloud.scenario;

import dev.packetwalk.cloud.model.Pins;

import java.util.List;
import java.util.Map;

/**
 * Reads a node's {@code pins:}, the values its agents would otherwise choose: the Open_vSwitch
 * UUID, bridge cookies, OpenFlow port numbers, device MACs (with {@code dvr}, the DVR host MAC)
 * and conntrack zones by port id. Local VLANs, by network name, are read by {@link LocalVlanPins}.
 */
final class PinsReader {
    static final List<String> KEYS = List.of("ovs_uuid", "cookies", "ofports", "local_vlans", "macs", "zones");

    private PinsReader() {
    }

    /** The pins but local VLANs. */
    static Pins read(Fields pins) {
        return new Pins(pins.get("ovs_uuid", Conversion.UUID),
                pins.map("cookies", Conversion.TEXT, Conversion.COOKIE),
                pins.map("ofports", Conversion.TEXT, Conversion.wholeNumber(1, 65279)),
                Map.of(),
                pins.map("macs", Conversion.TEXT, Conversion.MAC),
                pins.map("zones", Conversion.UUID, Conversion.wholeNumber(1, 65535)));
    }
}
