package dev.packetwalk.cloud.agent.ovs;

import dev.packetwalk.cloud.agent.OvsLib;
import dev.packetwalk.ovs.action.Action;
import dev.packetwalk.ovs.flow.Field;
import dev.packetwalk.ovs.flow.Match;
import dev.packetwalk.ovs.flow.OfPort;

import java.util.ArrayList;
import java.util.List;

/**
 * A physical bridge of the agent's bridge_mappings ({@code br-ex}, ...) as OVSPhysicalBridge
 * drives it (neutron.md §2.3, §5.2): NORMAL by default, and frames coming from br-int leave
 * with the network's local VLAN stripped (flat) or turned into its segmentation id (vlan;
 * table 2 rather than 0 when distributed routing is on).
 */
final class PhysicalBridge extends AgentBridge {
    private final DvrProcess dvrProcess = new DvrProcess(this, Tables.DVR_PROCESS_VLAN, Tables.LOCAL_VLAN_TRANSLATION);

    PhysicalBridge(OvsLib ovs, String name, long cookie) {
        super(ovs, name, cookie);
    }

    void setupDefaultTable() {
        installNormal(Tables.LOCAL_SWITCHING, 0, Match.CATCH_ALL);
    }

    DvrProcess dvrProcess() {
        return dvrProcess;
    }

    /**
     * DVR's start-up flows (setup_dvr_flows_on_phys_br): what br-int sends goes through table 1
     * (replacing the patch port's drop), the rest through 3; 1 falls through to 2, where
     * untranslated frames from br-int are dropped; 3 switches NORMAL.
     */
    void setupDvrDefaults(int physOfport) {
        installGoto(Tables.LOCAL_SWITCHING, 2, match().inPort(physOfport).build(), Tables.DVR_PROCESS_VLAN);
        installGoto(Tables.LOCAL_SWITCHING, 1, Match.CATCH_ALL, Tables.DVR_NOT_LEARN_VLAN);
        installGoto(Tables.DVR_PROCESS_VLAN, 0, Match.CATCH_ALL, Tables.LOCAL_VLAN_TRANSLATION);
        installDrop(Tables.LOCAL_VLAN_TRANSLATION, 2, match().inPort(physOfport).build());
        installNormal(Tables.DVR_NOT_LEARN_VLAN, 1, Match.CATCH_ALL);
    }

    /** Frames from br-int ({@code port}) tagged with local VLAN {@code lvid} leave as the segment wants them. */
    void provisionLocalVlan(int port, int lvid, Integer segmentationId, boolean distributed) {
        int table = distributed ? Tables.LOCAL_VLAN_TRANSLATION : Tables.LOCAL_SWITCHING;
        List<Action> actions = new ArrayList<>();
        if (segmentationId == null) {
            actions.add(new Action.StripVlan());
        } else {
            actions.add(Action.SetField.of(Field.VLAN_VID, VID_PRESENT | segmentationId));
        }
        actions.add(Action.Output.to(OfPort.NORMAL));
        install(table, 4, tagged(match().inPort(port), lvid).build(), actions);
    }

    /** DVR: frames from another host's DVR MAC go to br-int ({@code port}) without being learned. */
    void addDvrMacVlan(long mac, int port) {
        installOutput(Tables.DVR_NOT_LEARN_VLAN, 2, match().dlSrc(mac).build(), port);
    }
}
