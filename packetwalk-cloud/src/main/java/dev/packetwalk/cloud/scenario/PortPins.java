package dev.packetwalk.cloud.scenario;

import dev.packetwalk.cloud.model.PortPin;

import java.util.List;
import java.util.Optional;

/** Pins of a port the cloud creates by itself (DHCP, router, SNAT, agent gateway ports): id, mac, ip. */
final class PortPins {
    static final List<String> KEYS = List.of("id", "mac", "ip");

    private PortPins() {
    }

    /** The pins of a nested {@code {id, mac, ip}} object, or null when it is absent. */
    static PortPin object(Fields parent, String key) {
        Optional<Fields> pin = parent.object(key, KEYS);
        return pin.map(p -> of(p, "id")).orElse(null);
    }

    /** The pins an object gives among its own keys: its id key, {@code mac} and {@code ip}. */
    static PortPin of(Fields f, String idKey) {
        return new PortPin(f.get(idKey, Conversion.UUID), f.get("mac", Conversion.MAC), f.get("ip", Conversion.IPV4));
    }
}
