package dev.packetwalk.cloud.agent.ovs;

import dev.packetwalk.cloud.agent.OvsLib;
import dev.packetwalk.ovs.action.Action;
import dev.packetwalk.ovs.flow.Match;
import dev.packetwalk.ovs.flow.MatchFields;
import dev.packetwalk.ovs.flow.OfPort;
import dev.packetwalk.ovs.flowmod.FlowMod;

import java.util.List;

/**
 * One bridge as the agent's native OpenFlow driver drives it (ovs_bridge.OVSAgentBridge with
 * ofswitch's install_* helpers): every flow carries the bridge's cookie and is sent in
 * OpenFlow 1.3, one flow mod after the other, through {@link OvsLib}.
 */
class AgentBridge {
    /** OpenFlow 1.3's "a VLAN header is present" bit of vlan_vid (OFPVID_PRESENT). */
    static final int VID_PRESENT = 0x1000;
    private static final int VID_MASK = 0x1fff;

    private final OvsLib ovs;
    private final String name;
    private final long cookie;

    AgentBridge(OvsLib ovs, String name, long cookie) {
        this.ovs = ovs;
        this.name = name;
        this.cookie = cookie;
    }

    final String name() {
        return name;
    }

    final long cookie() {
        return cookie;
    }

    /** A new match builder. */
    static MatchFields match() {
        return Match.builder();
    }

    /** {@code vlan_vid=VID|OFPVID_PRESENT}: frames tagged with {@code vid} (dumped as {@code dl_vlan=VID}). */
    static MatchFields tagged(MatchFields m, int vid) {
        return m.vlanVid(VID_PRESENT | vid, VID_MASK);
    }

    /** {@code vlan_vid=OFPVID_NONE}: untagged frames (dumped as {@code vlan_tci=0x0000/0x1fff}). */
    static MatchFields untagged(MatchFields m) {
        return m.vlanVid(0, VID_MASK);
    }

    /** install_instructions / install_apply_actions: one flow with these actions (none: drop). */
    final void install(int table, int priority, Match match, List<Action> actions) {
        FlowMod flow = FlowMod.builder().table(table).priority(priority).cookie(cookie).match(match)
                .actions(actions).build();
        ovs.addFlows(name, List.of(flow));
    }

    final void install(int table, int priority, Match match, Action... actions) {
        install(table, priority, match, List.of(actions));
    }

    /** install_goto. */
    final void installGoto(int table, int priority, Match match, int destTable) {
        install(table, priority, match, new Action.GotoTable(destTable));
    }

    /** install_drop. */
    final void installDrop(int table, int priority, Match match) {
        install(table, priority, match, List.of());
    }

    /** install_output. */
    final void installOutput(int table, int priority, Match match, int port) {
        install(table, priority, match, Action.Output.to(port));
    }

    /** install_normal. */
    final void installNormal(int table, int priority, Match match) {
        installOutput(table, priority, match, OfPort.NORMAL);
    }

    /** drop_port: table 0 {@code priority=2,in_port=P actions=drop}. */
    final void dropPort(int ofport) {
        installDrop(0, 2, match().inPort(ofport).build());
    }
}
