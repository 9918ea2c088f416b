package dev.packetwalk.cloud.model;

/** A port's {@code device_owner}: who the port belongs to, which decides how agents treat it. */
public enum DeviceOwner {
    COMPUTE("compute:nova"),
    DHCP("network:dhcp"),
    ROUTER_INTERFACE("network:router_interface"),
    ROUTER_INTERFACE_DISTRIBUTED("network:router_interface_distributed"),
    ROUTER_GATEWAY("network:router_gateway"),
    ROUTER_CENTRALIZED_SNAT("network:router_centralized_snat"),
    FLOATINGIP_AGENT_GATEWAY("network:floatingip_agent_gateway"),
    FLOATINGIP("network:floatingip"),
    NONE("");

    private final String text;

    DeviceOwner(String text) {
        this.text = text;
    }

    public String text() {
        return text;
    }

    /** Ports owned by {@code network:*} are trusted: no security-group chains, no spoofing flows. */
    public boolean isNetwork() {
        return text.startsWith("network:");
    }

    public boolean isRouterInterface() {
        return this == ROUTER_INTERFACE || this == ROUTER_INTERFACE_DISTRIBUTED;
    }
}
