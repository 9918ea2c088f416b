package dev.packetwalk.cloud.api;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static dev.packetwalk.cloud.api.OscNetworkViews.copy;
import static dev.packetwalk.cloud.api.OscNetworkViews.none;

/**
 * {@code openstack floating ip} and {@code openstack security group} (python-openstackclient
 * 6, Zed): the floating IP list's columns as the real client printed them, a floating IP's
 * port details, and a group's rules with their empty keys and the ids the caller knows trimmed.
 */
final class OscAddressViews {
    private OscAddressViews() {
    }

    static OscTable floatingIpList(OscCloud cloud, String unused, boolean unusedLong) {
        List<List<Cell>> rows = new ArrayList<>();
        for (Map<String, Object> f : cloud.neutron().floatingIps()) {
            rows.add(List.of(Cell.of(f.get("id")), Cell.of(f.get("floating_ip_address")), Cell.of(f.get("fixed_ip_address")),
                    Cell.of(f.get("port_id")), Cell.of(f.get("floating_network_id")), Cell.of(f.get("project_id"))));
        }
        return new OscTable(List.of("ID", "Floating IP Address", "Fixed IP Address", "Port", "Floating Network", "Project"),
                rows);
    }

    static OscTable floatingIpShow(OscCloud cloud, String addressOrId, boolean unused) throws ClientError {
        Map<String, Object> fip = OscCloud.find(cloud.neutron().floatingIps(), "FloatingIP", "floating_ip_address",
                addressOrId, true);
        Map<String, Cell> f = new LinkedHashMap<>();
        copy(f, fip, "created_at", "description", "fixed_ip_address", "floating_ip_address", "floating_network_id", "id",
                "port_id", "project_id", "revision_number", "router_id", "status", "updated_at");
        none(f, "dns_domain", "dns_name", "qos_policy_id", "subnet_id");
        f.put("name", Cell.of(fip.get("floating_ip_address")));
        f.put("port_details", OscColumns.dict(portDetails(cloud, (String) fip.get("port_id"))));
        f.put("tags", OscColumns.list(fip.get("tags")));
        return OscTable.object(f);
    }

    /** The associated port's summary today's Neutron adds to a floating IP. */
    private static Map<String, Object> portDetails(OscCloud cloud, String portId) {
        if (portId == null) {
            return null;
        }
        for (Map<String, Object> p : cloud.neutron().ports()) {
            if (portId.equals(p.get("id"))) {
                Map<String, Object> m = new LinkedHashMap<>();
                for (String k : List.of("name", "network_id", "mac_address", "admin_state_up", "status", "device_id",
                        "device_owner")) {
                    m.put(k, p.get(k));
                }
                return m;
            }
        }
        return null;
    }

    static OscTable securityGroupList(OscCloud cloud, String unused, boolean unusedLong) {
        List<List<Cell>> rows = new ArrayList<>();
        for (Map<String, Object> g : cloud.neutron().securityGroups()) {
            rows.add(List.of(Cell.of(g.get("id")), Cell.of(g.get("name")), Cell.of(g.get("description")),
                    Cell.of(g.get("project_id")), OscColumns.list(g.get("tags"))));
        }
        return new OscTable(List.of("ID", "Name", "Description", "Project", "Tags"), rows);
    }

    static OscTable securityGroupShow(OscCloud cloud, String nameOrId, boolean unused) throws ClientError {
        Map<String, Object> g = OscCloud.find(cloud.neutron().securityGroups(), "SecurityGroup", "name", nameOrId, true);
        Map<String, Cell> f = new LinkedHashMap<>();
        copy(f, g, "created_at", "description", "id", "name", "project_id", "revision_number", "updated_at");
        f.put("rules", rules(g.get("security_group_rules")));
        f.put("stateful", Cell.of(true));
        f.put("tags", OscColumns.list(g.get("tags")));
        return OscTable.object(f);
    }

    /** NetworkSecurityGroupRulesColumn: each rule without its empty keys, group and project, one a line. */
    private static Cell rules(Object value) {
        List<Map<String, Object>> trimmed = new ArrayList<>();
        for (Object r : (List<?>) value) {
            Map<String, Object> rule = new LinkedHashMap<>();
            ((Map<?, ?>) r).forEach((k, v) -> {
                boolean empty = v == null || v.equals("") || v.equals(0) || v.equals(false) || v instanceof List<?> l && l.isEmpty();
                if (!empty && !List.of("security_group_id", "tenant_id", "project_id").contains(k.toString())) {
                    rule.put(k.toString(), v);
                }
            });
            trimmed.add(rule);
        }
        return OscColumns.shown(value, OscColumns.listOfDicts(trimmed).shown());
    }
}
