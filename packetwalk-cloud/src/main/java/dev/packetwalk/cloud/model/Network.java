package dev.packetwalk.cloud.model;

import java.util.List;

/**
 * A Neutron network: its provider segment (type, physical network, segmentation id), MTU and
 * flags. Subnets refer to it by id.
 */
public record Network(String id, String name, String projectId, NetworkType type, String physicalNetwork,
        Integer segmentationId, int mtu, boolean shared, boolean external, boolean adminStateUp,
        List<String> availabilityZones, Stamp stamp) {
    public Network {
        availabilityZones = List.copyOf(availabilityZones);
        if (type == NetworkType.VXLAN && (segmentationId == null || segmentationId < 1 || segmentationId > 16777215)) {
            throw new ModelException("network " + name + ": a vxlan network needs a segmentation id from 1 to 16777215");
        }
        if (type == NetworkType.VLAN && (segmentationId == null || segmentationId < 1 || segmentationId > 4094)) {
            throw new ModelException("network " + name + ": a vlan network needs a segmentation id from 1 to 4094");
        }
        if (type != NetworkType.VXLAN && (physicalNetwork == null || physicalNetwork.isEmpty())) {
            throw new ModelException("network " + name + ": a " + type.text() + " network needs a physical network");
        }
        if (type == NetworkType.FLAT && segmentationId != null) {
            throw new ModelException("network " + name + ": a flat network has no segmentation id");
        }
    }
}
