package dev.packetwalk.ovs.db;

/**
 * {@code ovs-vsctl show} as Open vSwitch 3.1 prints it: the Open_vSwitch UUID, managers, then
 * each bridge with its controllers, fail mode, datapath type and ports. Rows come out in
 * creation order (real OVS uses UUID order, which is effectively random).
 */
public final class VsctlShow {
    private VsctlShow() {
    }

    public static String print(OvsDb db) {
        StringBuilder sb = new StringBuilder();
        sb.append(db.root().uuid()).append('\n');
        for (Row m : db.referenced(db.root(), "manager_options")) {
            target(sb, "    ", "Manager", m);
        }
        for (BridgeRow b : db.bridges()) {
            sb.append("    Bridge ").append(AtomText.format(b.name())).append('\n');
            for (Row c : b.controllers()) {
                target(sb, "        ", "Controller", c);
            }
            item(sb, "        ", "fail_mode", b.row(), "fail_mode");
            item(sb, "        ", "datapath_type", b.row(), "datapath_type");
            for (PortRow p : b.ports()) {
                sb.append("        Port ").append(AtomText.format(p.name())).append('\n');
                item(sb, "            ", "tag", p.row(), "tag");
                item(sb, "            ", "trunks", p.row(), "trunks");
                for (InterfaceRow i : p.interfaces()) {
                    sb.append("            Interface ").append(AtomText.format(i.name())).append('\n');
                    item(sb, "                ", "type", i.row(), "type");
                    item(sb, "                ", "options", i.row(), "options");
                    item(sb, "                ", "error", i.row(), "error");
                }
            }
        }
        item(sb, "    ", "ovs_version", db.root(), "ovs_version");
        return sb.toString();
    }

    private static void target(StringBuilder sb, String indent, String label, Row row) {
        sb.append(indent).append(label).append(' ').append(AtomText.format(row.string("target"))).append('\n');
        if (row.bool("is_connected")) {
            sb.append(indent).append("    is_connected: true\n");
        }
    }

    private static void item(StringBuilder sb, String indent, String label, Row row, String column) {
        Datum d = row.get(column);
        if (d.isEmpty() || "".equals(d.first()) && !d.isMap()) {
            return;
        }
        sb.append(indent).append(label).append(": ").append(d.format(row.table().column(column))).append('\n');
    }
}
