package dev.packetwalk.linux;

import dev.packetwalk.linux.neigh.Neighbour;
import dev.packetwalk.net.Ipv4;
import dev.packetwalk.net.MacAddress;

/** iproute2 6.1's text for neighbour entries ({@code ip neigh show}). */
public final class NeighFormat {
    private final Namespace ns;

    public NeighFormat(Namespace ns) {
        this.ns = ns;
    }

    /** One line; {@code showDev} false when the listing is filtered by device. */
    public String line(Neighbour n, boolean showDev) {
        StringBuilder sb = new StringBuilder();
        Ipv4.appendTo(sb, n.address());
        if (showDev) {
            sb.append(" dev ").append(ns.links().byIndex(n.ifindex()).name());
        }
        if (n.hasLladdr()) {
            sb.append(" lladdr ");
            MacAddress.appendTo(sb, n.lladdr());
        }
        return sb.append(' ').append(n.state().name()).append(" \n").toString();
    }
}
