package dev.packetwalk.ovs.db;

import dev.packetwalk.net.MacAddress;

import java.util.List;
import java.util.Map;

/** A Bridge row seen through its meaning: name, fail mode, ports, datapath id, MAC. */
public record BridgeRow(OvsDb db, Row row) {
    public String name() {
        return row.string("name");
    }

    public Uuid uuid() {
        return row.uuid();
    }

    /** {@code secure}, {@code standalone}, or null when unset (standalone behaviour). */
    public String failMode() {
        return row.string("fail_mode");
    }

    /** {@code ""} (system), {@code netdev} or {@code dummy}. */
    public String datapathType() {
        return row.string("datapath_type");
    }

    /** Ports in the order they were added. */
    public List<PortRow> ports() {
        return db.referenced(row, "ports").stream().map(r -> new PortRow(db, r)).toList();
    }

    /** The datapath id ovs-vswitchd chose (other_config:datapath-id, else from the MAC). */
    public long datapathId() {
        String s = row.string("datapath_id");
        return s == null ? 0 : Long.parseUnsignedLong(s, 16);
    }

    /** The bridge's Ethernet address: the LOCAL port's MAC. */
    public MacAddress mac() {
        return db.vswitchd().bridgeMac(this);
    }

    /** The Controller rows' targets, e.g. {@code tcp:127.0.0.1:6633}. */
    public List<String> controllerTargets() {
        return db.referenced(row, "controller").stream().map(r -> r.string("target")).toList();
    }

    public List<Row> controllers() {
        return db.referenced(row, "controller");
    }

    /** OpenFlow10 ... OpenFlow15 as configured (empty: OVS's default set). */
    public List<String> protocols() {
        return row.get("protocols").keys().stream().map(String.class::cast).toList();
    }

    public Map<String, String> otherConfig() {
        return row.map("other_config");
    }

    public Map<String, String> externalIds() {
        return row.map("external_ids");
    }

    public boolean mcastSnoopingEnable() {
        return row.bool("mcast_snooping_enable");
    }

    public boolean stpEnable() {
        return row.bool("stp_enable");
    }
}
