package dev.packetwalk.host.command.ovs;

import java.util.List;

import org.junit.jupiter.api.Test;

import dev.packetwalk.host.Host;
import dev.packetwalk.host.Hosts;
import dev.packetwalk.host.Shell;
import dev.packetwalk.net.MacAddress;
import dev.packetwalk.ovs.db.BridgeSettings;
import dev.packetwalk.ovs.db.OvsDb;
import dev.packetwalk.ovs.db.OvsDbException;
import dev.packetwalk.ovs.db.PortSettings;
import dev.packetwalk.ovs.db.SwitchConfig;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Seed 004's compute01 switch built through the typed OVSDB API prints, in {@code ovs-vsctl
 * show}, {@code list}s and {@code ovs-ofctl show}, exactly what the same switch built with the
 * equivalent ovs-vsctl commands prints; and a connected agent shows as real OVS shows it.
 */
class TypedSwitchConfigTest {
    private static final String VXLAN = "vxlan-c0a8010c";
    private static final List<String> COMMANDS = List.of(
            "ovs-vsctl add-br br-int -- set-fail-mode br-int secure -- set Bridge br-int protocols=OpenFlow10,OpenFlow13"
                    + " datapath_type=system external_ids:bridge-id=br-int",
            "ovs-vsctl set-controller br-int tcp:127.0.0.1:6633 -- set Controller br-int connection_mode=out-of-band",
            "ovs-vsctl add-port br-int patch-tun -- set Interface patch-tun type=patch options:peer=patch-int"
                    + " ofport_request=1",
            "ovs-vsctl add-port br-int qvof7eae624-34 tag=2 -- set Interface qvof7eae624-34 ofport_request=2"
                    + " external_ids:iface-id=f7eae624-3488-4ccb-962a-d94f9b86aeb7 external_ids:iface-status=active"
                    + " external_ids:attached-mac=fa:16:3e:3b:53:26 -- set Port qvof7eae624-34 other_config:tag=2"
                    + " other_config:net_uuid=1c7c2b1e-5b9b-4a2a-9e4b-2b2d7f3f2f10",
            "ovs-vsctl add-port br-int qvo1d939c00-e4 tag=1 -- set Interface qvo1d939c00-e4 ofport_request=3",
            "ovs-vsctl add-br br-tun -- set-fail-mode br-tun secure",
            "ovs-vsctl add-port br-tun patch-int -- set Interface patch-int type=patch options:peer=patch-tun"
                    + " ofport_request=1",
            "ovs-vsctl add-port br-tun " + VXLAN + " -- set Interface " + VXLAN + " type=vxlan ofport_request=2"
                    + " options:df_default=true options:in_key=flow options:local_ip=192.168.1.13 options:out_key=flow"
                    + " options:remote_ip=192.168.1.12",
            "ovs-vsctl set-manager ptcp:6640:127.0.0.1");
    private static final List<String> VIEWS = List.of("ovs-vsctl show", "ovs-vsctl list Interface",
            "ovs-vsctl list Port", "ovs-vsctl list Bridge", "ovs-vsctl list Controller", "ovs-vsctl list Open_vSwitch",
            "ovs-ofctl show br-int", "ovs-ofctl show br-tun");

    /** The same switch, one typed transaction per command line above. */
    private static void typed(OvsDb db) {
        SwitchConfig c = new SwitchConfig(db);
        db.transact(true, () -> c.addBridge(BridgeSettings.of("br-int").withFailMode("secure")
                .withProtocols("OpenFlow10", "OpenFlow13").withDatapathType("system").withExternalId("bridge-id", "br-int")));
        db.transact(true, () -> c.setControllers("br-int", List.of("tcp:127.0.0.1:6633"), "out-of-band"));
        db.transact(true, () -> c.addPort("br-int", PortSettings.patch("patch-tun", "patch-int").withOfportRequest(1)));
        db.transact(true, () -> c.addPort("br-int", PortSettings.of("qvof7eae624-34").withTag(2).withOfportRequest(2)
                .withExternalId("iface-id", "f7eae624-3488-4ccb-962a-d94f9b86aeb7").withExternalId("iface-status", "active")
                .withExternalId("attached-mac", "fa:16:3e:3b:53:26").withPortOtherConfig("tag", "2")
                .withPortOtherConfig("net_uuid", "1c7c2b1e-5b9b-4a2a-9e4b-2b2d7f3f2f10")));
        db.transact(true, () -> c.addPort("br-int", PortSettings.of("qvo1d939c00-e4").withTag(1).withOfportRequest(3)));
        db.transact(true, () -> c.addBridge(BridgeSettings.of("br-tun").withFailMode("secure")));
        db.transact(true, () -> c.addPort("br-tun", PortSettings.patch("patch-int", "patch-tun").withOfportRequest(1)));
        db.transact(true, () -> c.addPort("br-tun", PortSettings.of(VXLAN).withType("vxlan").withOfportRequest(2)
                .withOption("df_default", "true").withOption("in_key", "flow").withOption("local_ip", "192.168.1.13")
                .withOption("out_key", "flow").withOption("remote_ip", "192.168.1.12")));
        db.transact(true, () -> c.setManagers(List.of("ptcp:6640:127.0.0.1")));
    }

    private static String run(Host host, String command) {
        StringBuilder out = new StringBuilder();
        StringBuilder err = new StringBuilder();
        int status = new Shell(host).runLine(command, out, err);
        assertThat(err).as(command).isEmpty();
        assertThat(status).as(command).isZero();
        return out.toString();
    }

