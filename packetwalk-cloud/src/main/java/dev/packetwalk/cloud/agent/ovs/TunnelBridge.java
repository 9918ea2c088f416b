package dev.packetwalk.cloud.agent.ovs;

import dev.packetwalk.cloud.agent.OvsLib;
import dev.packetwalk.ovs.action.Action;
import dev.packetwalk.ovs.action.Learn;
import dev.packetwalk.ovs.flow.Field;
import dev.packetwalk.ovs.flow.Match;
import dev.packetwalk.ovs.flow.OfPort;
import dev.packetwalk.ovs.flow.Subfield;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;

/**
 * br-tun's flows as OVSTunnelBridge installs them (neutron.md §4): table 0 sorts by in_port,
 * 2 splits what br-int sends into unicast (20), broadcast ARP (21) and flooding (22), the
 * tunnel tables map a tun_id to its local VLAN and 10 learns where remote MACs are; per network
 * the flood list, and with l2population the unicast and ARP responder entries.
 */
final class TunnelBridge extends AgentBridge {
    private static final int ARP_REPLY = 2;
    private static final int LEARN_HARD_TIMEOUT = 300;
    private static final long BROADCAST = 0xffff_ffff_ffffL;
    private static final long MULTICAST_BIT = 1L << 40;
    private static final int ETH_TYPE_8021Q = 0x8100;

    private final DvrProcess dvrProcess = new DvrProcess(this, Tables.DVR_PROCESS, Tables.PATCH_LV_TO_TUN);

    TunnelBridge(OvsLib ovs, String name, long cookie) {
        super(ovs, name, cookie);
    }

    DvrProcess dvrProcess() {
        return dvrProcess;
    }

    /** setup_default_table, in the agent's order. */
    void setupDefaultTable(int patchIntOfport, boolean arpResponder) {
        installGoto(Tables.LOCAL_SWITCHING, 1, match().inPort(patchIntOfport).build(), Tables.PATCH_LV_TO_TUN);
        installDrop(Tables.LOCAL_SWITCHING, 0, Match.CATCH_ALL);
        if (arpResponder) {
            installGoto(Tables.PATCH_LV_TO_TUN, 1, match().arp().dlDst(BROADCAST).build(), Tables.ARP_RESPONDER);
        }
        installGoto(Tables.PATCH_LV_TO_TUN, 0, match().dlDst(0, MULTICAST_BIT).build(), Tables.UCAST_TO_TUN);
        installGoto(Tables.PATCH_LV_TO_TUN, 0, match().dlDst(MULTICAST_BIT, MULTICAST_BIT).build(), Tables.FLOOD_TO_TUN);
        for (String type : Tables.TUNNEL_TYPES) {
            installDrop(Tables.tunToLv(type), 0, Match.CATCH_ALL);
        }
        install(Tables.LEARN_FROM_TUN, 1, Match.CATCH_ALL, learnFromTunnel(), Action.Output.to(patchIntOfport));
        installGoto(Tables.UCAST_TO_TUN, 0, Match.CATCH_ALL, Tables.FLOOD_TO_TUN);
        if (arpResponder) {
            installGoto(Tables.ARP_RESPONDER, 0, Match.CATCH_ALL, Tables.FLOOD_TO_TUN);
        }
        installDrop(Tables.FLOOD_TO_TUN, 0, Match.CATCH_ALL);
    }

    /**
     * DVR's start-up flows (setup_dvr_flows_on_tun_br): what br-int sends goes through table 1
     * first (replacing the flow to 2), table 9 falls through to learning, table 1 to 2.
     */
    void setupDvrDefaults(int patchIntOfport) {
        installGoto(Tables.LOCAL_SWITCHING, 1, match().inPort(patchIntOfport).build(), Tables.DVR_PROCESS);
        installGoto(Tables.DVR_NOT_LEARN, 0, Match.CATCH_ALL, Tables.LEARN_FROM_TUN);
        installGoto(Tables.DVR_PROCESS, 0, Match.CATCH_ALL, Tables.PATCH_LV_TO_TUN);
    }

