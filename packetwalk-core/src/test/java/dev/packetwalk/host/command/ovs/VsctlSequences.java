package dev.packetwalk.host.command.ovs;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.function.Function;

/**
 * Random ovs-vsctl scripts over a few bridges and ports, in the style of what the Neutron OVS
 * agent and an operator type: bridges and ports come and go, ports get tags, trunks, types,
 * options and ids, and the state is read back in several ways. Names collide on purpose so
 * that errors (existing, missing, wrong bridge) are exercised as much as successes.
 *
 * <p>Each transaction adds at most one port: real OVS numbers the ports of one transaction
 * in the order of its hash table of names, which Packetwalk does not reproduce.
 */
final class VsctlSequences {
    private static final List<String> TYPES = List.of("internal", "patch", "vxlan", "geneve", "\"\"", "system", "bogus");

    private VsctlSequences() {
    }

    static List<List<String>> generate(Random r, int count) {
        List<List<String>> scripts = new ArrayList<>();
        for (int s = 0; s < count; s++) {
            List<String> script = new ArrayList<>();
            int n = 8 + r.nextInt(8);
            for (int k = 0; k < n; k++) {
                script.add(command(r));
            }
            script.add("ovs-vsctl show");
            script.add("ovs-vsctl --columns=name,type,options,ofport,ofport_request,error list Interface");
            scripts.add(script);
        }
        return scripts;
    }

    private static String command(Random r) {
        String br = "br" + r.nextInt(3);
        String port = "p" + r.nextInt(8);
        String other = "p" + r.nextInt(8);
        List<Function<Random, String>> kinds = List.of(
                x -> vsctl(maybe(x, "--may-exist ") + "add-br " + br),
                x -> vsctl(maybe(x, "--may-exist ") + "add-br " + br + " -- set-fail-mode " + br + " secure"),
                x -> vsctl(maybe(x, "--if-exists ") + "del-br " + br),
                x -> vsctl("add-port " + br + " " + port + (x.nextBoolean() ? " tag=" + x.nextInt(4096) : "")),
                x -> vsctl(maybe(x, "--may-exist ") + "add-port " + br + " " + port + " -- set Interface " + port
                        + " type=patch options:peer=" + other),
                x -> vsctl("add-port " + br + " " + port + " -- set Interface " + port + " type=internal"
                        + " external-ids:iface-id=" + Integer.toHexString(x.nextInt())),
                x -> vsctl("add-port " + br + " " + port + " -- set Interface " + port + " type=vxlan"
                        + " options:remote_ip=10.0.0." + x.nextInt(9) + " options:key=flow"),
                x -> vsctl("add-port " + br + " " + port + " -- set Interface " + port + " ofport_request="
                        + (1 + x.nextInt(6))),
                x -> vsctl(maybe(x, "--if-exists ") + "del-port " + (x.nextBoolean() ? br + " " : "") + port),
                x -> vsctl("set Port " + port + " trunks=" + x.nextInt(10) + "," + (10 + x.nextInt(10))),
                x -> vsctl("set Port " + port + " tag=" + x.nextInt(4096) + " vlan_mode="
                        + List.of("access", "trunk", "native-tagged").get(x.nextInt(3))),
                x -> vsctl("set Interface " + port + " type=" + TYPES.get(x.nextInt(TYPES.size()))),
                x -> vsctl("set Interface " + port + " options:" + List.of("peer=" + other,
                        "remote_ip=10.0.0." + x.nextInt(9), "key=flow").get(x.nextInt(3))),
                x -> vsctl("set Interface " + port + " external_ids:attached-mac=fa:16:3e:00:00:0" + x.nextInt(10)),
                x -> vsctl("set Bridge " + br + " external_ids:bridge-id=" + br + " other_config:x=" + x.nextInt(3)),
                x -> vsctl("clear Port " + port + " " + List.of("tag", "trunks", "vlan_mode").get(x.nextInt(3))),
                x -> vsctl("remove Port " + port + " trunks " + x.nextInt(20)),
                x -> vsctl("add Port " + port + " trunks " + x.nextInt(20)),
                x -> vsctl("set-controller " + br + " tcp:127.0.0.1:" + (6633 + x.nextInt(2))),
                x -> vsctl("del-controller " + br),
                x -> vsctl("get Port " + port + " tag trunks vlan_mode"),
                x -> vsctl("get Interface " + port + " type options ofport error"),
                x -> vsctl((x.nextBoolean() ? "list-ports " : "list-ifaces ") + br),
                x -> vsctl((x.nextBoolean() ? "port-to-br " : "iface-to-br ") + port),
                x -> vsctl("br-exists " + br),
                x -> vsctl("list-br"),
                x -> vsctl("--bare --columns=name find Interface type=patch"),
                x -> vsctl("--columns=name,tag find Port tag!=[]"),
                x -> vsctl(maybe(x, "--if-exists ") + "--columns=name,ofport list Interface " + port + " " + other),
                x -> vsctl("get-controller " + br + " -- get-fail-mode " + br),
                x -> vsctl("--format=" + List.of("table", "csv", "json").get(x.nextInt(3))
                        + (x.nextBoolean() ? " --no-headings" : "") + (x.nextBoolean() ? " --data=json" : "")
                        + " --columns=name,tag,trunks,vlan_mode list Port " + port + " -- --columns=name,tag find Port tag!=[]"),
                x -> vsctl("--if-exists del-port " + port + " -- --may-exist add-port " + br + " " + port),
                x -> vsctl((x.nextBoolean() ? "--with-iface " : "") + "del-port " + (x.nextBoolean() ? br : port)));
        return kinds.get(r.nextInt(kinds.size())).apply(r);
    }

    private static String vsctl(String rest) {
        return "ovs-vsctl " + rest;
    }

    private static String maybe(Random r, String text) {
        return r.nextBoolean() ? text : "";
    }
}
