package dev.packetwalk.cloud.api;

import dev.packetwalk.cloud.model.Cloud;
import dev.packetwalk.cloud.model.FloatingIp;
import dev.packetwalk.cloud.model.Port;
import dev.packetwalk.cloud.model.Server;
import dev.packetwalk.cloud.model.Uuid5;
import dev.packetwalk.net.Ipv4;
import dev.packetwalk.net.MacAddress;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Nova's compute API (Ocata, microversion 2.42, as an admin sees it) read from a {@link Cloud}:
 * servers as the JSON dict {@code GET /servers/ID} returns and their interface attachments.
 * What the model does not hold is derived the way Nova derives it (hostId is the SHA-224 of
 * project and host, the hostname the sanitized name) or, where Nova draws it at random (the
 * reservation id, the image's and user's ids), derived from names so that it stays the same.
 */
final class NovaApi {
    private final Cloud cloud;

    NovaApi(Cloud cloud) {
        this.cloud = cloud;
    }

    String projectId() {
        return cloud.projectId();
    }

    /** The servers a project sees (all of them for {@code null}), by name as {@code nova list} sorts them later. */
    List<Server> servers(String project) {
        return cloud.servers().stream().filter(s -> project == null || s.projectId().equals(project)).toList();
    }

    /** novaclient's find_resource: the server with this id (any project), else the only one of the project with this name. */
    Server find(String nameOrId) throws ClientError {
        Optional<Server> byId = cloud.servers().stream().filter(s -> s.id().equals(nameOrId)).findFirst();
        if (byId.isPresent()) {
            return byId.get();
        }
        List<Server> named = servers(cloud.projectId()).stream().filter(s -> s.name().equals(nameOrId)).toList();
        if (named.size() > 1) {
            throw new ClientError("CommandError", "Multiple server matches found for '" + nameOrId
                    + "', use an ID to be more specific.");
        }
        if (named.isEmpty()) {
            throw new ClientError("CommandError", "No server with a name or ID of '" + nameOrId + "' exists.");
        }
        return named.get(0);
    }

