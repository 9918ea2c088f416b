package dev.packetwalk.cloud.profile;

/**
 * What one Neutron release builds, as data the agents' renderers read (neutron.md §2, §5, §7.5,
 * §11): where br-int's switching ends (NORMAL in table 0, or a TRANSIENT table), the tables its
 * spoofing checks lead to, the conntrack zones' first number and rule form, the form of the
 * firewall's DHCP reply rule. A later release is a new profile, not a branch in a renderer.
 *
 * @param name                 the release's name ({@code ocata})
 * @param transientTable       br-int's table that does NORMAL switching, or -1 when table 0 does (Ocata)
 * @param deadVlanDrop         whether br-int's table 0 drops VLAN 4095 (Stein and backports)
 * @param firstConntrackZone   the first conntrack zone the hybrid firewall gives a port
 * @param zoneRulesWithComment Pike's three commented {@code CT --zone} rules per port, rather than Ocata's two bare ones
 * @param dvrTableZeroNormal   whether the DVR agent adds br-int's table-0 {@code priority=1 NORMAL} (Ocata; gone in Pike)
 * @param dhcpRepliesFromServers Ocata's provider rule letting DHCP replies in from each DHCP server's address
 *                             ({@code -s SERVER/32}), rather than Pike's to the port's addresses and broadcast
 *                             ({@code -d PORT/32}, {@code -d 255.255.255.255/32})
 */
public record ReleaseProfile(String name, int transientTable, boolean deadVlanDrop, int firstConntrackZone,
        boolean zoneRulesWithComment, boolean dvrTableZeroNormal, boolean dhcpRepliesFromServers) {
    /** Ocata (neutron 10), the seeds' release: br-int switches NORMAL in table 0, zones from 1. */
    public static final ReleaseProfile OCATA = new ReleaseProfile("ocata", -1, false, 1, false, true, true);

    /** Pike (neutron 11.0.0): table 60 TRANSIENT does the NORMAL switching, commented zone rules. */
    public static final ReleaseProfile PIKE = new ReleaseProfile("pike", 60, false, 1, true, false, false);

    public static ReleaseProfile named(String name) {
        return switch (name) {
            case "ocata" -> OCATA;
            case "pike" -> PIKE;
            default -> throw new IllegalArgumentException("unknown release profile \"" + name + "\" (ocata or pike)");
        };
    }

    /** Whether br-int's switching flows go through a TRANSIENT table. */
    public boolean hasTransientTable() {
        return transientTable >= 0;
    }
}
