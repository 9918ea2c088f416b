package dev.packetwalk.cloud.api;

import java.util.List;
import java.util.Map;

/**
 * The cloud as the openstack client reaches it through openstacksdk: Neutron's and Nova's
 * objects, and the SDK's find (by id, then by name), whose failures the client reports as
 * {@code No Network found for x} (prefixed {@code Error while executing command:} by the
 * commands that could also ask Nova).
 */
record OscCloud(NeutronApi neutron, NovaApi nova) {
    /**
     * openstacksdk's find_*(ignore_missing=False).
     *
     * @param kind        the SDK resource class ({@code Network}, {@code FloatingIP})
     * @param nameKey     the attribute names are matched on ({@code name}, {@code floating_ip_address})
     * @param viaCompute  whether the command is one of osc's NetworkAndCompute commands, which prefix the error
     */
    static Map<String, Object> find(List<Map<String, Object>> all, String kind, String nameKey, String nameOrId,
            boolean viaCompute) throws ClientError {
        String prefix = viaCompute ? "Error while executing command: " : "";
        for (Map<String, Object> m : all) {
            if (nameOrId.equals(m.get("id"))) {
                return m;
            }
        }
        List<Map<String, Object>> named = all.stream().filter(m -> nameOrId.equals(m.get(nameKey))).toList();
        if (named.size() > 1) {
            throw new ClientError("CommandError", prefix + "More than one " + kind + " exists with the name '" + nameOrId + "'.");
        }
        if (named.isEmpty()) {
            throw new ClientError("CommandError", prefix + "No " + kind + " found for " + nameOrId);
        }
        return named.get(0);
    }
}