    /** {@code GET /servers/ID}. */
    Map<String, Object> server(Server s) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("id", s.id());
        m.put("name", s.name());
        m.put("status", "ACTIVE");
        m.put("tenant_id", s.projectId());
        m.put("user_id", userId(s.projectId()));
        m.put("metadata", Map.of());
        m.put("hostId", hostId(s));
        m.put("image", Map.of("id", imageId(s.image())));
        m.put("flavor", Map.of("id", flavorId(s.flavor())));
        m.put("created", s.stamp().createdAt());
        m.put("updated", s.stamp().updatedAt());
        m.put("addresses", addresses(s));
        m.put("accessIPv4", "");
        m.put("accessIPv6", "");
        m.put("OS-DCF:diskConfig", "MANUAL");
        m.put("progress", 0);
        m.put("OS-EXT-AZ:availability_zone", "nova");
        m.put("config_drive", "");
        m.put("key_name", null);
        m.put("OS-SRV-USG:launched_at", s.stamp().createdAt().replace("Z", "") + ".000000");
        m.put("OS-SRV-USG:terminated_at", null);
        m.put("OS-EXT-SRV-ATTR:host", s.host());
        m.put("OS-EXT-SRV-ATTR:instance_name", s.instanceName());
        m.put("OS-EXT-SRV-ATTR:hypervisor_hostname", s.host());
        m.put("OS-EXT-SRV-ATTR:reservation_id", reservationId(s));
        m.put("OS-EXT-SRV-ATTR:launch_index", 0);
        m.put("OS-EXT-SRV-ATTR:hostname", hostname(s.name()));
        m.put("OS-EXT-SRV-ATTR:kernel_id", "");
        m.put("OS-EXT-SRV-ATTR:ramdisk_id", "");
        m.put("OS-EXT-SRV-ATTR:root_device_name", "/dev/vda");
        m.put("OS-EXT-SRV-ATTR:user_data", null);
        m.put("OS-EXT-STS:task_state", null);
        m.put("OS-EXT-STS:vm_state", "active");
        m.put("OS-EXT-STS:power_state", 1);
        m.put("os-extended-volumes:volumes_attached", List.of());
        m.put("security_groups", securityGroups(s).stream().map(n -> Map.of("name", n)).toList());
        m.put("locked", false);
        m.put("description", null);
        m.put("tags", List.of());
        m.put("host_status", "UP");
        return m;
    }

    /**
     * The server's addresses by network name, each network's fixed IPs then their floating IPs,
     * as Nova's network info cache lists them.
     */
    Map<String, List<String>> addresses(Server s) {
        Map<String, List<String>> byNetwork = new LinkedHashMap<>();
        for (Port p : ports(s)) {
            List<String> list = byNetwork.computeIfAbsent(cloud.network(p.networkId()).name(), k -> new ArrayList<>());
            p.fixedIps().forEach(f -> list.add(Ipv4.format(f.ip())));
            for (FloatingIp f : cloud.floatingIps()) {
                if (p.id().equals(f.portId())) {
                    list.add(Ipv4.format(f.floatingIp()));
                }
            }
        }
        return byNetwork;
    }

    /** {@code GET /servers/ID/os-interface}: the server's ports, in Neutron's order. */
    List<Map<String, Object>> interfaces(Server s) {
        List<Map<String, Object>> list = new ArrayList<>();
        for (Port p : ports(s).stream().sorted((a, b) -> a.id().compareTo(b.id())).toList()) {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("port_state", p.status());
            m.put("fixed_ips", p.fixedIps().stream().map(NeutronApi::fixedIp).toList());
            m.put("port_id", p.id());
            m.put("net_id", p.networkId());
            m.put("mac_addr", MacAddress.format(p.mac()));
            list.add(m);
        }
        return list;
    }

    /** The server's ports, in the order of its NICs. */
    List<Port> ports(Server s) {
        return s.portIds().stream().map(cloud::findPort).flatMap(Optional::stream).toList();
    }

    /** The names of the groups on the server's ports. */
    Set<String> securityGroups(Server s) {
        Set<String> names = new LinkedHashSet<>();
        for (Port p : ports(s)) {
            p.securityGroupIds().forEach(id -> names.add(cloud.securityGroup(id).name()));
        }
        return names;
    }

    static String flavorId(String flavor) {
        return Flavor.named(flavor).id();
    }

    /** The image's id (Glance draws it at random; here it is derived from the name). */
    static String imageId(String image) {
        return Uuid5.of(Uuid5.DNS, "image." + image);
    }

    static String userId(String project) {
        return Uuid5.of(Uuid5.DNS, "user." + project).replace("-", "");
    }

    private static String reservationId(Server s) {
        String h = Uuid5.of(Uuid5.DNS, "reservation." + s.id()).replace("-", "");
        StringBuilder sb = new StringBuilder("r-");
        for (int i = 0; i < 8; i++) {
            int v = Integer.parseInt(h.substring(2 * i, 2 * i + 2), 16) % 36;
            sb.append(Character.forDigit(v, 36));
        }
        return sb.toString();
    }

    /** nova's utils.generate_hostid: SHA-224 of the project id and the host. */
    static String hostId(Server s) {
        try {
            MessageDigest sha = MessageDigest.getInstance("SHA-224");
            return HexFormat.of().formatHex(sha.digest((s.projectId() + s.host()).getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /** nova's utils.sanitize_hostname: spaces and underscores as dashes, other symbols dropped, lower case. */
    static String hostname(String name) {
        String h = name.replaceAll("[ _]", "-").replaceAll("[^\\w.-]+", "").toLowerCase(Locale.ROOT);
        h = h.replaceAll("^[.-]+|[.-]+$", "");
        h = h.length() > 63 ? h.substring(0, 63) : h;
        return h.isEmpty() ? "server" : h;
    }
}
