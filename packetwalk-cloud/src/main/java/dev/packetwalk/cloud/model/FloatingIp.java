package dev.packetwalk.cloud.model;

/**
 * A floating IP on an external network, associated with a port's fixed IP through a router
 * (portId, fixedIp and routerId null when it is not associated).
 */
public record FloatingIp(String id, int floatingIp, String networkId, String floatingPortId, String portId,
        Integer fixedIp, String routerId, String projectId, Stamp stamp) {
    public boolean associated() {
        return portId != null;
    }
}
