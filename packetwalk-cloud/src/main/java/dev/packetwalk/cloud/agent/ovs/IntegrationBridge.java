package dev.packetwalk.cloud.agent.ovs;

import dev.packetwalk.cloud.agent.OvsLib;
import dev.packetwalk.cloud.model.Cidr;
import dev.packetwalk.cloud.model.NetworkType;
import dev.packetwalk.cloud.profile.ReleaseProfile;
import dev.packetwalk.ovs.action.Action;
import dev.packetwalk.ovs.flow.Field;
import dev.packetwalk.ovs.flow.Match;
import dev.packetwalk.ovs.flow.OfPort;

import java.util.ArrayList;
import java.util.List;

/**
 * br-int's flows as the native driver's OVSIntegrationBridge installs them (neutron.md §5):
 * the default tables, local VLAN translation from physical bridges, DVR's rewrite of routed
 * frames to local ports, and the ARP/NA/MAC anti-spoofing tables. Where a release switches
 * with NORMAL in the flow itself (Ocata) or hands over to its TRANSIENT table (Pike's 60) is
 * the profile's {@link ReleaseProfile#transientTable}.
 */
final class IntegrationBridge extends AgentBridge {
    private static final int ICMPV6_NEIGHBOR_ADVERT = 136;
    private static final int ETH_TYPE_8021Q = 0x8100;

    private final ReleaseProfile profile;

    IntegrationBridge(OvsLib ovs, String name, long cookie, ReleaseProfile profile) {
        super(ovs, name, cookie);
        this.profile = profile;
    }

    /** setup_default_table: the canary, switching for everything table 0 leaves alone, ARP spoofing's default drop. */
    void setupDefaultTable() {
        setupCanaryTable();
        if (profile.hasTransientTable()) {
            installGoto(Tables.LOCAL_SWITCHING, 0, Match.CATCH_ALL, profile.transientTable());
            installNormal(profile.transientTable(), 3, Match.CATCH_ALL);
        } else {
            installNormal(Tables.LOCAL_SWITCHING, 0, Match.CATCH_ALL);
        }
        installDrop(Tables.ARP_SPOOF, 0, Match.CATCH_ALL);
    }

    /** Table 23's drop, whose absence tells the agent that OVS restarted. */
    void setupCanaryTable() {
        installDrop(Tables.CANARY, 0, Match.CATCH_ALL);
    }

    /**
     * DVR's start-up flows (setup_dvr_flows_on_integ_br): the canary again, default drops in the
     * DVR tables 1 and 2, Ocata's table-0 NORMAL at priority 1, and the drop of what the physical
     * bridges send untranslated.
     */
    void setupDvrDefaults(java.util.Collection<Integer> intOfports) {
        setupCanaryTable();
        installDrop(Tables.DVR_TO_SRC_MAC, 1, Match.CATCH_ALL);
        installDrop(Tables.DVR_TO_SRC_MAC_VLAN, 1, Match.CATCH_ALL);
        if (profile.dvrTableZeroNormal()) {
            installNormal(Tables.LOCAL_SWITCHING, 1, Match.CATCH_ALL);
        }
        for (int port : intOfports) {
            installDrop(Tables.LOCAL_SWITCHING, 2, match().inPort(port).build());
        }
    }

    /**
     * Frames from a physical bridge's patch port get the network's local VLAN: untagged ones
     * (flat, {@code segmentationId} null) have one pushed, tagged ones (vlan) have it rewritten.
     */
    void provisionLocalVlan(int port, int lvid, Integer segmentationId) {
        List<Action> actions = new ArrayList<>();
        Match m;
        if (segmentationId == null) {
            m = untagged(match().inPort(port)).build();
            actions.add(new Action.PushVlan(ETH_TYPE_8021Q));
        } else {
            m = tagged(match().inPort(port), segmentationId).build();
        }
        actions.add(Action.SetField.of(Field.VLAN_VID, VID_PRESENT | lvid));
        actions.addAll(switching());
        install(Tables.LOCAL_SWITCHING, 3, m, actions);
    }

    /**
     * DVR: a routed frame for a local port arrives from another host's router with that host's
     * DVR MAC as source; it leaves to the port with the subnet's gateway MAC as source.
     */
    void installDvrToSrcMac(NetworkType type, int vlanTag, long gatewayMac, long dstMac, int dstPort) {
        int table = type == NetworkType.VLAN ? Tables.DVR_TO_SRC_MAC_VLAN : Tables.DVR_TO_SRC_MAC;
        Action setSource = Action.SetField.of(Field.ETH_SRC, gatewayMac);
        if (profile.hasTransientTable()) {
            install(table, 4, tagged(match(), vlanTag).dlDst(dstMac).build(), setSource,
                    new Action.GotoTable(profile.transientTable()));
            install(profile.transientTable(), 4, tagged(match(), vlanTag).dlDst(dstMac).build(), new Action.StripVlan(),
                    Action.Output.to(dstPort));
        } else {
            install(table, 4, tagged(match(), vlanTag).dlDst(dstMac).build(), new Action.StripVlan(), setSource,
                    Action.Output.to(dstPort));
        }
    }

    /** Frames from a physical network whose source is another host's DVR MAC go to table 2. */
    void addDvrMacVlan(long mac, int port) {
        installGoto(Tables.LOCAL_SWITCHING, 4, match().inPort(port).dlSrc(mac).build(), Tables.DVR_TO_SRC_MAC_VLAN);
    }

    /** Frames from br-tun whose source is another host's DVR MAC go to table 1. */
    void addDvrMacTun(long mac, int port) {
        installGoto(Tables.LOCAL_SWITCHING, 2, match().inPort(port).dlSrc(mac).build(), Tables.DVR_TO_SRC_MAC);
    }

    /** Neighbour advertisements from the port pass only for its own IPv6 addresses ({@code {hi, lo}} each). */
    void installIcmpv6NaSpoofingProtection(int port, List<long[]> addresses) {
        for (long[] a : addresses) {
            install(Tables.ARP_SPOOF, 2, match().icmp6().inPort(port).icmpType(ICMPV6_NEIGHBOR_ADVERT)
                    .ndTarget(a[0], a[1]).build(), switching());
        }
        installGoto(Tables.LOCAL_SWITCHING, 10, match().icmp6().inPort(port).icmpType(ICMPV6_NEIGHBOR_ADVERT).build(),
                Tables.ARP_SPOOF);
    }

    /** Frames from the port pass only with one of its MACs as source. */
    void setAllowedMacsForPort(int port, List<Long> macs) {
        for (long mac : macs) {
            install(Tables.MAC_SPOOF, 2, match().inPort(port).dlSrc(mac).build(), switching());
        }
        installGoto(Tables.LOCAL_SWITCHING, 9, match().inPort(port).build(), Tables.MAC_SPOOF);
    }

    /** ARP from the port passes (on to the MAC check) only with one of its addresses as sender. */
    void installArpSpoofingProtection(int port, List<Cidr> addresses) {
        for (Cidr a : addresses) {
            installGoto(Tables.ARP_SPOOF, 2, match().arp().inPort(port).arpSpa(a.address(), a.prefixLength()).build(),
                    Tables.MAC_SPOOF);
        }
        installGoto(Tables.LOCAL_SWITCHING, 10, match().arp().inPort(port).build(), Tables.ARP_SPOOF);
    }

    /** Where a frame br-int has accepted is switched: NORMAL right away, or the TRANSIENT table. */
    private List<Action> switching() {
        return profile.hasTransientTable() ? List.of(new Action.GotoTable(profile.transientTable()))
                : List.of(Action.Output.to(OfPort.NORMAL));
    }
}