    /**
     * Table 10's learn: a table-20 flow for the frame's local VLAN and source MAC that strips the
     * VLAN, sets the frame's tunnel id and outputs to the tunnel it came in on.
     */
    private Learn learnFromTunnel() {
        return Learn.builder().table(Tables.UCAST_TO_TUN).hardTimeout(LEARN_HARD_TIMEOUT).priority(1).cookie(cookie())
                .matchField(new Subfield(Field.VLAN_TCI, 0, 12))
                .matchField(Subfield.of(Field.ETH_DST), Subfield.of(Field.ETH_SRC))
                .loadValue(Subfield.of(Field.VLAN_TCI), 0)
                .loadField(Subfield.of(Field.TUN_ID), Subfield.of(Field.TUN_ID))
                .output(Subfield.of(Field.IN_PORT_OXM))
                .build();
    }

    /** A tunnel's frames with {@code segmentationId} get local VLAN {@code lvid}, then learning (9 first with DVR). */
    void provisionLocalVlan(String tunnelType, int lvid, long segmentationId, boolean distributed) {
        install(Tables.tunToLv(tunnelType), 1, match().tunId(segmentationId).build(), new Action.PushVlan(ETH_TYPE_8021Q),
                Action.SetField.of(Field.VLAN_VID, VID_PRESENT | lvid),
                new Action.GotoTable(distributed ? Tables.DVR_NOT_LEARN : Tables.LEARN_FROM_TUN));
    }

    /** Broadcasts and unknown unicasts of local VLAN {@code vlan} go out every port of {@code ports}. */
    void installFloodToTun(int vlan, long tunId, Collection<Integer> ports) {
        List<Action> actions = new ArrayList<>();
        actions.add(new Action.StripVlan());
        actions.add(Action.SetField.of(Field.TUN_ID, tunId));
        for (int p : ports) {
            actions.add(Action.Output.to(p));
        }
        install(Tables.FLOOD_TO_TUN, 1, tagged(match(), vlan).build(), actions);
    }

    /** l2population: frames to a remote port's MAC go straight to its host's tunnel. */
    void installUnicastToTun(int vlan, long tunId, int port, long mac) {
        install(Tables.UCAST_TO_TUN, 2, tagged(match(), vlan).dlDst(mac).build(), new Action.StripVlan(),
                Action.SetField.of(Field.TUN_ID, tunId), Action.Output.to(port));
    }

    /** l2population's ARP responder: a request for a remote port's IPv4 address is answered here. */
    void installArpResponder(int vlan, int ip, long mac) {
        install(Tables.ARP_RESPONDER, 1, tagged(match(), vlan).arp().arpTpa(ip).build(),
                Action.SetField.of(Field.ARP_OP, ARP_REPLY),
                new Action.Move(Subfield.of(Field.ARP_SHA), Subfield.of(Field.ARP_THA)),
                new Action.Move(Subfield.of(Field.ARP_SPA), Subfield.of(Field.ARP_TPA)),
                Action.SetField.of(Field.ARP_SHA, mac),
                Action.SetField.of(Field.ARP_SPA, ip & 0xffff_ffffL),
                new Action.Move(Subfield.of(Field.ETH_SRC), Subfield.of(Field.ETH_DST)),
                Action.SetField.of(Field.ETH_SRC, mac),
                Action.Output.to(OfPort.IN_PORT));
    }

    /** What arrives on a tunnel port goes to its type's tun_id table. */
    void setupTunnelPort(String tunnelType, int ofport) {
        installGoto(Tables.LOCAL_SWITCHING, 1, match().inPort(ofport).build(), Tables.tunToLv(tunnelType));
    }

    /** DVR: frames from another host's DVR MAC go to br-int unlearned. */
    void addDvrMacTun(long mac, int patchIntOfport) {
        installOutput(Tables.DVR_NOT_LEARN, 1, match().dlSrc(mac).build(), patchIntOfport);
    }
}
