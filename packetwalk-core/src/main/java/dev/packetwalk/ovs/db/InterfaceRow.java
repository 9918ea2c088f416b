package dev.packetwalk.ovs.db;

import dev.packetwalk.net.MacAddress;

import java.util.Map;

/** An Interface row: type, options, and what ovs-vswitchd made of it (ofport, MAC, error). */
public record InterfaceRow(OvsDb db, Row row) {
    /** The OpenFlow number of a bridge's own internal port. */
    public static final int OFPP_LOCAL = 65534;

    public String name() {
        return row.string("name");
    }

    public Uuid uuid() {
        return row.uuid();
    }

    /** {@code ""} (a system device), internal, patch, vxlan, gre, geneve, tap, dummy ... */
    public String type() {
        return row.string("type");
    }

    public Map<String, String> options() {
        return row.map("options");
    }

    /** The OpenFlow port number, 65534 for LOCAL, or -1 when the interface could not be added. */
    public int ofport() {
        Long p = row.integer("ofport");
        return p == null ? -1 : p.intValue();
    }

    /** The requested OpenFlow port number, or null. */
    public Integer ofportRequest() {
        Long p = row.integer("ofport_request");
        return p == null ? null : p.intValue();
    }

    /** The MAC address in use (mac_in_use), or null when the interface has none. */
    public MacAddress mac() {
        String m = row.string("mac_in_use");
        return m == null ? null : MacAddress.parse(m);
    }

    /** Why ovs-vswitchd could not set the interface up, or null. */
    public String error() {
        return row.string("error");
    }

    public Map<String, String> externalIds() {
        return row.map("external_ids");
    }

    public Map<String, String> otherConfig() {
        return row.map("other_config");
    }
}
