package dev.packetwalk.cloud.model;

/** A router's {@code external_gateway_info}: the external network, SNAT on or off, and the gateway port. */
public record ExternalGateway(String networkId, boolean enableSnat, String portId) {
}
