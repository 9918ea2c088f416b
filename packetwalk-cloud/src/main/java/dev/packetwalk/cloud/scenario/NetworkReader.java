package dev.packetwalk.cloud.scenario;

import dev.packetwalk.cloud.model.Network;
import dev.packetwalk.cloud.model.NetworkType;
import dev.packetwalk.cloud.model.Neutron;

import java.util.List;

/** Reads {@code networks:}: each network's segment, MTU and flags, then its subnets. */
final class NetworkReader {
    static final List<String> KEYS = Stamps.with("id", "name", "project", "type", "physical_network",
            "segmentation_id", "mtu", "shared", "external", "subnets");
    private static final Conversion<NetworkType> TYPE = Conversion.choice("vxlan, vlan or flat", NetworkType::parse);

    private final Build build;
    private final SubnetReader subnets;

    NetworkReader(Build build) {
        this.build = build;
        this.subnets = new SubnetReader(build);
    }

    void read(List<Value> items) {
        for (Value item : items) {
            Fields f = Fields.named(item, "network", KEYS);
            String name = f.require("name", Conversion.TEXT);
            NetworkType type = f.get("type", TYPE, NetworkType.VXLAN);
            Neutron.NetworkSpec spec = new Neutron.NetworkSpec(f.get("id", Conversion.UUID), name,
                    f.get("project", Conversion.TEXT), type, physicalNetwork(f, type), segmentationId(f, type),
                    f.get("mtu", Conversion.wholeNumber(68, 65535)), f.get("shared", Conversion.BOOLEAN, false),
                    f.get("external", Conversion.BOOLEAN, false), Stamps.read(f, build.cloud));
            String id = build.networks.define(f.required("name"),
                    () -> f.mark().run(() -> build.neutron.createNetwork(spec)).id());
            for (Value subnet : f.list("subnets")) {
                subnets.read(subnet, id);
            }
        }
    }

    private static String physicalNetwork(Fields f, NetworkType type) {
        if (type == NetworkType.VXLAN) {
            f.optional("physical_network").ifPresent(v -> {
                throw v.error("a vxlan network has no physical_network");
            });
            return null;
        }
        return f.require("physical_network", Conversion.TEXT);
    }

    /** A vxlan network's VNI defaults to the lowest one no earlier vxlan network uses. */
    private Integer segmentationId(Fields f, NetworkType type) {
        Integer pinned = f.get("segmentation_id", Conversion.wholeNumber(1, 16777215));
        if (pinned != null || type != NetworkType.VXLAN) {
            return pinned;
        }
        int vni = 1;
        while (vniUsed(vni)) {
            vni++;
        }
        return vni;
    }

    private boolean vniUsed(int vni) {
        for (Network n : build.cloud.networks()) {
            if (n.type() == NetworkType.VXLAN && n.segmentationId() == vni) {
                return true;
            }
        }
        return false;
    }
}
