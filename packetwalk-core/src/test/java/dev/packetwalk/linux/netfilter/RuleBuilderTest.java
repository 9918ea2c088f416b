package dev.packetwalk.linux.netfilter;

import dev.packetwalk.SharedFiles;
import dev.packetwalk.host.Host;
import dev.packetwalk.host.Hosts;
import dev.packetwalk.host.Shell;
import dev.packetwalk.linux.Namespace;
import dev.packetwalk.linux.ipset.IpSetType;
import dev.packetwalk.linux.ipset.IpSets;
import dev.packetwalk.net.Clock;
import dev.packetwalk.net.Ipv4;
import dev.packetwalk.net.MacAddress;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * The typed builder makes the rules the parser makes: for every rule NeutronSample appends
 * (hybrid firewalls, L3 routers, the DHCP agent, many seeds) and for the iptables-save examples
 * of neutron.md §7.6 and §8.2, the built rule prints (iptables-save, -S, -L) as the parsed one.
 */
class RuleBuilderTest {
    private static final String DATE = "Thu Jan  1 00:00:00 2026";

    static void assertAlike(String chain, Rule parsed, Rule built) {
        assertThat(built.spec()).isEqualTo(parsed.spec());
        assertThat(RuleFormat.appendRule(chain, built, false)).isEqualTo(RuleFormat.appendRule(chain, parsed, false));
        for (boolean numeric : new boolean[] {false, true}) {
            ListFormat format = new ListFormat(numeric, true, false, false);
            StringBuilder a = new StringBuilder();
            StringBuilder b = new StringBuilder();
            format.appendRule(a, parsed, 1);
            format.appendRule(b, built, 1);
            assertThat(b.toString()).isEqualTo(a.toString());
        }
    }

    private static void apply(Shell shell, NeutronSample sample) {
        StringBuilder out = new StringBuilder();
        StringBuilder err = new StringBuilder();
        for (NeutronSample.Step s : sample.steps()) {
            shell.run(s.argv(), s.stdin(), out, err);
        }
    }

    @Test
    void everyNeutronSampleRuleBuildsAsItParses() {
        int rules = 0;
        for (long seed = 1; seed <= 40; seed++) {
            NeutronSample sample = new NeutronSample(seed).firewall(1 + (int) (seed % 6), seed % 2 == 0)
                    .router((int) (seed % 4));
            if (seed % 3 == 0) {
                sample.dhcp();
            }
            Host host = Hosts.bare("compute" + seed);
            apply(new Shell(host), sample);
            Namespace ns = host.kernel().root();
            Netfilter live = ns.netfilter();
            MatchEnv env = new IpSetEnv(ns.ipsets());

            Netfilter typed = new Netfilter();
            Map<String, Table> drafts = new HashMap<>();
            for (Table t : live.existing()) {
                Table d = live.draft(t.name());
                d.flush(null);
                drafts.put(t.name(), d);
            }
            Map<String, Integer> seen = new HashMap<>();
            for (NeutronSample.RuleLine line : sample.rules()) {
                Table table = live.table(line.table());
                String where = "seed " + seed + ": -t " + line.table() + " -A " + line.chain() + " " + line.words();
                if (line.typed() == null) {
                    assertThat(catchError(() -> RuleParser.parse(line.words(), table, env))).as(where).isNotNull();
                    continue;
                }
                Rule parsed = RuleParser.parse(line.words(), table, env);
                Rule built = line.typed().build(table, env);
                assertAlike(line.chain(), parsed, built);
                int k = seen.merge(line.table() + "/" + line.chain(), 1, Integer::sum) - 1;
                assertThat(table.chain(line.chain()).rules().get(k).spec()).as(where).isEqualTo(built.spec());
                Table d = drafts.get(line.table());
                d.append(line.chain(), line.typed().build(d, env));
                rules++;
            }
            typed.commit(drafts.values());
            assertThat(SaveFormat.save(typed, null, false, DATE)).as("seed " + seed)
                    .isEqualTo(SaveFormat.save(live, null, false, DATE));
        }
        assertThat(rules).isGreaterThan(2000);
    }

    private static NetfilterException catchError(Runnable r) {
        try {
            r.run();
            return null;
        } catch (NetfilterException e) {
            return e;
        }
    }

    // ---- neutron.md §7.6 and §8.2 --------------------------------------------------------

