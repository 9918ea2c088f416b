package dev.packetwalk.ovs.db;

import java.util.List;
import java.util.Map;

/** A Port row: its VLAN configuration and its interfaces (one, or several for a bond). */
public record PortRow(OvsDb db, Row row) {
    public String name() {
        return row.string("name");
    }

    public Uuid uuid() {
        return row.uuid();
    }

    /** The access VLAN, or null when the port has no tag. */
    public Integer tag() {
        Long t = row.integer("tag");
        return t == null ? null : t.intValue();
    }

    /** Trunk VLANs, ascending (empty: all VLANs when untagged). */
    public List<Integer> trunks() {
        return row.get("trunks").keys().stream().map(k -> ((Long) k).intValue()).toList();
    }

    /** trunk, access, native-tagged, native-untagged, dot1q-tunnel; or null when unset. */
    public String vlanMode() {
        return row.string("vlan_mode");
    }

    public List<InterfaceRow> interfaces() {
        return db.referenced(row, "interfaces").stream().map(r -> new InterfaceRow(db, r)).toList();
    }

    public Map<String, String> otherConfig() {
        return row.map("other_config");
    }

    public Map<String, String> externalIds() {
        return row.map("external_ids");
    }
}
