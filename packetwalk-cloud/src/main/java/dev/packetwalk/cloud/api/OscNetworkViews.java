package dev.packetwalk.cloud.api;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * {@code openstack network} and {@code openstack subnet} (python-openstackclient 6, Zed): the
 * columns of list and {@code --long}, and the fields of show with osc's formatting, as the
 * real client printed them (reference/real-neutron/outputs/api/openstack-cli.txt). Fields
 * Neutron added after the modelled release show None.
 */
final class OscNetworkViews {
    private OscNetworkViews() {
    }

    static OscTable networkList(OscCloud cloud, String unused, boolean longForm) {
        List<String> headers = longForm
                ? List.of("ID", "Name", "Status", "Project", "State", "Shared", "Subnets", "Network Type", "Router Type",
                        "Availability Zones", "Tags")
                : List.of("ID", "Name", "Subnets");
        List<List<Cell>> rows = new ArrayList<>();
        for (Map<String, Object> n : cloud.neutron().networks()) {
            if (longForm) {
                rows.add(List.of(Cell.of(n.get("id")), Cell.of(n.get("name")), Cell.of(n.get("status")),
                        Cell.of(n.get("project_id")), OscColumns.adminState(n.get("admin_state_up")), Cell.of(n.get("shared")),
                        OscColumns.list(n.get("subnets")), Cell.of(n.get("provider:network_type")),
                        OscColumns.routerExternal(n.get("router:external")), OscColumns.list(n.get("availability_zones")),
                        OscColumns.list(n.get("tags"))));
            } else {
                rows.add(List.of(Cell.of(n.get("id")), Cell.of(n.get("name")), OscColumns.list(n.get("subnets"))));
            }
        }
        return new OscTable(headers, rows);
    }

    static OscTable networkShow(OscCloud cloud, String nameOrId, boolean unused) throws ClientError {
        Map<String, Object> n = OscCloud.find(cloud.neutron().networks(), "Network", "name", nameOrId, true);
        Map<String, Cell> f = new LinkedHashMap<>();
        f.put("admin_state_up", OscColumns.adminState(n.get("admin_state_up")));
        f.put("availability_zone_hints", OscColumns.list(n.get("availability_zone_hints")));
        f.put("availability_zones", OscColumns.list(n.get("availability_zones")));
        copy(f, n, "created_at", "description", "id", "ipv4_address_scope", "ipv6_address_scope", "mtu", "name",
                "project_id", "provider:network_type", "provider:physical_network", "provider:segmentation_id",
                "revision_number", "shared", "status", "updated_at");
        none(f, "dns_domain", "is_default", "is_vlan_transparent", "qos_policy_id", "segments");
        f.put("port_security_enabled", Cell.of(true));
        f.put("router:external", OscColumns.routerExternal(n.get("router:external")));
        f.put("subnets", OscColumns.list(n.get("subnets")));
        f.put("tags", OscColumns.list(n.get("tags")));
        return OscTable.object(f);
    }

    static OscTable subnetList(OscCloud cloud, String unused, boolean longForm) {
        List<String> headers = new ArrayList<>(List.of("ID", "Name", "Network", "Subnet"));
        if (longForm) {
            headers.addAll(List.of("Project", "DHCP", "Name Servers", "Allocation Pools", "Host Routes", "IP Version",
                    "Gateway", "Service Types", "Tags"));
        }
        List<List<Cell>> rows = new ArrayList<>();
        for (Map<String, Object> s : cloud.neutron().subnets()) {
            List<Cell> row = new ArrayList<>(List.of(Cell.of(s.get("id")), Cell.of(s.get("name")), Cell.of(s.get("network_id")),
                    Cell.of(s.get("cidr"))));
            if (longForm) {
                row.addAll(List.of(Cell.of(s.get("project_id")), Cell.of(s.get("enable_dhcp")),
                        OscColumns.list(s.get("dns_nameservers")), pools(s.get("allocation_pools")),
                        OscColumns.routes(s.get("host_routes")), Cell.of(s.get("ip_version")), Cell.of(s.get("gateway_ip")),
                        OscColumns.list(s.get("service_types")), OscColumns.list(s.get("tags"))));
            }
            rows.add(row);
        }
        return new OscTable(headers, rows);
    }

    static OscTable subnetShow(OscCloud cloud, String nameOrId, boolean unused) throws ClientError {
        Map<String, Object> s = OscCloud.find(cloud.neutron().subnets(), "Subnet", "name", nameOrId, false);
        Map<String, Cell> f = new LinkedHashMap<>();
        f.put("allocation_pools", pools(s.get("allocation_pools")));
        copy(f, s, "cidr", "created_at", "description", "enable_dhcp", "gateway_ip", "id", "ip_version",
                "ipv6_address_mode", "ipv6_ra_mode", "name", "network_id", "project_id", "revision_number", "subnetpool_id",
                "updated_at");
        f.put("dns_nameservers", OscColumns.list(s.get("dns_nameservers")));
        none(f, "dns_publish_fixed_ip", "segment_id");
        f.put("host_routes", OscColumns.routes(s.get("host_routes")));
        f.put("service_types", OscColumns.list(s.get("service_types")));
        f.put("tags", OscColumns.list(s.get("tags")));
        return OscTable.object(f);
    }

    /** AllocationPoolsColumn: {@code start-end}, comma separated. */
    private static Cell pools(Object value) {
        List<String> text = new ArrayList<>();
        for (Object p : (List<?>) value) {
            Map<?, ?> pool = (Map<?, ?>) p;
            text.add(pool.get("start") + "-" + pool.get("end"));
        }
        return OscColumns.shown(value, String.join(",", text));
    }


    /** Fields shown as they are. */
    static void copy(Map<String, Cell> fields, Map<String, Object> object, String... keys) {
        for (String k : keys) {
            fields.put(k, Cell.of(object.get(k)));
        }
    }

    /** Fields the modelled API lacks, which the SDK reports as None. */
    static void none(Map<String, Cell> fields, String... keys) {
        for (String k : keys) {
            fields.put(k, Cell.of(null));
        }
    }
}
