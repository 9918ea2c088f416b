package dev.packetwalk.cloud.model;

import java.util.Locale;

/** {@code provider:network_type}. */
public enum NetworkType {
    VXLAN, VLAN, FLAT;

    /** The API's spelling ({@code vxlan}, {@code vlan}, {@code flat}). */
    public String text() {
        return name().toLowerCase(Locale.ROOT);
    }

    public boolean isTunnel() {
        return this == VXLAN;
    }

    public static NetworkType parse(String text) {
        for (NetworkType t : values()) {
            if (t.text().equals(text)) {
                return t;
            }
        }
        throw new ModelException("unknown network type \"" + text + "\" (vxlan, vlan or flat)");
    }
}
