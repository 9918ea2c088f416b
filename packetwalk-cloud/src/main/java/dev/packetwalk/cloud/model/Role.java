package dev.packetwalk.cloud.model;

import java.util.Locale;

/** What a node does: runs the API services, the network agents (L3, DHCP), or VMs. */
public enum Role {
    CONTROLLER, NETWORK, COMPUTE;

    public String text() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static Role parse(String text) {
        for (Role r : values()) {
            if (r.text().equals(text)) {
                return r;
            }
        }
        throw new ModelException("unknown role \"" + text + "\" (controller, network or compute)");
    }
}
