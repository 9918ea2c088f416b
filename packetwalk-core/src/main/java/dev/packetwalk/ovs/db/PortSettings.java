package dev.packetwalk.ovs.db;

import java.util.Map;
import java.util.TreeMap;

import dev.packetwalk.net.MacAddress;

/**
 * A port with one interface of the same name, as {@code ovs-vsctl add-port BR P tag=N -- set
 * Interface P type=... options:...=... external_ids:...=... ofport_request=N} makes it: the
 * interface type ("" for a system device, "internal", "patch", "vxlan" ...), the access VLAN tag
 * (null: none), the interface's options and external_ids, the port's other_config, the requested
 * OpenFlow port number (null: ovs-vswitchd picks) and, for labs that want seed values, the MAC
 * the switch reports for the interface instead of the one it would draw (null: its own).
 * Immutable; the factory and the {@code with} methods validate.
 */
public record PortSettings(String name, String type, Integer tag, Map<String, String> options,
        Map<String, String> externalIds, Map<String, String> portOtherConfig, Integer ofportRequest,
        MacAddress macInUse) {
    private static final int MAX_TAG = 4095;
    private static final int MAX_OFPORT_REQUEST = 65279;

    public PortSettings {
        if (name == null || name.isEmpty()) {
            throw new IllegalArgumentException("a port needs a name");
        }
        if (type == null || !type.isEmpty() && !BridgeReconfiguration.IFACE_TYPES.contains(type)) {
            throw new IllegalArgumentException("unknown interface type \"" + type + "\" for " + name + " (known: \"\", "
                    + String.join(", ", BridgeReconfiguration.IFACE_TYPES) + ")");
        }
        if (tag != null && (tag < 0 || tag > MAX_TAG)) {
            throw new IllegalArgumentException("tag " + tag + " of " + name + " is out of range 0.." + MAX_TAG);
        }
        if (ofportRequest != null && (ofportRequest < 1 || ofportRequest > MAX_OFPORT_REQUEST)) {
            throw new IllegalArgumentException("ofport_request " + ofportRequest + " of " + name
                    + " is out of range 1.." + MAX_OFPORT_REQUEST);
        }
        options = sorted(options, "options");
        externalIds = sorted(externalIds, "external_ids");
        portOtherConfig = sorted(portOtherConfig, "other_config");
    }

    /** A system port (the interface is the kernel device of that name), nothing else set. */
    public static PortSettings of(String name) {
        return new PortSettings(name, "", null, Map.of(), Map.of(), Map.of(), null, null);
    }

    /** A patch port to {@code peer} ({@code type=patch options:peer=PEER}). */
    public static PortSettings patch(String name, String peer) {
        return of(name).withType("patch").withOption("peer", peer);
    }

    public PortSettings withType(String interfaceType) {
        return new PortSettings(name, interfaceType, tag, options, externalIds, portOtherConfig, ofportRequest,
                macInUse);
    }

    /** The access VLAN ({@code tag=N}, 0..4095). */
    public PortSettings withTag(int vlan) {
        return new PortSettings(name, type, vlan, options, externalIds, portOtherConfig, ofportRequest, macInUse);
    }

    /** One more {@code options:KEY=VALUE} of the interface. */
    public PortSettings withOption(String key, String value) {
        return new PortSettings(name, type, tag, with(options, key, value), externalIds, portOtherConfig,
                ofportRequest, macInUse);
    }

    /** One more {@code external_ids:KEY=VALUE} of the interface ({@code iface-id}, {@code attached-mac} ...). */
    public PortSettings withExternalId(String key, String value) {
        return new PortSettings(name, type, tag, options, with(externalIds, key, value), portOtherConfig,
                ofportRequest, macInUse);
    }

    /** One more {@code other_config:KEY=VALUE} of the port ({@code net_uuid}, {@code segmentation_id} ...). */
    public PortSettings withPortOtherConfig(String key, String value) {
        return new PortSettings(name, type, tag, options, externalIds, with(portOtherConfig, key, value),
                ofportRequest, macInUse);
    }

    /** The OpenFlow port number to ask for ({@code ofport_request=N}, 1..65279). */
    public PortSettings withOfportRequest(int ofport) {
        return new PortSettings(name, type, tag, options, externalIds, portOtherConfig, ofport, macInUse);
    }

    /**
     * The MAC ovs-vswitchd reports for the interface ({@code mac_in_use}, {@code addr:} in
     * {@code ovs-ofctl show}) instead of the random one it would give a patch, tunnel or dummy
     * port. Real OVS has no such setting (its {@code mac} column only changes internal ports);
     * it lets a lab reproduce a seed's addresses. A kernel device keeps its own address.
     */
    public PortSettings withMacInUse(MacAddress mac) {
        return new PortSettings(name, type, tag, options, externalIds, portOtherConfig, ofportRequest, mac);
    }

    private static Map<String, String> with(Map<String, String> map, String key, String value) {
        if (key == null || key.isEmpty() || value == null) {
            throw new IllegalArgumentException("a map entry needs a key and a value");
        }
        TreeMap<String, String> copy = new TreeMap<>(map);
        copy.put(key, value);
        return copy;
    }

    private static Map<String, String> sorted(Map<String, String> map, String column) {
        if (map == null) {
            throw new IllegalArgumentException(column + " must not be null (empty: none)");
        }
        return map.isEmpty() ? Map.of() : java.util.Collections.unmodifiableSortedMap(new TreeMap<>(map));
    }
}
