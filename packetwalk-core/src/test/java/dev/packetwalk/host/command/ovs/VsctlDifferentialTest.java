package dev.packetwalk.host.command.ovs;

import dev.packetwalk.ovs.RealOvs;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The same ovs-vsctl / ovs-ofctl scripts through real OVS 3.1 (dummy datapath) and through
 * Packetwalk; stdout, stderr and exit status must agree after {@link OvsOutputNormaliser}.
 */
class VsctlDifferentialTest {
    private static RealOvs real;

    @BeforeAll
    static void start() throws Exception {
        real = RealOvs.startOrSkip();
    }

    @AfterAll
    static void stop() {
        if (real != null) {
            real.close();
        }
    }

    /** Runs the script in both worlds; returns where they first disagree (empty when they agree). */
    static List<String> compare(String script) throws Exception {
        List<String> lines = script.lines().filter(l -> !l.isBlank()).toList();
        return compareAll(List.of(lines)).stream().filter(d -> !d.isEmpty()).toList();
    }

    /** Runs each script in both worlds; for each, where they first disagree, or "" when they agree. */
    static List<String> compareAll(List<List<String>> scripts) throws Exception {
        List<List<Boolean>> settle = new ArrayList<>();
        List<List<DifferentialRun.Line>> ours = DifferentialRun.ours(scripts, settle);
        List<List<DifferentialRun.Line>> theirs = DifferentialRun.real(real, scripts, settle);
        List<String> diffs = new ArrayList<>();
        for (int s = 0; s < scripts.size(); s++) {
            diffs.add(firstDifference(OvsOutputNormaliser.transcript(theirs.get(s)),
                    OvsOutputNormaliser.transcript(ours.get(s))));
        }
        return diffs;
    }

    private static String firstDifference(String x, String y) {
        if (x.equals(y)) {
            return "";
        }
        String[] xl = x.split("\n", -1);
        String[] yl = y.split("\n", -1);
        int k = 0;
        while (k < Math.min(xl.length, yl.length) && xl[k].equals(yl[k])) {
            k++;
        }
        int from = Math.max(0, k - 6);
        return "REAL:\n" + String.join("\n", Arrays.copyOfRange(xl, from, Math.min(xl.length, k + 8)))
                + "\nOURS:\n" + String.join("\n", Arrays.copyOfRange(yl, from, Math.min(yl.length, k + 8)));
    }

    @Test
    void computeNodeOfSeed004() throws Exception {
        assertThat(compare("""
                ovs-vsctl --may-exist add-br br-int -- set Bridge br-int datapath_type=system
                ovs-vsctl set-fail-mode br-int secure
                ovs-vsctl set Bridge br-int protocols=OpenFlow10,OpenFlow13
                ovs-vsctl --may-exist add-br br-tun -- set-fail-mode br-tun secure
                ovs-vsctl --may-exist add-port br-int patch-tun -- set Interface patch-tun type=patch options:peer=patch-int
                ovs-vsctl --may-exist add-port br-tun patch-int -- set Interface patch-int type=patch options:peer=patch-tun
                ovs-vsctl --may-exist add-port br-tun vxlan-c0a8010c -- set Interface vxlan-c0a8010c type=vxlan options:df_default=true options:in_key=flow options:local_ip=192.168.1.13 options:out_key=flow options:remote_ip=192.168.1.12
                ovs-vsctl --may-exist add-port br-int qvof7eae624-34 -- set Interface qvof7eae624-34 external-ids:iface-id=f7eae624-3488-4ccb-962a-d94f9b86aeb7 external-ids:iface-status=active external-ids:attached-mac=fa:16:3e:3b:53:26
                ovs-vsctl --may-exist add-port br-int qvo1d939c00-e4
                ovs-vsctl set Port qvof7eae624-34 tag=2 -- set Port qvo1d939c00-e4 tag=1
                ovs-vsctl show
                ovs-vsctl list-br
                ovs-vsctl list-ports br-int
                ovs-vsctl list-ifaces br-tun
                ovs-vsctl port-to-br patch-int
                ovs-vsctl iface-to-br qvo1d939c00-e4
                ovs-vsctl br-exists br-int
                ovs-vsctl br-exists br-nope
                ovs-vsctl get Interface qvof7eae624-34 external_ids:iface-id external_ids ofport
                ovs-vsctl get Interface patch-tun ofport -- get Interface patch-int ofport
                ovs-vsctl get Port qvo1d939c00-e4 tag
                ovs-vsctl --columns=name,tag find Port tag=2
                ovs-vsctl --bare --columns=name find Interface type=patch
                ovs-vsctl get-fail-mode br-tun
                ovs-vsctl list Interface qvof7eae624-34
                ovs-vsctl list Port qvo1d939c00-e4
                ovs-vsctl --columns=name,fail_mode,protocols,datapath_type list Bridge br-int
                ovs-ofctl show br-int
                ovs-ofctl -O OpenFlow13 show br-tun
                ovs-ofctl dump-ports-desc br-tun
                ovs-ofctl dump-ports br-int 1
                """)).isEmpty();
    }

