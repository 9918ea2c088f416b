package dev.packetwalk.cloud.api;

import dev.packetwalk.cloud.model.Server;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * {@code openstack server list} and {@code show} (python-openstackclient 6, Zed, at the compute
 * API's base microversion): addresses as {@code net1=10.0.0.3, 172.24.4.3}, image and flavor by
 * name in the list and as {@code name (id)} in show, the power state by name.
 */
final class OscServerViews {
    private OscServerViews() {
    }

    static OscTable serverList(OscCloud cloud, String unused, boolean unusedLong) {
        List<List<Cell>> rows = new ArrayList<>();
        List<Server> servers = new ArrayList<>(cloud.nova().servers(cloud.nova().projectId()));
        java.util.Collections.reverse(servers);
        for (Server s : servers) {
            rows.add(List.of(Cell.of(s.id()), Cell.of(s.name()), Cell.of("ACTIVE"), addresses(cloud, s), Cell.of(s.image()),
                    Cell.of(s.flavor())));
        }
        return new OscTable(List.of("ID", "Name", "Status", "Networks", "Image", "Flavor"), rows);
    }

    static OscTable serverShow(OscCloud cloud, String nameOrId, boolean unused) throws ClientError {
        Server s = cloud.nova().find(nameOrId);
        Map<String, Object> api = cloud.nova().server(s);
        Map<String, Cell> f = new LinkedHashMap<>();
        for (String k : List.of("OS-DCF:diskConfig", "OS-EXT-AZ:availability_zone", "OS-EXT-SRV-ATTR:host",
                "OS-EXT-SRV-ATTR:hypervisor_hostname", "OS-EXT-SRV-ATTR:instance_name", "OS-EXT-STS:task_state",
                "OS-EXT-STS:vm_state", "OS-SRV-USG:launched_at", "OS-SRV-USG:terminated_at", "accessIPv4", "accessIPv6",
                "config_drive", "created", "hostId", "id", "key_name", "name", "progress", "status", "updated", "user_id")) {
            f.put(k, Cell.of(api.get(k)));
        }
        f.put("OS-EXT-STS:power_state", OscColumns.shown(api.get("OS-EXT-STS:power_state"), "Running"));
        f.put("addresses", addresses(cloud, s));
        f.put("flavor", Cell.of(s.flavor() + " (" + NovaApi.flavorId(s.flavor()) + ")"));
        f.put("image", Cell.of(s.image() + " (" + NovaApi.imageId(s.image()) + ")"));
        f.put("project_id", Cell.of(s.projectId()));
        f.put("properties", OscColumns.dict(Map.of()));
        f.put("security_groups", OscColumns.listOfDicts(cloud.nova().securityGroups(s).stream()
                .map(n -> (Object) Map.of("name", n)).toList()));
        f.put("volumes_attached", OscColumns.listOfDicts(List.of()));
        return OscTable.object(f);
    }

    /** AddressesColumn: networks sorted, each {@code name=ip, ip} with its addresses sorted. */
    private static Cell addresses(OscCloud cloud, Server s) {
        Map<String, List<String>> byNetwork = cloud.nova().addresses(s);
        List<String> groups = new ArrayList<>();
        for (Map.Entry<String, List<String>> e : new TreeMap<>(byNetwork).entrySet()) {
            groups.add(e.getKey() + "=" + OscColumns.list(e.getValue()).shown());
        }
        return OscColumns.shown(byNetwork, String.join("; ", groups));
    }
}