    private static final String SG_SET = "NIPv45f3c2b1a-8d7e-4c6b-9a0f-";
    private static final String P = "neutron-openvswi-";
    private static final String TAP = "tap1d4a3e1a-40";
    private static final String ESTABLISHED = "Direct packets associated with a known session to the RETURN chain.";
    private static final String INVALID = "Drop packets that appear related to an existing connection (e.g. TCP ACK/FIN) but do not have an entry in conntrack.";
    private static final String FALLBACK = "Send unmatched traffic to the fallback chain.";
    private static final String DIRECT = "Direct traffic from the VM interface to the security group chain.";
    private static final String DHCP = "Allow DHCP client traffic.";
    private static final String ZONE = "Set zone for 3e1a-40c5-...";

    private record Typed(String table, String chain, RuleBuilder rule) {
    }

    private static RuleBuilder rule() {
        return Rule.builder();
    }

    /** The rules of the §7.6 example, typed, in the order iptables-save prints them. */
    private static List<Typed> hybridFirewallExample() {
        String i = P + "i1d4a3e1a-4";
        String o = P + "o1d4a3e1a-4";
        String s = P + "s1d4a3e1a-4";
        PortMatch dhcpServer = PortMatch.udp().sourcePort(67).destinationPort(68);
        PortMatch dhcpClient = PortMatch.udp().sourcePort(68).destinationPort(67);
        StateMatch established = StateMatch.state(CtState.RELATED | CtState.ESTABLISHED);
        StateMatch invalid = StateMatch.state(CtState.INVALID);
        List<Typed> t = new ArrayList<>();
        t.add(new Typed("filter", "INPUT", rule().jump(P + "INPUT")));
        t.add(new Typed("filter", "FORWARD", rule().jump("neutron-filter-top")));
        t.add(new Typed("filter", "FORWARD", rule().jump(P + "FORWARD")));
        t.add(new Typed("filter", "OUTPUT", rule().jump("neutron-filter-top")));
        t.add(new Typed("filter", "OUTPUT", rule().jump(P + "OUTPUT")));
        t.add(new Typed("filter", "neutron-filter-top", rule().jump(P + "local")));
        t.add(new Typed("filter", P + "FORWARD", rule().match(PhysdevMatch.out(TAP).bridged())
                .match(CommentMatch.of(DIRECT)).jump(P + "sg-chain")));
        t.add(new Typed("filter", P + "FORWARD", rule().match(PhysdevMatch.in(TAP).bridged())
                .match(CommentMatch.of(DIRECT)).jump(P + "sg-chain")));
        t.add(new Typed("filter", P + "INPUT", rule().match(PhysdevMatch.in(TAP).bridged())
                .match(CommentMatch.of("Direct incoming traffic from VM to the security group chain.")).jump(o)));
        t.add(new Typed("filter", i, rule().match(established).match(CommentMatch.of(ESTABLISHED)).jump("RETURN")));
        t.add(new Typed("filter", i, rule().destination(Ipv4.parse("192.168.1.5"), 32).protocol(Packet.UDP)
                .match(dhcpServer).jump("RETURN")));
        t.add(new Typed("filter", i, rule().destination("255.255.255.255/32").protocol("udp")
                .match(dhcpServer).jump("RETURN")));
        t.add(new Typed("filter", i, rule().match(SetMatch.source(SG_SET)).target(VerdictTarget.RETURN)));
        t.add(new Typed("filter", i, rule().match(invalid).match(CommentMatch.of(INVALID)).jump("DROP")));
        t.add(new Typed("filter", i, rule().match(CommentMatch.of(FALLBACK)).jump(P + "sg-fallback")));
        t.add(new Typed("filter", o, rule().source("0.0.0.0/32").destination("255.255.255.255/32").protocol("udp")
                .match(dhcpClient).match(CommentMatch.of(DHCP)).jump("RETURN")));
        t.add(new Typed("filter", o, rule().jump(s)));
        t.add(new Typed("filter", o, rule().protocol("udp").match(dhcpClient).match(CommentMatch.of(DHCP)).jump("RETURN")));
        t.add(new Typed("filter", o, rule().protocol("udp").match(dhcpServer)
                .match(CommentMatch.of("Prevent DHCP Spoofing by VM.")).target(VerdictTarget.DROP)));
        t.add(new Typed("filter", o, rule().match(established).match(CommentMatch.of(ESTABLISHED)).jump("RETURN")));
        t.add(new Typed("filter", o, rule().jump("RETURN")));
        t.add(new Typed("filter", o, rule().match(invalid).match(CommentMatch.of(INVALID)).jump("DROP")));
        t.add(new Typed("filter", o, rule().match(CommentMatch.of(FALLBACK)).jump(P + "sg-fallback")));
        t.add(new Typed("filter", s, rule().source("192.168.1.5/32")
                .match(MacMatch.source(MacAddress.parse("FA:16:3E:5C:9E:2D")))
                .match(CommentMatch.of("Allow traffic from defined IP/MAC pairs.")).jump("RETURN")));
        t.add(new Typed("filter", s, rule().match(CommentMatch.of("Drop traffic without an IP/MAC allow rule."))
                .jump("DROP")));
        t.add(new Typed("filter", P + "sg-chain", rule().match(PhysdevMatch.out(TAP).bridged())
                .match(CommentMatch.of("Jump to the VM specific chain.")).jump(i)));
        t.add(new Typed("filter", P + "sg-chain", rule().match(PhysdevMatch.isBridged().withIn(TAP))
                .match(CommentMatch.of("Jump to the VM specific chain.")).jump(o)));
        t.add(new Typed("filter", P + "sg-chain", rule().target(VerdictTarget.ACCEPT)));
        t.add(new Typed("filter", P + "sg-fallback", rule()
                .match(CommentMatch.of("Default drop rule for unmatched traffic.")).jump("DROP")));
        t.add(new Typed("raw", "PREROUTING", rule().jump(P + "PREROUTING")));
        t.add(new Typed("raw", "OUTPUT", rule().jump(P + "OUTPUT")));
        t.add(new Typed("raw", P + "PREROUTING", rule().match(PhysdevMatch.in("qvb1d4a3e1a-40"))
                .match(CommentMatch.of(ZONE)).target(CtTarget.zone(1))));
        t.add(new Typed("raw", P + "PREROUTING", rule().inInterface("qvb1d4a3e1a-40")
                .match(CommentMatch.of(ZONE)).target(CtTarget.zone(1))));
        t.add(new Typed("raw", P + "PREROUTING", rule().match(PhysdevMatch.in(TAP))
                .match(CommentMatch.of(ZONE)).target(CtTarget.zone(1))));
        return t;
    }