    @Test
    void networkNodeOfSeed004() throws Exception {
        assertThat(compare("""
                ovs-vsctl --may-exist add-br br-int -- set-fail-mode br-int secure
                ovs-vsctl --may-exist add-br br-ex -- set-fail-mode br-ex secure
                ovs-vsctl --may-exist add-port br-int int-br-ex -- set Interface int-br-ex type=patch options:peer=nonexistent-peer
                ovs-vsctl --may-exist add-port br-ex phy-br-ex -- set Interface phy-br-ex type=patch options:peer=nonexistent-peer
                ovs-vsctl show
                ovs-vsctl set Interface int-br-ex options:peer=phy-br-ex -- set Interface phy-br-ex options:peer=int-br-ex
                ovs-vsctl --may-exist add-port br-int patch-tun -- set Interface patch-tun type=patch options:peer=patch-int
                ovs-vsctl --may-exist add-port br-int tap80ac2f6b-87 -- set Interface tap80ac2f6b-87 type=internal external-ids:iface-id=80ac2f6b
                ovs-vsctl --may-exist add-port br-int qr-b9a4d300-68 tag=2 -- set Interface qr-b9a4d300-68 type=internal
                ovs-vsctl --may-exist add-port br-int qg-a1b3323f-35 tag=4 -- set Interface qg-a1b3323f-35 type=internal
                ovs-vsctl set-controller br-int tcp:127.0.0.1:6633 -- set-controller br-ex tcp:127.0.0.1:6633
                ovs-vsctl get-controller br-int
                ovs-vsctl show
                ovs-vsctl get Interface int-br-ex error ofport
                ovs-ofctl show br-int
                ovs-ofctl show br-ex
                ovs-vsctl del-port br-int qr-b9a4d300-68
                ovs-vsctl --may-exist add-port br-int qr-f80a6a75-e6 -- set Interface qr-f80a6a75-e6 type=internal
                ovs-vsctl get Interface qr-f80a6a75-e6 ofport
                ovs-vsctl del-controller br-ex
                ovs-vsctl show
                """)).isEmpty();
    }

