package dev.packetwalk.cloud.api;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Function;

/**
 * The {@code neutron} sub-commands packetwalk answers, with python-neutronclient 6.1's columns
 * and table formatters for each (neutron/v2_0/network.py, port.py, router.py ...).
 */
final class NeutronCommands {
    private static final Python PY = NeutronSubcommand.CLIFF.python();

    private NeutronCommands() {
    }

    static Map<String, NeutronSubcommand> all() {
        List<NeutronSubcommand> commands = List.of(
                NeutronList.of("net-list", List.of("id", "name", "subnets"), Map.of("subnets", NeutronCommands::subnetsWithCidr),
                        NeutronApi::networks).extendedBy(NeutronCommands::withSubnetCidrs),
                show("net-show", "network", NeutronApi::networks),
                NeutronList.of("subnet-list", List.of("id", "name", "cidr", "allocation_pools"),
                        Map.of("allocation_pools", m -> jsonLines(m.get("allocation_pools"))), NeutronApi::subnets),
                show("subnet-show", "subnet", NeutronApi::subnets),
                NeutronList.of("port-list", portColumns(), portFormatters(), NeutronApi::ports),
                show("port-show", "port", NeutronApi::ports),
                NeutronList.of("router-list", List.of("id", "name", "external_gateway_info", "distributed", "ha"),
                        Map.of("external_gateway_info", m -> m.containsKey("external_gateway_info") ? PY.json(m.get("external_gateway_info")) : ""),
                        NeutronApi::routers),
                show("router-show", "router", NeutronApi::routers),
                new NeutronList("router-port-list", "ROUTER", portColumns(), portFormatters(), Map.of(),
                        NeutronCommands::routerPorts, (api, m) -> m),
                new NeutronList("l3-agent-list-hosting-router", "ROUTER",
                        List.of("id", "host", "admin_state_up", "alive", "ha_state"), Map.of(), Map.of(),
                        (api, router) -> api.l3AgentsHosting(routerId(api, router)), NeutronCommands::smiling),
                NeutronList.of("agent-list", List.of("id", "agent_type", "host", "availability_zone", "alive",
                        "admin_state_up", "binary"), Map.of("heartbeat_timestamp", NeutronCommands::heartbeat),
                        NeutronApi::agents).extendedBy(NeutronCommands::smiling),
                show("agent-show", "agent", NeutronApi::agents),
                NeutronList.of("floatingip-list", List.of("id", "fixed_ip_address", "floating_ip_address", "port_id"),
                        Map.of(), NeutronApi::floatingIps),
                show("floatingip-show", "floatingip", NeutronApi::floatingIps),
                NeutronList.of("security-group-list", List.of("id", "name", "security_group_rules"),
                        Map.of("security_group_rules", NeutronSecurityGroups::rulesSummary), NeutronApi::securityGroups),
                new NeutronShow("security-group-show", "security_group", NeutronApi::securityGroups, 5),
                NeutronList.of("security-group-rule-list", List.of("id", "security_group_id", "direction", "ethertype",
                        "port/protocol", "remote"), Map.of(), NeutronApi::securityGroupRules)
                        .extendedBy(NeutronSecurityGroups::digested)
                        .withHeaders(Map.of("security_group_id", "security_group", "remote_group_id", "remote_group")));
        Map<String, NeutronSubcommand> byName = new TreeMap<>();
        commands.forEach(c -> byName.put(c.name(), c));
        return byName;
    }

    private static NeutronShow show(String name, String resource, Function<NeutronApi, List<Map<String, Object>>> all) {
        return new NeutronShow(name, resource, all, -1);
    }

    private static List<String> portColumns() {
        return List.of("id", "name", "mac_address", "fixed_ips");
    }

    private static Map<String, Function<Map<String, Object>, Object>> portFormatters() {
        return Map.of("fixed_ips", m -> jsonLines(m.get("fixed_ips")));
    }

    /** Each dict of a list as one line of JSON ({@code _format_fixed_ips}, {@code _format_allocation_pools}). */
    private static Object jsonLines(Object list) {
        if (!(list instanceof List<?> items)) {
            return "";
        }
        List<String> lines = new ArrayList<>();
        items.forEach(i -> lines.add(PY.json(i)));
        return String.join("\n", lines);
    }

    /** ListNetwork.extend_list: each subnet id replaced by the subnet's id and cidr. */
    private static Map<String, Object> withSubnetCidrs(NeutronApi api, Map<String, Object> network) {
        if (!(network.get("subnets") instanceof List<?> ids)) {
            return network;
        }
        Map<String, Map<String, Object>> subnets = new LinkedHashMap<>();
        api.subnets().forEach(s -> subnets.put((String) s.get("id"), s));
        List<Object> extended = new ArrayList<>();
        for (Object id : ids) {
            Map<String, Object> s = subnets.get(id);
            Map<String, Object> entry = new LinkedHashMap<>();
            entry.put("id", id);
            if (s != null) {
                entry.put("cidr", s.get("cidr"));
            }
            extended.add(entry);
        }
        Map<String, Object> copy = new LinkedHashMap<>(network);
        copy.put("subnets", extended);
        return copy;
    }

    /** {@code _format_subnets}: one {@code ID CIDR} line per subnet. */
    private static Object subnetsWithCidr(Map<String, Object> network) {
        if (!(network.get("subnets") instanceof List<?> subnets)) {
            return "";
        }
        List<String> lines = new ArrayList<>();
        for (Object s : subnets) {
            Map<?, ?> m = (Map<?, ?>) s;
            lines.add(m.get("id") + " " + (m.get("cidr") == null ? "" : m.get("cidr")));
        }
        return String.join("\n", lines);
    }

    private static List<Map<String, Object>> routerPorts(NeutronApi api, String router) throws ClientError {
        String id = routerId(api, router);
        return api.ports().stream().filter(p -> id.equals(p.get("device_id"))).toList();
    }

    private static String routerId(NeutronApi api, String router) throws ClientError {
        return (String) NeutronApi.find(api.routers(), "router", router).get("id");
    }

    /** The agent lists' extend_list: alive shown as {@code :-)} or {@code xxx}. */
    private static Map<String, Object> smiling(NeutronApi api, Map<String, Object> agent) {
        if (!agent.containsKey("alive")) {
            return agent;
        }
        Map<String, Object> copy = new LinkedHashMap<>(agent);
        copy.put("alive", Boolean.TRUE.equals(agent.get("alive")) ? ":-)" : "xxx");
        return copy;
    }

    private static Object heartbeat(Map<String, Object> agent) {
        Object t = agent.get("heartbeat_timestamp");
        return t instanceof String s ? s.split("\\.", 2)[0] : "";
    }
}