    @Test
    void typedCompute01PrintsWhatTheVsctlCommandsPrint() {
        Host byCommands = Hosts.dummyDatapath("compute01");
        COMMANDS.forEach(c -> run(byCommands, c));
        Host byApi = Hosts.dummyDatapath("compute01");
        typed(byApi.vswitch().db());
        for (String view : VIEWS) {
            assertThat(run(byApi, view)).as(view).isEqualTo(run(byCommands, view));
        }
        assertThat(run(byApi, "ovs-vsctl show")).contains("""
                        Port qvof7eae624-34
                            tag: 2
                            Interface qvof7eae624-34
                """).contains("""
                            Interface vxlan-c0a8010c
                                type: vxlan
                                options: {df_default="true", in_key=flow, local_ip="192.168.1.13", out_key=flow, remote_ip="192.168.1.12"}
                """);
    }

    @Test
    void aConnectedAgentShowsAsRealOvsShowsIt() {
        Host host = Hosts.dummyDatapath("compute01");
        COMMANDS.forEach(c -> run(host, c));
        run(host, "ovs-vsctl set-controller br-tun tcp:127.0.0.1:6633 -- set Controller br-tun connection_mode=out-of-band");
        OvsDb db = host.vswitch().db();
        db.managerConnection("ptcp:6640:127.0.0.1", true);
        db.controllerConnection("br-int", "tcp:127.0.0.1:6633", true);
        db.controllerConnection("br-tun", "tcp:127.0.0.1:6633", true);
        String show = run(host, "ovs-vsctl show");
        assertThat(show).contains("""
                    Manager "ptcp:6640:127.0.0.1"
                        is_connected: true
                    Bridge br-int
                        Controller "tcp:127.0.0.1:6633"
                            is_connected: true
                        fail_mode: secure
                        datapath_type: system
                """).contains("""
                    Bridge br-tun
                        Controller "tcp:127.0.0.1:6633"
                            is_connected: true
                        fail_mode: secure
                """).endsWith("    ovs_version: \"3.1.0\"\n");
        String controller = run(host, "ovs-vsctl --columns=connection_mode,is_connected,role,status,target list Controller br-tun");
        assertThat(controller).isEqualTo("""
                connection_mode     : out-of-band
                is_connected        : true
                role                : other
                status              : {sec_since_connect="0", state=ACTIVE}
                target              : "tcp:127.0.0.1:6633"
                """);
        assertThat(run(host, "ovs-vsctl --columns=is_connected,status list Manager")).isEqualTo("""
                is_connected        : true
                status              : {bound_port="6640", sec_since_connect="0", state=ACTIVE}
                """);
        run(host, "ovs-vsctl set-controller br-tun tcp:127.0.0.1:6633");
        assertThat(run(host, "ovs-vsctl get Controller br-tun is_connected")).as("same target, session kept")
                .isEqualTo("true\n");
        db.controllerConnection("br-tun", "tcp:127.0.0.1:6633", false);
        assertThat(run(host, "ovs-vsctl --columns=is_connected,role,status list Controller br-tun")).isEqualTo("""
                is_connected        : false
                role                : []
                status              : {}
                """);
        assertThatThrownBy(() -> db.controllerConnection("br-tun", "tcp:10.0.0.1:6633", true))
                .isInstanceOf(OvsDbException.class).hasMessage("bridge br-tun has no controller tcp:10.0.0.1:6633");
    }

    @Test
    void aPinnedMacIsWhatTheSwitchReportsForThePort() {
        Host host = Hosts.dummyDatapath("compute01");
        OvsDb db = host.vswitch().db();
        SwitchConfig c = new SwitchConfig(db);
        db.transact(true, () -> c.addBridge(BridgeSettings.of("br-tun").withFailMode("secure")));
        db.transact(true, () -> c.addPort("br-tun", PortSettings.patch("patch-int", "patch-tun").withOfportRequest(1)
                .withMacInUse(MacAddress.parse("be:0c:93:5e:1f:07"))));
        assertThat(run(host, "ovs-vsctl get Interface patch-int mac_in_use")).isEqualTo("\"be:0c:93:5e:1f:07\"\n");
        assertThat(run(host, "ovs-ofctl show br-tun")).contains(" 1(patch-int): addr:be:0c:93:5e:1f:07\n");
        assertThatThrownBy(() -> db.transact(true, () -> c.addPort("br-tun", PortSettings.of("patch-int")
                .withMacInUse(MacAddress.parse("02:00:00:00:00:01"))))).isInstanceOf(OvsDbException.class);
        assertThat(run(host, "ovs-vsctl get Interface patch-int mac_in_use")).as("a failed transaction pins nothing")
                .isEqualTo("\"be:0c:93:5e:1f:07\"\n");
    }

    @Test
    void badSettingsAreRefusedClearly() {
        assertThatThrownBy(() -> PortSettings.of("p").withTag(4096)).hasMessage("tag 4096 of p is out of range 0..4095");
        assertThatThrownBy(() -> PortSettings.of("p").withType("vxlan6"))
                .hasMessageStartingWith("unknown interface type \"vxlan6\" for p");
        assertThatThrownBy(() -> PortSettings.of("p").withOfportRequest(0))
                .hasMessage("ofport_request 0 of p is out of range 1..65279");
        assertThatThrownBy(() -> BridgeSettings.of("b").withFailMode("open"))
                .hasMessage("fail-mode must be \"standalone\" or \"secure\"");
        assertThatThrownBy(() -> BridgeSettings.of("b").withProtocols("OpenFlow16"))
                .hasMessageStartingWith("unknown OpenFlow version \"OpenFlow16\"");
        Host host = Hosts.dummyDatapath("h");
        OvsDb db = host.vswitch().db();
        SwitchConfig c = new SwitchConfig(db);
        assertThatThrownBy(() -> db.transact(true, () -> c.addPort("br-x", PortSettings.of("p"))))
                .isInstanceOf(OvsDbException.class).hasMessage("no bridge named br-x");
    }
}
