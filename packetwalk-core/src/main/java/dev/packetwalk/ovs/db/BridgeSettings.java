package dev.packetwalk.ovs.db;

import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * A bridge as {@code ovs-vsctl add-br BR -- set-fail-mode BR MODE -- set Bridge BR
 * protocols=... datapath_type=... external_ids:...=...} makes it: the fail mode ("standalone",
 * "secure", or null for none), the OpenFlow versions it speaks (empty: OVS's default), the
 * datapath type ("" for the default, "system", "netdev", "dummy") and its external_ids.
 * Immutable; the factory and the {@code with} methods validate.
 */
public record BridgeSettings(String name, String failMode, List<String> protocols, String datapathType,
        Map<String, String> externalIds) {
    private static final List<String> PROTOCOLS = List.of("OpenFlow10", "OpenFlow11", "OpenFlow12", "OpenFlow13",
            "OpenFlow14", "OpenFlow15");
    private static final List<String> DATAPATH_TYPES = List.of("", "system", "netdev", "dummy");

    public BridgeSettings {
        if (name == null || name.isEmpty()) {
            throw new IllegalArgumentException("a bridge needs a name");
        }
        if (failMode != null && !failMode.equals("standalone") && !failMode.equals("secure")) {
            throw new IllegalArgumentException("fail-mode must be \"standalone\" or \"secure\"");
        }
        protocols = List.copyOf(protocols);
        for (String p : protocols) {
            if (!PROTOCOLS.contains(p)) {
                throw new IllegalArgumentException("unknown OpenFlow version \"" + p + "\" (known: "
                        + String.join(", ", PROTOCOLS) + ")");
            }
        }
        if (!DATAPATH_TYPES.contains(datapathType)) {
            throw new IllegalArgumentException("unknown datapath type \"" + datapathType + "\" (known: \"\", system,"
                    + " netdev, dummy)");
        }
        externalIds = externalIds.isEmpty() ? Map.of()
                : java.util.Collections.unmodifiableSortedMap(new TreeMap<>(externalIds));
    }

    /** A bridge with nothing but its name set. */
    public static BridgeSettings of(String name) {
        return new BridgeSettings(name, null, List.of(), "", Map.of());
    }

    public BridgeSettings withFailMode(String mode) {
        return new BridgeSettings(name, mode, protocols, datapathType, externalIds);
    }

    /** The OpenFlow versions ({@code protocols=OpenFlow10,OpenFlow13}). */
    public BridgeSettings withProtocols(String... versions) {
        return new BridgeSettings(name, failMode, List.of(versions), datapathType, externalIds);
    }

    public BridgeSettings withDatapathType(String type) {
        return new BridgeSettings(name, failMode, protocols, type, externalIds);
    }

    /** One more {@code external_ids:KEY=VALUE} ({@code bridge-id} ...). */
    public BridgeSettings withExternalId(String key, String value) {
        if (key == null || key.isEmpty() || value == null) {
            throw new IllegalArgumentException("a map entry needs a key and a value");
        }
        TreeMap<String, String> ids = new TreeMap<>(externalIds);
        ids.put(key, value);
        return new BridgeSettings(name, failMode, protocols, datapathType, ids);
    }
}
