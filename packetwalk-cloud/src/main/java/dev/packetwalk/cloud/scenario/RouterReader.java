package dev.packetwalk.cloud.scenario;

import dev.packetwalk.cloud.model.NeutronL3;
import dev.packetwalk.cloud.model.PortPin;
import dev.packetwalk.cloud.model.Router;

import java.util.List;

/** Reads {@code routers:}: each router is created, then given its gateway, then its interfaces. */
final class RouterReader {
    static final List<String> KEYS = Stamps.with("id", "name", "project", "distributed", "host", "gateway",
            "interfaces");
    static final List<String> GATEWAY_KEYS = List.of("network", "enable_snat", "ip", "port_id", "mac");
    static final List<String> INTERFACE_KEYS = List.of("subnet", "port_id", "mac", "ip", "snat_port");

    private final Build build;

    RouterReader(Build build) {
        this.build = build;
    }

    void read(List<Value> items) {
        for (Value item : items) {
            Fields f = Fields.named(item, "router", KEYS);
            NeutronL3.RouterSpec spec = new NeutronL3.RouterSpec(f.get("id", Conversion.UUID),
                    f.require("name", Conversion.TEXT), f.get("project", Conversion.TEXT),
                    f.get("distributed", Conversion.BOOLEAN, false),
                    f.optional("host").map(build.nodes::id).orElse(null), Stamps.read(f, build.cloud));
            String id = build.routers.define(f.required("name"),
                    () -> f.mark().run(() -> build.l3.createRouter(spec)).id());
            f.object("gateway", GATEWAY_KEYS).ifPresent(g -> setGateway(g, id));
            for (Value itf : f.list("interfaces")) {
                addInterface(Fields.of(itf, "interface of " + f.label(), INTERFACE_KEYS), id);
            }
        }
    }

    private void setGateway(Fields g, String routerId) {
        String networkId = build.networks.id(g.required("network"));
        boolean snat = g.get("enable_snat", Conversion.BOOLEAN, true);
        PortPin pin = PortPins.of(g, "port_id");
        g.mark().run(() -> build.l3.setGateway(routerId, networkId, snat, pin));
    }

    private void addInterface(Fields i, String routerId) {
        String subnetId = build.subnets.id(i.required("subnet"));
        PortPin snatPin = PortPins.object(i, "snat_port");
        Router router = build.cloud.router(routerId);
        if (snatPin != null && (!router.distributed() || router.gateway() == null)) {
            throw i.required("snat_port").error("snat_port is only for a distributed router with a gateway");
        }
        PortPin pin = PortPins.of(i, "port_id");
        i.mark().run(() -> build.l3.addInterface(routerId, subnetId, pin, snatPin));
    }
}
