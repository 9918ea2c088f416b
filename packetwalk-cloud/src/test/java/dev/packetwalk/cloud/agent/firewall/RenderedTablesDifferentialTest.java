package dev.packetwalk.cloud.agent.firewall;

import dev.packetwalk.cloud.agent.Deployment;
import dev.packetwalk.cloud.lab.GeneratedCloud;
import dev.packetwalk.cloud.lab.Lab;
import dev.packetwalk.cloud.model.Cloud;
import dev.packetwalk.host.Host;
import dev.packetwalk.host.Shell;
import dev.packetwalk.linux.Namespace;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * What the agents render into every namespace of every node — the hybrid firewall's and the L3
 * and DHCP agents' iptables, and the ipsets — loaded into the real tools: each namespace's
 * {@code ipset save} and {@code iptables-save} go through the real {@code ipset restore} and
 * {@code iptables-restore} in a private network namespace ({@code unshare -n}), and the real
 * tools must accept them and print them back exactly as Packetwalk printed them.
 */
class RenderedTablesDifferentialTest {
    @Test
    void everyRenderedTableLoadsIntoTheRealToolsAndPrintsTheSame() throws Exception {
        Assumptions.assumeTrue(realToolsAvailable(), "needs root, unshare, iptables-restore and ipset");
        Map<String, Cloud> clouds = new LinkedHashMap<>();
        for (Lab lab : Lab.ALL) {
            clouds.put("lab " + lab.name(), lab.cloud());
        }
        clouds.put("generated 6 hosts", GeneratedCloud.build(new GeneratedCloud.Size(5, 30, 6, 2), 11));
        int compared = 0;
        List<String> disagreements = new ArrayList<>();
        for (Map.Entry<String, Cloud> c : clouds.entrySet()) {
            Deployment d = Deployment.render(c.getValue());
            for (Host host : d.hosts().values()) {
                List<String> namespaces = new ArrayList<>();
                namespaces.add(null);
                host.kernel().namespaces().forEach(ns -> namespaces.add(ns.name()));
                for (String ns : namespaces) {
                    String sets = run(host, ns, "ipset save");
                    String rules = normalise(run(host, ns, "iptables-save"));
                    String real = real(sets, rules);
                    String ours = membersSorted(sets) + "=====\n" + rules;
                    compared++;
                    if (!real.equals(ours)) {
                        disagreements.add(c.getKey() + " " + host.name() + " " + (ns == null ? "root" : ns) + ":\n"
                                + "ours:\n" + ours + "real:\n" + real);
                    }
                }
            }
        }
        System.out.println("RenderedTablesDifferentialTest: " + (compared - disagreements.size()) + "/" + compared
                + " namespaces' ipsets and iptables agree with the real tools");
        assertThat(compared).isGreaterThan(20);
        assertThat(disagreements).isEmpty();
    }

    private static String run(Host host, String ns, String command) {
        StringBuilder out = new StringBuilder();
        StringBuilder err = new StringBuilder();
        Shell shell = new Shell(host);
        String line = ns == null ? command : "ip netns exec " + ns + " " + command;
        shell.runScript(line + "\n", out, err);
        assertThat(err).as(host.name() + " " + line).isEmpty();
        return out.toString();
    }

    /** ipset save with each set's members sorted: the kernel lists a hash set's members in hash order. */
    private static String membersSorted(String save) {
        StringBuilder sb = new StringBuilder();
        List<String> members = new ArrayList<>();
        for (String l : save.lines().toList()) {
            if (l.startsWith("add ")) {
                members.add(l);
                continue;
            }
            members.stream().sorted().forEach(m -> sb.append(m).append('\n'));
            members.clear();
            sb.append(l).append('\n');
        }
        members.stream().sorted().forEach(m -> sb.append(m).append('\n'));
        return sb.toString();
    }

    /** iptables-save without its dated comment lines. */
    private static String normalise(String save) {
        StringBuilder sb = new StringBuilder();
        for (String l : save.split("\n", -1)) {
            if (!l.startsWith("# ")) {
                sb.append(l).append('\n');
            }
        }
        return sb.toString().replaceAll("\n+$", "\n");
    }

    /** Loads both into the real tools in a fresh network namespace; returns what they print back. */
    private static String real(String sets, String rules) throws IOException, InterruptedException {
        Path dir = Files.createTempDirectory("pw-rendered-");
        try {
            Files.writeString(dir.resolve("sets"), sets, StandardCharsets.UTF_8);
            Files.writeString(dir.resolve("rules"), rules, StandardCharsets.UTF_8);
            String script = "ipset restore < " + dir.resolve("sets") + " && iptables-restore < " + dir.resolve("rules")
                    + " && ipset save && echo ===== && iptables-save";
            Process p = new ProcessBuilder("unshare", "-n", "bash", "-c", script).redirectErrorStream(true).start();
            String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            if (!p.waitFor(60, TimeUnit.SECONDS)) {
                p.destroyForcibly();
            }
            int cut = out.indexOf("=====\n");
            return cut < 0 ? out : membersSorted(out.substring(0, cut)) + "=====\n" + normalise(out.substring(cut + 6));
        } finally {
            try (var files = Files.walk(dir)) {
                files.sorted(java.util.Comparator.reverseOrder()).forEach(f -> f.toFile().delete());
            }
        }
    }

    private static boolean realToolsAvailable() {
        try {
            Process p = new ProcessBuilder("unshare", "-n", "bash", "-c", "iptables-save && ipset list")
                    .redirectErrorStream(true).start();
            p.getInputStream().readAllBytes();
            return p.waitFor(20, TimeUnit.SECONDS) && p.exitValue() == 0;
        } catch (IOException | InterruptedException e) {
            return false;
        }
    }
}
