package dev.packetwalk.ovs.flow;

import java.util.Map;
import java.util.OptionalInt;

/**
 * The bridge's port names for flow text: name → OpenFlow port number and back. Reserved
 * ports (LOCAL, IN_PORT, ...) are handled by {@link OfPort}; a bridge's own name maps to
 * LOCAL (65534) only if the caller lists it.
 */
public interface PortNames {
    PortNames NONE = new PortNames() {
        @Override
        public OptionalInt number(String name) {
            return OptionalInt.empty();
        }

        @Override
        public String name(int port) {
            return null;
        }
    };

    /** The OpenFlow number of a port name. */
    OptionalInt number(String name);

    /** The name of an OpenFlow port number, or null. */
    String name(int port);

    /** A fixed table of names (for tests and one-shot parsing). */
    static PortNames of(Map<String, Integer> byName) {
        Map<String, Integer> copy = Map.copyOf(byName);
        return new PortNames() {
            @Override
            public OptionalInt number(String name) {
                Integer n = copy.get(name);
                return n == null ? OptionalInt.empty() : OptionalInt.of(n);
            }

            @Override
            public String name(int port) {
                for (Map.Entry<String, Integer> e : copy.entrySet()) {
                    if (e.getValue() == port) {
                        return e.getKey();
                    }
                }
                return null;
            }
        };
    }
}
