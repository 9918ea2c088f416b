package dev.packetwalk.cloud.scenario;

import dev.packetwalk.cloud.model.NeutronL3;
import dev.packetwalk.cloud.model.PortPin;
import dev.packetwalk.cloud.model.Server;

import java.util.List;

/** Reads {@code floating_ips:}: each on an external network, associated with a server's first NIC or a port. */
final class FloatingIpReader {
    static final List<String> KEYS = Stamps.with("id", "ip", "network", "server", "port", "fixed_ip", "port_id",
            "agent_gateway");

    private final Build build;

    FloatingIpReader(Build build) {
        this.build = build;
    }

    void read(List<Value> items) {
        for (Value item : items) {
            Fields f = Fields.of(item, "floating IP", KEYS);
            NeutronL3.FloatingIpSpec spec = new NeutronL3.FloatingIpSpec(f.get("id", Conversion.UUID),
                    build.networks.id(f.required("network")), f.get("ip", Conversion.IPV4), portId(f),
                    f.get("fixed_ip", Conversion.IPV4), new PortPin(f.get("port_id", Conversion.UUID), null, null),
                    PortPins.object(f, "agent_gateway"), Stamps.read(f, build.cloud));
            if (spec.portId() == null) {
                for (String key : List.of("fixed_ip", "agent_gateway")) {
                    f.optional(key).ifPresent(v -> {
                        throw v.error(key + " needs server or port (the floating IP is not associated)");
                    });
                }
            }
            f.mark().run(() -> build.l3.createFloatingIp(spec));
        }
    }

    /** The port to associate: the server's first NIC, or the port named by id; null for none. */
    private String portId(Fields f) {
        if (f.has("server") && f.has("port")) {
            throw f.required("port").error("give server or port, not both");
        }
        if (f.has("port")) {
            String id = f.require("port", Conversion.UUID);
            if (build.cloud.findPort(id).isEmpty()) {
                throw f.required("port").error("no port " + id);
            }
            return id;
        }
        return f.optional("server").map(ref -> {
            Server server = build.cloud.server(build.servers.id(ref));
            if (server.portIds().isEmpty()) {
                throw ref.error("server " + server.name() + " has no NIC");
            }
            return server.portIds().get(0);
        }).orElse(null);
    }
}
