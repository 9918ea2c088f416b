package dev.packetwalk.cloud.model;

import java.util.List;

/**
 * A Neutron port: where an address and a MAC attach to a network, owned by a VM, a router, a
 * DHCP server or a floating IP. {@code bindingHost} is the node whose agents wire it (empty
 * when unbound).
 */
public record Port(String id, String name, String networkId, String projectId, long mac, List<FixedIp> fixedIps,
        DeviceOwner owner, String deviceId, String bindingHost, List<String> securityGroupIds, boolean portSecurity,
        List<AddressPair> allowedAddressPairs, String status, Stamp stamp) {
    public Port {
        fixedIps = List.copyOf(fixedIps);
        securityGroupIds = List.copyOf(securityGroupIds);
        allowedAddressPairs = List.copyOf(allowedAddressPairs);
    }

    /** The first fixed IP (every port the labs use has one). */
    public int ip() {
        if (fixedIps.isEmpty()) {
            throw new ModelException("port " + id + " has no fixed IP");
        }
        return fixedIps.get(0).ip();
    }

    /**
     * True for ports whose traffic the hybrid firewall filters: every VM-side port with port
     * security on, with or without security groups (Ocata gives a port without groups full
     * chains and no group rules); {@code network:*} ports are trusted.
     */
    public boolean isFiltered() {
        return !owner.isNetwork() && portSecurity;
    }

    /** The same port owned by another project (the router gateway port belongs to none: ""). */
    public Port withProject(String project) {
        return new Port(id, name, networkId, project, mac, fixedIps, owner, deviceId, bindingHost, securityGroupIds,
                portSecurity, allowedAddressPairs, status, stamp);
    }
}
