package dev.packetwalk.ovs.db;

import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * Which controller and manager sessions are up, and the status columns the daemons write for
 * them: ovs-vswitchd's Controller rows ({@code refresh_controller_status}: {@code is_connected},
 * {@code role=other}, {@code status={sec_since_connect, state=ACTIVE}}) and ovsdb-server's
 * Manager rows ({@code update_remote_row}: {@code is_connected}, {@code status={bound_port
 * (passive targets), sec_since_connect, state=ACTIVE}}). Sessions are known by target, so rows
 * recreated with the same target stay connected; rows of sessions never marked keep their
 * defaults. The emulated clock does not advance {@code sec_since_connect}: it stays 0.
 */
final class ConnectionStatus {
    private static final String ACTIVE = "ACTIVE";

    private final Set<String> controllers = new HashSet<>();
    private final Set<String> managers = new HashSet<>();

    /** Marks the bridge's OpenFlow session with {@code target} up or down. */
    void controller(String bridge, String target, boolean up) {
        if (up) {
            controllers.add(key(bridge, target));
        } else {
            controllers.remove(key(bridge, target));
        }
    }

    /** Marks the database session of the manager {@code target} up or down. */
    void manager(String target, boolean up) {
        if (up) {
            managers.add(target);
        } else {
            managers.remove(target);
        }
    }

    /** Writes the status columns of every Controller and Manager row; forgets sessions whose rows are gone. */
    void write(OvsDb db) {
        Set<String> present = new HashSet<>();
        for (BridgeRow b : db.bridges()) {
            for (Row c : b.controllers()) {
                String key = key(b.name(), c.string("target"));
                present.add(key);
                boolean up = controllers.contains(key);
                if (up || c.bool("is_connected")) {
                    c.set("is_connected", Datum.of(up));
                    c.set("role", up ? Datum.of("other") : Datum.empty(false));
                    c.set("status", up ? Datum.ofMap(Map.of("sec_since_connect", "0", "state", ACTIVE))
                            : Datum.empty(true));
                }
            }
        }
        controllers.retainAll(present);
        Set<String> targets = new HashSet<>();
        for (Row m : db.referenced(db.root(), "manager_options")) {
            String target = m.string("target");
            targets.add(target);
            boolean up = managers.contains(target);
            if (up || m.bool("is_connected")) {
                m.set("is_connected", Datum.of(up));
                m.set("status", up ? Datum.ofMap(managerStatus(target)) : Datum.empty(true));
            }
        }
        managers.retainAll(targets);
    }

    private static Map<String, String> managerStatus(String target) {
        TreeMap<String, String> status = new TreeMap<>();
        status.put("sec_since_connect", "0");
        status.put("state", ACTIVE);
        List<String> parts = List.of(target.split(":"));
        if (parts.size() >= 2 && (parts.get(0).equals("ptcp") || parts.get(0).equals("pssl"))) {
            status.put("bound_port", parts.get(1));
        }
        return status;
    }

    private static String key(String bridge, String target) {
        return bridge + '\n' + target;
    }
}