    /** The rules of the §8.2 example (a legacy router's nat table), typed. */
    private static List<Typed> legacyRouterExample() {
        String a = "neutron-l3-agent-";
        String qg = "qg-cf54d3ea-6a";
        NatTarget gateway = NatTarget.snat(Ipv4.parse("172.24.4.3"));
        NatTarget toFixed = NatTarget.dnat(Ipv4.parse("192.168.1.5"));
        List<Typed> t = new ArrayList<>();
        t.add(new Typed("nat", "PREROUTING", rule().jump(a + "PREROUTING")));
        t.add(new Typed("nat", "OUTPUT", rule().jump(a + "OUTPUT")));
        t.add(new Typed("nat", "POSTROUTING", rule().jump(a + "POSTROUTING")));
        t.add(new Typed("nat", "POSTROUTING", rule().jump("neutron-postrouting-bottom")));
        t.add(new Typed("nat", a + "OUTPUT", rule().destination("172.24.4.10/32").target(toFixed)));
        t.add(new Typed("nat", a + "POSTROUTING", rule().notInInterface(qg).notOutInterface(qg)
                .match(StateMatch.ctState(CtState.DNAT).inverted()).jump("ACCEPT")));
        t.add(new Typed("nat", a + "PREROUTING", rule().destination("169.254.169.254/32").inInterface("qr-+")
                .protocol(Packet.TCP).match(PortMatch.tcp().destinationPort(80))
                .target(NatTarget.redirect(PortRange.of(9697)))));
        t.add(new Typed("nat", a + "PREROUTING", rule().destination("172.24.4.10/32").target(toFixed)));
        t.add(new Typed("nat", a + "float-snat", rule().source("192.168.1.5/32")
                .target(NatTarget.snat(Ipv4.parse("172.24.4.10")))));
        t.add(new Typed("nat", a + "snat", rule().jump(a + "float-snat")));
        t.add(new Typed("nat", a + "snat", rule().outInterface(qg).target(gateway)));
        t.add(new Typed("nat", a + "snat", rule().match(MarkMatch.mark(0x2, 0xffff).inverted())
                .match(StateMatch.ctState(CtState.DNAT)).target(gateway)));
        t.add(new Typed("nat", "neutron-postrouting-bottom", rule()
                .match(CommentMatch.of("Perform source NAT on outgoing traffic.")).jump(a + "snat")));
        return t;
    }

    /** The first ``` block after the line containing {@code marker}. */
    private static String block(String doc, String marker) {
        int at = doc.indexOf(marker);
        assertThat(at).as(marker).isNotNegative();
        int open = doc.indexOf("```\n", at);
        int close = doc.indexOf("```", open + 4);
        return doc.substring(open + 4, close);
    }

    @Test
    void neutronMdExamplesBuildAsTheyRestore() throws IOException {
        Path md = SharedFiles.root().resolve("reference").resolve("neutron.md");
        assumeTrue(Files.exists(md), () -> "skipped: " + md + " is missing");
        String doc = Files.readString(md);
        checkExample(block(doc, "### 7.6 Example `iptables-save -t filter`"), hybridFirewallExample());
        checkExample(block(doc, "Illustrative `iptables-save -t nat` for a legacy router"), legacyRouterExample());
    }

