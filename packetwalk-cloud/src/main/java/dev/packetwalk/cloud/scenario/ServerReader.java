package dev.packetwalk.cloud.scenario;

import dev.packetwalk.cloud.model.AddressPair;
import dev.packetwalk.cloud.model.Nova;

import java.util.ArrayList;
import java.util.List;

/** Reads {@code servers:}: each VM's placement, names and NICs (a port each, with its groups and address pairs). */
final class ServerReader {
    static final List<String> KEYS = Stamps.with("id", "name", "project", "host", "instance_name", "flavor", "image",
            "nics");
    static final List<String> NIC_KEYS = List.of("network", "ip", "mac", "port_id", "security_groups",
            "port_security", "allowed_address_pairs");
    static final List<String> PAIR_KEYS = List.of("ip_address", "mac_address");

    private final Build build;

    ServerReader(Build build) {
        this.build = build;
    }

    void read(List<Value> items) {
        for (Value item : items) {
            Fields f = Fields.named(item, "server", KEYS);
            String name = f.require("name", Conversion.TEXT);
            List<Nova.NicSpec> nics = new ArrayList<>();
            for (Value nic : f.list("nics")) {
                nics.add(nic(Fields.of(nic, "nic of " + f.label(), NIC_KEYS)));
            }
            Nova.ServerSpec spec = new Nova.ServerSpec(f.get("id", Conversion.UUID), name,
                    f.get("project", Conversion.TEXT), f.optional("host").map(build.nodes::id).orElse(null),
                    f.get("instance_name", Conversion.TEXT), nics, f.get("flavor", Conversion.TEXT),
                    f.get("image", Conversion.TEXT), Stamps.read(f, build.cloud));
            build.servers.define(f.required("name"), () -> f.mark().run(() -> build.nova.createServer(spec)).id());
        }
    }

    private Nova.NicSpec nic(Fields f) {
        String networkId = build.networks.id(f.required("network"));
        Long mac = f.get("mac", Conversion.MAC);
        boolean portSecurity = f.get("port_security", Conversion.BOOLEAN, true);
        List<AddressPair> pairs = new ArrayList<>();
        for (Value item : f.list("allowed_address_pairs")) {
            pairs.add(pair(Fields.of(item, "allowed address pair of " + f.label(), PAIR_KEYS), mac));
        }
        if (!portSecurity) {
            for (String key : List.of("security_groups", "allowed_address_pairs")) {
                f.optional(key).ifPresent(v -> {
                    throw v.error(key + " needs port_security (it is false)");
                });
            }
        }
        return new Nova.NicSpec(networkId, f.get("ip", Conversion.IPV4), mac, f.get("port_id", Conversion.UUID),
                groups(f, networkId, portSecurity), portSecurity, pairs);
    }

    /** The NIC's groups: those it names, {@code [default]} when it names none, none without port security. */
    private List<String> groups(Fields f, String networkId, boolean portSecurity) {
        if (!portSecurity) {
            return List.of();
        }
        if (!f.has("security_groups")) {
            return null;
        }
        String project = build.cloud.network(networkId).projectId();
        List<String> ids = new ArrayList<>();
        for (Value ref : f.list("security_groups")) {
            ids.add(build.groupId(ref, project));
        }
        return ids;
    }

    /** An address pair; its MAC defaults to the NIC's, which must then be pinned. */
    private static AddressPair pair(Fields p, Long nicMac) {
        Long mac = p.get("mac_address", Conversion.MAC, nicMac);
        if (mac == null) {
            throw p.mark().error("missing key \"mac_address\" in " + p.label()
                    + " (it defaults to the nic's mac, which is not pinned)");
        }
        return new AddressPair(p.require("ip_address", Conversion.ADDRESS_OR_PREFIX), mac);
    }
}