    @Test
    void errors() throws Exception {
        assertThat(compare("""
                ovs-vsctl add-br br0
                ovs-vsctl add-br br0
                ovs-vsctl add-port br0 p1
                ovs-vsctl add-port br0 p1
                ovs-vsctl add-port br9 p1
                ovs-vsctl --may-exist add-port br0 p1
                ovs-vsctl add-br br1 -- --may-exist add-port br1 p1
                ovs-vsctl add-br p1
                ovs-vsctl add-port br0 br0
                ovs-vsctl del-br br9
                ovs-vsctl --if-exists del-br br9
                ovs-vsctl del-port br0 zz
                ovs-vsctl del-port zz
                ovs-vsctl add-br br1 -- del-port br1 p1
                ovs-vsctl get Interface x ofport
                ovs-vsctl get Interface p1 nocol
                ovs-vsctl set Interface p1 nocol=1
                ovs-vsctl get Interface p1 options:foo
                ovs-vsctl --if-exists get Interface p1 options:foo
                ovs-vsctl add-port
                ovs-vsctl add-br
                ovs-vsctl list-ports br9
                ovs-vsctl port-to-br zz
                ovs-vsctl iface-to-br zz
                ovs-vsctl foo
                ovs-vsctl set Bridge br0 fail_mode=bogus
                ovs-vsctl set Port p1 tag=5000
                ovs-vsctl set Port p1 tag=abc
                ovs-vsctl set-fail-mode br0 bogus
                ovs-vsctl get Port p1 tag:x
                ovs-vsctl list foo
                ovs-vsctl list Bridge br9
                ovs-vsctl add-port br0 p2 -- add-port br0 p2
                ovs-vsctl add-port br0 p3 -- add-br p3
                ovs-vsctl list-ports br0
                ovs-vsctl add-port br0 q1 -- set Interface q1 type=bogus
                ovs-vsctl add-port br0 q2 -- set Interface q2 type=patch
                ovs-vsctl add-port br0 q3 -- set Interface q3 type=patch options:peer=q3
                ovs-vsctl show
                ovs-vsctl get Interface q1 ofport error
                ovs-vsctl del-port br0 br0
                ovs-vsctl --if-exists del-port br0
                ovs-vsctl --with-iface del-port zz
                ovs-vsctl --with-iface del-port br0 p1
                ovs-vsctl set Interface p1 type
                ovs-vsctl set Interface p1 options:peer=
                ovs-vsctl add-port br0 q4 -- set Interface q4 type=patch options:peer=x options:foo=1
                ovs-vsctl get Interface q4 error
                ovs-vsctl --timeout=5 wait-until Bridge br0 name=br0 fail_mode=[]
                ovs-vsctl --timeout=5 wait-until Bridge br0 nocol=3
                ovs-vsctl --timeout=5 wait-until Bridge br0 -- list-br
                """)).isEmpty();
    }

    @Test
    void ofportAssignment() throws Exception {
        assertThat(compare("""
                ovs-vsctl add-br b1
                ovs-vsctl add-port b1 a
                ovs-vsctl add-port b1 b
                ovs-vsctl add-port b1 c -- set Interface c ofport_request=7
                ovs-vsctl del-port b
                ovs-vsctl add-port b1 d
                ovs-vsctl add-port b1 e -- set Interface e ofport_request=2
                ovs-vsctl add-port b1 f
                ovs-vsctl get Interface a ofport -- get Interface c ofport -- get Interface d ofport -- get Interface e ofport -- get Interface f ofport -- get Interface b1 ofport
                ovs-vsctl clear Interface c ofport_request
                ovs-vsctl get Interface c ofport ofport_request
                ovs-ofctl show b1
                """)).isEmpty();
    }