    private static void checkExample(String saveText, List<Typed> typed) {
        IpSets sets = new IpSets(new Clock());
        sets.create(SG_SET, IpSetType.HASH_NET, 1024, 65536, 0, false);
        MatchEnv env = new IpSetEnv(sets);
        Netfilter nf = new Netfilter();
        SaveFormat.restore(nf, saveText, false, false, env);
        List<String> lines = saveText.lines().filter(l -> l.startsWith("-A ")).toList();
        assertThat(typed).hasSameSizeAs(lines);
        Map<String, Integer> seen = new HashMap<>();
        for (int n = 0; n < lines.size(); n++) {
            Typed t = typed.get(n);
            assertThat(lines.get(n)).startsWith("-A " + t.chain() + " ");
            Table table = nf.table(t.table());
            int k = seen.merge(t.table() + "/" + t.chain(), 1, Integer::sum) - 1;
            Rule restored = table.chain(t.chain()).rules().get(k);
            assertAlike(t.chain(), restored, t.rule().build(table, env));
        }
    }

    @Test
    void theTwoRulesOfTheBrief() {
        Netfilter nf = new Netfilter();
        Table filter = nf.table("filter");
        Table nat = nf.table("nat");
        filter.newChain("neutron-openvswi-o1d4a3e1a-4");
        nat.newChain("neutron-l3-agent-snat");
        Rule dhcp = Rule.builder().source("0.0.0.0/32").destination("255.255.255.255/32").protocol("udp")
                .match(PortMatch.udp().sourcePort(68).destinationPort(67))
                .match(CommentMatch.of("Allow DHCP client traffic.")).jump("RETURN").build(filter, MatchEnv.NONE);
        Rule snat = Rule.builder().outInterface("qg-cf54d3ea-6a")
                .target(NatTarget.snat(Ipv4.parse("172.24.4.3"))).build(nat, MatchEnv.NONE);
        assertThat(RuleFormat.appendRule("neutron-openvswi-o1d4a3e1a-4", dhcp, false)).isEqualTo(
                "-A neutron-openvswi-o1d4a3e1a-4 -s 0.0.0.0/32 -d 255.255.255.255/32 -p udp -m udp --sport 68 "
                + "--dport 67 -m comment --comment \"Allow DHCP client traffic.\" -j RETURN");
        assertThat(RuleFormat.appendRule("neutron-l3-agent-snat", snat, false))
                .isEqualTo("-A neutron-l3-agent-snat -o qg-cf54d3ea-6a -j SNAT --to-source 172.24.4.3");
    }

    @Test
    void matchesKeepTheOrderTheyWereAddedIn() {
        Table filter = new Netfilter().table("filter");
        Rule a = Rule.builder().match(CommentMatch.of("x")).match(PhysdevMatch.in("tapa")).jump("DROP")
                .build(filter, MatchEnv.NONE);
        Rule b = Rule.builder().match(PhysdevMatch.in("tapa")).match(CommentMatch.of("x")).jump("DROP")
                .build(filter, MatchEnv.NONE);
        assertThat(a.spec()).isEqualTo(" -m comment --comment x -m physdev --physdev-in tapa -j DROP");
        assertThat(b.spec()).isEqualTo(" -m physdev --physdev-in tapa -m comment --comment x -j DROP");
    }

    @Test
    void theDhcpAgentsChecksumRulePrintsLikeIptables() {
        Table mangle = new Netfilter().table("mangle");
        Rule r = Rule.builder().protocol("udp").match(PortMatch.udp().destinationPort(68))
                .target(ChecksumTarget.FILL).build(mangle, MatchEnv.NONE);
        mangle.append("POSTROUTING", r);
        assertThat(r.spec()).isEqualTo(" -p udp -m udp --dport 68 -j CHECKSUM --checksum-fill");
        StringBuilder sb = new StringBuilder();
        new ListFormat(false, false, false, false).appendRule(sb, r, 1);
        assertThat(sb.toString()).isEqualTo("CHECKSUM   udp  --  anywhere             anywhere             "
                + "udp dpt:bootpc CHECKSUM fill\n");
        sb.setLength(0);
        new ListFormat(true, true, false, false).appendRule(sb, r, 1);
        assertThat(sb.toString()).isEqualTo("    0     0 CHECKSUM   17   --  *      *       0.0.0.0/0            "
                + "0.0.0.0/0            udp dpt:68 CHECKSUM fill\n");
    }
}
