package dev.packetwalk.cloud.agent.firewall;

import dev.packetwalk.cloud.agent.HostShell;
import dev.packetwalk.cloud.profile.ReleaseProfile;
import dev.packetwalk.host.Host;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * neutron.md §7.6's example {@code iptables-save} (Pike, one VM port 1d4a3e1a-40c5-…,
 * 192.168.1.5, fa:16:3e:5c:9e:2d, default group 5f3c2b1a-8d7e-…), taken from the file itself,
 * against the same one-port cloud rendered, line by line and exact but for the counters and
 * these differences, each stated and replaced where it occurs:
 * <ul>
 * <li>iptables version: iptables 1.4/1.6 printed {@code --mac-source} in upper case
 *     ({@code FA:16:3E:5C:9E:2D}), 1.8.9 prints it in lower case (checked against the real tool);</li>
 * <li>the example elides the port id in the zone comment ({@code "Set zone for 3e1a-40c5-..."});</li>
 * <li>release, Ocata against the example's Pike: the DHCP reply rule comes from the DHCP server
 *     ({@code -s 192.168.1.2/32}) instead of going to the port and to broadcast (the server's
 *     _add_ingress_dhcp_rule changed in Pike), and the raw table has two bare zone rules per
 *     port instead of three commented ones (iptables_firewall's _get_jump_rule(s)).</li>
 * </ul>
 */
class FirewallExampleTest {
    private static final String I_CHAIN = "-A neutron-openvswi-i1d4a3e1a-4 ";
    private static final String DHCP = "-p udp -m udp --sport 67 --dport 68 -j RETURN";

    @Test
    void pikeRendersTheExample() {
        Host compute = OnePortCloud.example(ReleaseProfile.PIKE).compute();
        assertThat(saved(compute, "filter")).isEqualTo(withLowerCaseMac(example("*filter")));
        List<String> raw = example("*raw");
        replaceAll(raw, "Set zone for 3e1a-40c5-...", "Set zone for 3e1a-40c5-4b5e-9d11-2f6a7c8e9b01", 3);
        assertThat(saved(compute, "raw")).isEqualTo(raw);
    }

    @Test
    void ocataRendersTheExampleWithItsDhcpRuleAndZoneRules() {
        Host compute = OnePortCloud.example(ReleaseProfile.OCATA).compute();
        List<String> filter = withLowerCaseMac(example("*filter"));
        int first = filter.indexOf(I_CHAIN + "-d 192.168.1.5/32 " + DHCP);
        assertThat(filter.get(first + 1)).isEqualTo(I_CHAIN + "-d 255.255.255.255/32 " + DHCP);
        filter.set(first, I_CHAIN + "-s 192.168.1.2/32 " + DHCP);
        filter.remove(first + 1);
        assertThat(saved(compute, "filter")).isEqualTo(filter);

        List<String> raw = example("*raw");
        List<String> pikeZones = raw.subList(raw.size() - 4, raw.size() - 1);
        assertThat(pikeZones).allMatch(l -> l.contains("-m comment --comment \"Set zone for 3e1a-40c5-...\""));
        pikeZones.clear();
        raw.add(raw.size() - 1, "-A neutron-openvswi-PREROUTING -m physdev --physdev-in qvb1d4a3e1a-40 -j CT --zone 1");
        raw.add(raw.size() - 1, "-A neutron-openvswi-PREROUTING -m physdev --physdev-in tap1d4a3e1a-40 -j CT --zone 1");
        assertThat(saved(compute, "raw")).isEqualTo(raw);
    }

    /** The example's MAC as iptables 1.8.9 prints it. */
    private static List<String> withLowerCaseMac(List<String> lines) {
        replaceAll(lines, "FA:16:3E:5C:9E:2D", "fa:16:3e:5c:9e:2d", 1);
        return lines;
    }

    private static void replaceAll(List<String> lines, String from, String to, int expected) {
        int n = 0;
        for (int i = 0; i < lines.size(); i++) {
            if (lines.get(i).contains(from)) {
                lines.set(i, lines.get(i).replace(from, to));
                n++;
            }
        }
        assertThat(n).as("lines with " + from).isEqualTo(expected);
    }

    /** {@code iptables-save -t TABLE} on the node, without "#" lines, counters as [0:0]. */
    private static List<String> saved(Host host, String table) {
        List<String> out = new ArrayList<>();
        for (String line : HostShell.lines(host, "iptables-save -t " + table)) {
            if (!line.startsWith("#")) {
                out.add(line.replaceAll("\\[\\d+:\\d+]", "[0:0]"));
            }
        }
        return out;
    }

    /** The example's lines for one table, from its "*TABLE" line to its COMMIT. */
    private static List<String> example(String start) {
        List<String> doc = section76();
        int from = doc.indexOf(start);
        int to = doc.subList(from, doc.size()).indexOf("COMMIT") + from;
        return new ArrayList<>(doc.subList(from, to + 1));
    }

    private static List<String> section76() {
        Path file = Path.of(System.getProperty("packetwalk.root", "."), "..", "shared", "reference", "neutron.md");
        try {
            List<String> all = Files.readAllLines(file.normalize());
            int heading = indexOfPrefix(all, "### 7.6", 0);
            int open = indexOfPrefix(all, "```", heading);
            int close = indexOfPrefix(all, "```", open + 1);
            return all.subList(open + 1, close);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static int indexOfPrefix(List<String> lines, String prefix, int from) {
        for (int i = from; i < lines.size(); i++) {
            if (lines.get(i).startsWith(prefix)) {
                return i;
            }
        }
        throw new IllegalStateException("no line starting with " + prefix);
    }
}