    @Test
    void databaseCommands() throws Exception {
        assertThat(compare("""
                ovs-vsctl add-br br0 -- add-br br1 -- add-port br0 p1 tag=3 -- add-port br1 p2 -- set Port p2 trunks=1,2,3
                ovs-vsctl --bare --columns=name,tag,trunks list Port p2 p1
                ovs-vsctl --columns=name,tag find Port tag=3
                ovs-vsctl --bare --columns=name find Port 'trunks{>=}2'
                ovs-vsctl remove Port p2 trunks 2
                ovs-vsctl get Port p2 trunks
                ovs-vsctl add Port p2 trunks 7 8
                ovs-vsctl get Port p2 trunks
                ovs-vsctl set Port p1 trunks=[] vlan_mode=access
                ovs-vsctl get Port p1 vlan_mode trunks
                ovs-vsctl set Interface p1 external-ids:iface-id=abc external-ids:attached-mac=fa:16:3e:00:00:01 external_ids:vm-uuid=1234
                ovs-vsctl get Interface p1 external_ids
                ovs-vsctl remove Interface p1 external_ids vm-uuid
                ovs-vsctl remove Interface p1 external_ids iface-id=nomatch
                ovs-vsctl get Interface p1 external_ids
                ovs-vsctl clear Interface p1 external_ids
                ovs-vsctl get Interface p1 external_ids
                ovs-vsctl set Bridge br0 other_config:datapath-id=00000000000000aa
                ovs-vsctl get Bridge br0 datapath_id other_config
                ovs-vsctl set Bridge br0 stp_enable=true mcast_snooping_enable=true
                ovs-vsctl list Bridge br1
                ovs-vsctl list Port p2
                ovs-vsctl set-manager ptcp:6640:127.0.0.1
                ovs-vsctl get-manager
                ovs-vsctl show
                ovs-vsctl list Manager
                ovs-vsctl del-manager
                ovs-vsctl set Open_vSwitch . external_ids:hostname=compute01
                ovs-vsctl get Open_vSwitch . external_ids
                """)).isEmpty();
    }

    @Test
    void outputFormats() throws Exception {
        assertThat(compare("""
                ovs-vsctl add-br br0 -- add-port br0 p1 tag=3 -- set Port p1 trunks=1,2 external_ids:a="b,c" external_ids:x=y
                ovs-vsctl add-port br0 p2 -- set Interface p2 type=patch options:peer=p1
                ovs-vsctl --format=table --columns=name,tag,trunks,external_ids list Port p1 p2
                ovs-vsctl -f table --no-headings --columns=name,tag list Port p1
                ovs-vsctl --format table -d json --columns=name,tag,trunks list Port p1 p2
                ovs-vsctl --format=csv --columns=name,tag,trunks,external_ids,_uuid list Port p1 p2
                ovs-vsctl --format=csv --data=json --columns=name,tag,trunks,external_ids list Port p1
                ovs-vsctl -f csv --no-headings --columns=name find Port tag=99
                ovs-vsctl --format=json --columns=name,tag,trunks,external_ids,_uuid list Port p1 p2
                ovs-vsctl -f json --columns=name find Port tag=99
                ovs-vsctl -f json --columns=name list Port p1 -- --columns=name list Port p2
                ovs-vsctl --columns=name list Bridge -- --columns=name find Bridge name=zz -- --columns=name list Bridge
                ovs-vsctl --no-headings --columns=name,tag list Port p1
                ovs-vsctl -f table --columns=name,type,options,error,ofport list Interface p2
                ovs-vsctl --format=table --bare --columns=name,trunks list Port p1
                ovs-vsctl -f bogus list Port
                ovs-vsctl -d bogus list Port
                ovs-vsctl -f json get Port p1 tag
                """)).isEmpty();
    }

    @Test
    void randomSequences() throws Exception {
        List<List<String>> scripts = VsctlSequences.generate(new Random(42), 300);
        List<String> diffs = compareAll(scripts);
        List<String> failures = diffs.stream().filter(d -> !d.isEmpty()).toList();
        long lines = scripts.stream().mapToLong(List::size).sum();
        java.nio.file.Files.writeString(java.nio.file.Path.of("target", "vsctl-random-differences.txt"),
                String.join("\n=====\n", failures));
        System.out.println("random vsctl sequences: " + (scripts.size() - failures.size()) + "/" + scripts.size()
                + " agree with real OVS (" + lines + " command lines)");
        assertThat(failures.subList(0, Math.min(3, failures.size())))
                .as("%d of %d sequences disagree; the first ones", failures.size(), scripts.size())
                .isEmpty();
    }
}
