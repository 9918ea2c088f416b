package dev.packetwalk.cloud.api;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static dev.packetwalk.cloud.api.OscNetworkViews.copy;
import static dev.packetwalk.cloud.api.OscNetworkViews.none;

/**
 * {@code openstack port} and {@code openstack router} (python-openstackclient 6, Zed), columns
 * and fields as the real client printed them (openstack-cli.txt): fixed IPs as
 * {@code ip_address='...', subnet_id='...'}, binding details flattened, a router's gateway and
 * interfaces as JSON.
 */
final class OscPortViews {
    private OscPortViews() {
    }

    static OscTable portList(OscCloud cloud, String unused, boolean longForm) {
        List<String> headers = new ArrayList<>(List.of("ID", "Name", "MAC Address", "Fixed IP Addresses", "Status"));
        if (longForm) {
            headers.addAll(List.of("Security Groups", "Device Owner", "Tags"));
        }
        List<List<Cell>> rows = new ArrayList<>();
        for (Map<String, Object> p : cloud.neutron().ports()) {
            List<Cell> row = new ArrayList<>(List.of(Cell.of(p.get("id")), Cell.of(p.get("name")),
                    Cell.of(p.get("mac_address")), OscColumns.listOfDicts(p.get("fixed_ips")), Cell.of(p.get("status"))));
            if (longForm) {
                // the client asks the server for these columns only, and security_group_ids is not one it returns
                row.addAll(List.of(OscColumns.list(null), Cell.of(p.get("device_owner")), OscColumns.list(p.get("tags"))));
            }
            rows.add(row);
        }
        return new OscTable(headers, rows);
    }

    static OscTable portShow(OscCloud cloud, String nameOrId, boolean unused) throws ClientError {
        Map<String, Object> p = OscCloud.find(cloud.neutron().ports(), "Port", "name", nameOrId, false);
        Map<String, Cell> f = new LinkedHashMap<>();
        f.put("admin_state_up", OscColumns.adminState(p.get("admin_state_up")));
        f.put("allowed_address_pairs", OscColumns.listOfDicts(p.get("allowed_address_pairs")));
        f.put("binding_host_id", Cell.of(p.get("binding:host_id")));
        f.put("binding_profile", OscColumns.dict(p.get("binding:profile")));
        f.put("binding_vif_details", OscColumns.dict(vifDetails(p)));
        f.put("binding_vif_type", Cell.of(p.get("binding:vif_type")));
        f.put("binding_vnic_type", Cell.of(p.get("binding:vnic_type")));
        copy(f, p, "created_at", "description", "device_id", "device_owner", "id", "mac_address", "name", "network_id",
                "project_id", "revision_number", "status", "updated_at");
        none(f, "data_plane_status", "device_profile", "dns_assignment", "dns_domain", "dns_name", "ip_allocation",
                "numa_affinity_policy", "propagate_uplink_status", "qos_network_policy_id", "qos_policy_id",
                "resource_request", "trunk_details");
        f.put("extra_dhcp_opts", OscColumns.listOfDicts(p.get("extra_dhcp_opts")));
        f.put("fixed_ips", OscColumns.listOfDicts(p.get("fixed_ips")));
        f.put("port_security_enabled", Cell.of(true));
        f.put("security_group_ids", OscColumns.list(p.get("security_groups")));
        f.put("tags", OscColumns.list(p.get("tags")));
        return OscTable.object(f);
    }

    /** The OVS mechanism driver's binding details as today's Neutron reports them (kernel datapath). */
    private static Object vifDetails(Map<String, Object> port) {
        if (!"ovs".equals(port.get("binding:vif_type"))) {
            return port.get("binding:vif_details");
        }
        Map<String, Object> d = new LinkedHashMap<>();
        d.put("connectivity", "l2");
        d.put("port_filter", true);
        d.put("ovs_hybrid_plug", true);
        d.put("datapath_type", "system");
        d.put("bridge_name", "br-int");
        d.put("bound_drivers", Map.of("0", "openvswitch"));
        return d;
    }

    static OscTable routerList(OscCloud cloud, String unused, boolean longForm) {
        List<String> headers = new ArrayList<>(List.of("ID", "Name", "Status", "State", "Project", "Distributed", "HA"));
        if (longForm) {
            headers.addAll(List.of("Routes", "External gateway info", "Availability zones", "Tags"));
        }
        List<List<Cell>> rows = new ArrayList<>();
        for (Map<String, Object> r : cloud.neutron().routers()) {
            List<Cell> row = new ArrayList<>(List.of(Cell.of(r.get("id")), Cell.of(r.get("name")), Cell.of(r.get("status")),
                    OscColumns.adminState(r.get("admin_state_up")), Cell.of(r.get("project_id")),
                    Cell.of(r.get("distributed")), Cell.of(r.get("ha"))));
            if (longForm) {
                row.addAll(List.of(OscColumns.routes(r.get("routes")), OscColumns.json(gatewayInfo(r)),
                        OscColumns.list(r.get("availability_zones")), OscColumns.list(r.get("tags"))));
            }
            rows.add(row);
        }
        return new OscTable(headers, rows);
    }

    static OscTable routerShow(OscCloud cloud, String nameOrId, boolean unused) throws ClientError {
        Map<String, Object> r = OscCloud.find(cloud.neutron().routers(), "Router", "name", nameOrId, false);
        Map<String, Cell> f = new LinkedHashMap<>();
        f.put("admin_state_up", OscColumns.adminState(r.get("admin_state_up")));
        f.put("availability_zone_hints", OscColumns.list(r.get("availability_zone_hints")));
        f.put("availability_zones", OscColumns.list(r.get("availability_zones")));
        copy(f, r, "created_at", "description", "distributed", "ha", "id", "name", "project_id", "revision_number",
                "status", "tenant_id", "updated_at");
        none(f, "enable_ndp_proxy", "flavor_id");
        f.put("external_gateway_info", OscColumns.json(gatewayInfo(r)));
        f.put("interfaces_info", OscColumns.json(interfaces(cloud, (String) r.get("id"))));
        f.put("routes", OscColumns.routes(r.get("routes")));
        f.put("tags", OscColumns.list(r.get("tags")));
        return OscTable.object(f);
    }

    /** external_gateway_info in today's key order: network, fixed IPs, SNAT. */
    private static Object gatewayInfo(Map<String, Object> router) {
        if (!(router.get("external_gateway_info") instanceof Map<?, ?> info)) {
            return null;
        }
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("network_id", info.get("network_id"));
        m.put("external_fixed_ips", info.get("external_fixed_ips"));
        m.put("enable_snat", info.get("enable_snat"));
        return m;
    }

    /** The router's interfaces, as {@code interfaces_info} lists them. */
    private static List<Map<String, Object>> interfaces(OscCloud cloud, String routerId) {
        List<Map<String, Object>> list = new ArrayList<>();
        for (Map<String, Object> p : cloud.neutron().ports()) {
            if (routerId.equals(p.get("device_id")) && p.get("device_owner").toString().startsWith("network:router_interface")) {
                for (Object ip : (List<?>) p.get("fixed_ips")) {
                    Map<String, Object> m = new LinkedHashMap<>();
                    m.put("port_id", p.get("id"));
                    m.put("ip_address", ((Map<?, ?>) ip).get("ip_address"));
                    m.put("subnet_id", ((Map<?, ?>) ip).get("subnet_id"));
                    list.add(m);
                }
            }
        }
        return list;
    }

}
