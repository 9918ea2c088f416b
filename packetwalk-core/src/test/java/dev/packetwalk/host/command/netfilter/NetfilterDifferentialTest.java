package dev.packetwalk.host.command.netfilter;

import dev.packetwalk.linux.netfilter.NeutronSample;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * Differential test: generated Neutron-shaped firewall and router rule sets go through the
 * real iptables 1.8.9 / ipset 7.17 in a private namespace and through Packetwalk; every
 * command's stdout, stderr and status, then the listings, must agree byte for byte after
 * normalising dates, hash seeds, ipset memory sizes and member order.
 */
class NetfilterDifferentialTest {
    private static final List<List<String>> PROBES = List.of(
            List.of("iptables", "-S"),
            List.of("iptables", "-S", "-t", "nat"),
            List.of("iptables", "-S", "-t", "raw", "-v"),
            List.of("iptables", "-t", "mangle", "-S"),
            List.of("iptables-save"),
            List.of("iptables-save", "-c"),
            List.of("iptables", "-L", "-n", "-v", "--line-numbers"),
            List.of("iptables", "-L"),
            List.of("iptables", "-L", "-v"),
            List.of("iptables", "-L", "-v", "-x"),
            List.of("iptables", "-t", "nat", "-L"),
            List.of("iptables", "-t", "nat", "-L", "-n", "-v"),
            List.of("iptables", "-t", "raw", "-L", "-v"),
            List.of("iptables", "-t", "mangle", "-L", "--line-numbers"),
            List.of("iptables", "-t", "mangle", "-L", "-n", "-v"),
            List.of("ipset", "save"),
            List.of("ipset", "list"));

    @BeforeAll
    static void realToolsPresent() {
        String why = RealTools.unavailable();
        assumeTrue(why == null, () -> "skipped: " + why);
    }

    static NeutronSample sample(long seed) {
        NeutronSample s = new NeutronSample(seed);
        int kind = (int) (seed % 4);
        if (kind != 1) {
            s.firewall(1 + (int) (seed % 5), seed % 3 != 0);
        }
        if (kind != 0) {
            s.router((int) (seed % 3));
        }
        if (kind == 3) {
            s.dhcp();
        }
        s.counters();
        s.mutations((int) (seed % 7));
        return s;
    }

    @Test
    void generatedRuleSetsPrintLikeTheRealTools() throws Exception {
        int cases = Integer.getInteger("netfilter.cases", 120);
        int agree = 0;
        List<String> failures = new ArrayList<>();
        for (long seed = 1; seed <= cases; seed++) {
            NeutronSample s = sample(seed);
            String real = RealTools.normalise(RealTools.real(s.steps(), PROBES));
            String ours = RealTools.normalise(RealTools.ours(s.steps(), PROBES));
            if (real.equals(ours)) {
                agree++;
            } else if (failures.size() < 3) {
                failures.add("seed " + seed + ":\n" + firstDifference(real, ours));
            }
        }
        System.out.println("netfilter differential: " + agree + "/" + cases + " cases agree");
        assertThat(failures).as("%d/%d cases agree", agree, cases).isEmpty();
    }

    static String firstDifference(String real, String ours) {
        String[] a = real.split("\n", -1);
        String[] b = ours.split("\n", -1);
        int n = 0;
        while (n < a.length && n < b.length && a[n].equals(b[n])) {
            n++;
        }
        StringBuilder sb = new StringBuilder();
        for (int i = Math.max(0, n - 4); i < Math.min(Math.max(a.length, b.length), n + 4); i++) {
            sb.append(i == n ? ">> " : "   ").append("real: ").append(i < a.length ? a[i] : "<eof>").append('\n');
            sb.append(i == n ? ">> " : "   ").append("ours: ").append(i < b.length ? b[i] : "<eof>").append('\n');
        }
        return sb.toString();
    }
}
