package dev.packetwalk.linux.netfilter;

import dev.packetwalk.linux.ipset.IpSetType;
import dev.packetwalk.linux.ipset.IpSets;
import dev.packetwalk.net.Clock;
import dev.packetwalk.net.Ipv4;
import dev.packetwalk.net.MacAddress;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The typed builder refuses what iptables refuses, with the parser's exceptions: the same
 * message, exit status and kind, whether the rule is built or added to a chain.
 */
class RuleBuilderValidationTest {
    private final Netfilter nf = new Netfilter();
    private final IpSets sets = new IpSets(new Clock());
    private final MatchEnv env = new IpSetEnv(sets);

    RuleBuilderValidationTest() {
        nf.table("filter").newChain("mine");
        sets.create("known", IpSetType.HASH_NET, 1024, 65536, 0, false);
    }

    /** Something that fails with a NetfilterException. */
    private interface Attempt {
        void run();
    }

    private static NetfilterException error(Attempt a) {
        try {
            a.run();
        } catch (NetfilterException e) {
            return e;
        }
        throw new AssertionError("no error");
    }

    /** "iptables -t TABLE -A CHAIN WORDS" and the typed attempt fail alike. */
    private NetfilterException sameError(String table, String chain, String words, Attempt typed) {
        Table t = nf.table(table);
        NetfilterException parsed = error(() -> t.append(chain, RuleParser.parse(List.of(words.split(" ")), t, env)));
        NetfilterException built = error(typed);
        assertThat(built.getMessage()).as(words).isEqualTo(parsed.getMessage());
        assertThat(built.status()).isEqualTo(parsed.status());
        assertThat(built.usage()).isEqualTo(parsed.usage());
        assertThat(built.versioned()).isEqualTo(parsed.versioned());
        return built;
    }

    private Rule build(String table, RuleBuilder b) {
        return b.build(nf.table(table), env);
    }

    @Test
    void jumpsNeedAnExistingChain() {
        assertThat(sameError("filter", "INPUT", "-j nochain",
                () -> build("filter", Rule.builder().jump("nochain"))).getMessage())
                .isEqualTo("Chain 'nochain' does not exist");
        sameError("filter", "INPUT", "-g nochain", () -> build("filter", Rule.builder().goTo("nochain")));
        assertThat(build("filter", Rule.builder().goTo("mine")).spec()).isEqualTo(" -g mine");
    }

    @Test
    void targetsOfAnotherTableAreRefusedWhenAdded() {
        assertThat(sameError("filter", "OUTPUT", "-j CHECKSUM --checksum-fill",
                () -> nf.table("filter").append("OUTPUT", build("filter", Rule.builder().target(ChecksumTarget.FILL))))
                .getMessage()).isEqualTo(" RULE_APPEND failed (Invalid argument): rule in chain OUTPUT");
        sameError("filter", "INPUT", "-j CT --zone 4097",
                () -> nf.table("filter").append("INPUT", build("filter", Rule.builder().target(CtTarget.zone(4097)))));
        sameError("raw", "OUTPUT", "-j SNAT --to-source 10.0.0.1", () -> nf.table("raw").append("OUTPUT",
                build("raw", Rule.builder().target(NatTarget.snat(Ipv4.parse("10.0.0.1"))))));
    }

    @Test
    void matchesAndTargetsAreCheckedAgainstTheRule() {
        assertThat(sameError("filter", "INPUT", "-m set --match-set unknown src -j DROP",
                () -> build("filter", Rule.builder().match(SetMatch.source("unknown")).jump("DROP"))).getMessage())
                .isEqualTo("Set unknown doesn't exist.\n");
        sameError("filter", "INPUT", "-m multiport --dports 22,80 -j ACCEPT", () -> build("filter",
                Rule.builder().match(MultiportMatch.destinationPorts(PortRange.of(22), PortRange.of(80))).jump("ACCEPT")));
        sameError("filter", "INPUT", "! -p tcp -m multiport --dports 22 -j ACCEPT", () -> build("filter",
                Rule.builder().notProtocol(Packet.TCP).match(MultiportMatch.destinationPorts(PortRange.of(22)))));
        sameError("nat", "OUTPUT", "-j DNAT --to-destination 10.0.0.1:80", () -> build("nat",
                Rule.builder().target(NatTarget.dnat(Ipv4.parse("10.0.0.1")).withPorts(PortRange.of(80)))));
        sameError("nat", "PREROUTING", "-j REDIRECT --to-ports 9697",
                () -> build("nat", Rule.builder().target(NatTarget.redirect(PortRange.of(9697)))));
        sameError("filter", "INPUT", "-p udp -j REJECT --reject-with tcp-reset",
                () -> build("filter", Rule.builder().protocol("udp").target(new RejectTarget("tcp-reset"))));
        assertThat(build("nat", Rule.builder().protocol("icmp")
                .target(NatTarget.dnat(Ipv4.parse("10.0.0.1")).withPorts(PortRange.of(80)))).spec())
                .isEqualTo(" -p icmp -j DNAT --to-destination 10.0.0.1:80");
    }

    @Test
    void headerOptionsAreGivenOnce() {
        sameError("filter", "INPUT", "-s 10.0.0.1 -s 10.0.0.2",
                () -> Rule.builder().source("10.0.0.1").source(Ipv4.parse("10.0.0.2"), 32));
        sameError("filter", "INPUT", "-d 10.0.0.1 ! -d 10.0.0.2",
                () -> Rule.builder().destination("10.0.0.1").notDestination("10.0.0.2"));
        sameError("filter", "INPUT", "-i a -i b", () -> Rule.builder().inInterface("a").notInInterface("b"));
        sameError("filter", "INPUT", "-o a -o b", () -> Rule.builder().outInterface("a").outInterface("b"));
        sameError("filter", "INPUT", "-p tcp -p udp", () -> Rule.builder().protocol(Packet.TCP).protocol("udp"));
        sameError("filter", "INPUT", "-j ACCEPT -j DROP",
                () -> Rule.builder().jump("ACCEPT").target(VerdictTarget.DROP));
    }

    @Test
    void headerValuesAreCheckedAsIptablesDoes() {
        sameError("filter", "INPUT", "-s 10.0.0.0/33", () -> Rule.builder().source(Ipv4.parse("10.0.0.0"), 33));
        sameError("filter", "INPUT", "-s 10.0.0.0/33", () -> Rule.builder().source("10.0.0.0/33"));
        sameError("filter", "INPUT", "-d 10.0.0.300", () -> Rule.builder().destination("10.0.0.300"));
        sameError("filter", "INPUT", "-i verylongname12345",
                () -> Rule.builder().inInterface("verylongname12345"));
        sameError("filter", "INPUT", "-p 300", () -> Rule.builder().protocol(300));
        sameError("filter", "INPUT", "-p nosuch", () -> Rule.builder().protocol("nosuch"));
        assertThat(build("filter", Rule.builder().protocol(58).jump("ACCEPT")).spec())
                .isEqualTo(build("filter", Rule.builder().protocol("ipv6-icmp").jump("ACCEPT")).spec())
                .isEqualTo(" -p ipv6-icmp -j ACCEPT");
        assertThat(build("filter", Rule.builder().source("10.1.2.3/8").notOutInterface("qr-+")).spec())
                .isEqualTo(" -s 10.0.0.0/8 ! -o qr-+");
    }

    @Test
    void matchAndTargetValuesAreCheckedAsIptablesDoes() {
        sameError("filter", "INPUT", "-p tcp --dport 5:3", () -> PortRange.of(5, 3));
        sameError("filter", "INPUT", "-p tcp --sport 1 --sport 2", () -> PortMatch.tcp().sourcePort(1).sourcePort(2));
        sameError("filter", "INPUT", "-p tcp --dport 1 --dport 2",
                () -> PortMatch.tcp().destinationPort(1).notDestinationPorts(PortRange.of(2, 3)));
        sameError("filter", "INPUT", "-p tcp --syn --syn", () -> PortMatch.tcp().syn().tcpFlags(2, 2));
        sameError("filter", "INPUT", "-p udp --tcp-flags SYN SYN", () -> PortMatch.udp().tcpFlags(2, 2));
        sameError("filter", "INPUT", "-m state --state DNAT", () -> StateMatch.state(CtState.DNAT));
        sameError("filter", "INPUT", "-m comment --comment " + "x".repeat(256), () -> CommentMatch.of("x".repeat(256)));
        sameError("filter", "INPUT", "-p icmp --icmp-type 300", () -> IcmpMatch.type(300));
        sameError("raw", "OUTPUT", "-j CT --zone 70000", () -> CtTarget.zone(70000));
        sameError("filter", "INPUT", "-m physdev --physdev-in a --physdev-in b",
                () -> PhysdevMatch.in("a").withIn("b"));
        sameError("filter", "INPUT", "-m physdev --physdev-out verylongname12345",
                () -> PhysdevMatch.out("verylongname12345"));
        sameError("filter", "INPUT", "-m set --match-set known src,dst,src,dst,src,dst,src", () -> SetMatch.of("known",
                SetMatch.Direction.SRC, SetMatch.Direction.DST, SetMatch.Direction.SRC, SetMatch.Direction.DST,
                SetMatch.Direction.SRC, SetMatch.Direction.DST, SetMatch.Direction.SRC));
        sameError("nat", "OUTPUT", "-p tcp -j DNAT --to-destination 10.0.0.1:0",
                () -> NatTarget.dnat(Ipv4.parse("10.0.0.1")).withPorts(PortRange.of(0)));
    }

    @Test
    void everyShapeOfTheBriefBuildsAsItParses() {
        nf.table("nat").newChain("snat");
        String[][] cases = {
            {"filter", "-s 10.0.0.0/8 ! -d 10.1.0.0/16 -i tap+ ! -o qvb+ -p tcp -j ACCEPT"},
            {"filter", "-p ipv6-icmp -j RETURN"},
            {"filter", "-p 58 -j RETURN"},
            {"filter", "-m physdev --physdev-out tapx --physdev-is-bridged -j mine"},
            {"filter", "-m state --state RELATED,ESTABLISHED -j RETURN"},
            {"filter", "-m conntrack ! --ctstate DNAT -j ACCEPT"},
            {"filter", "-m mac --mac-source FA:16:3E:5C:9E:2D -j RETURN"},
            {"filter", "! -p tcp -m set ! --match-set known dst -j RETURN"},
            {"filter", "-p udp -m udp ! --sport 67 --dport 1000:2000 -j RETURN"},
            {"filter", "-p tcp -m multiport --dports 22,80,1000:2000 -j RETURN"},
            {"filter", "-p icmp -m icmp --icmp-type 8/0 -j RETURN"},
            {"filter", "-p icmp -m icmp ! --icmp-type any -j RETURN"},
            {"filter", "-m mark ! --mark 0x4000000/0xffff0000 -m connmark --mark 0x1 -j DROP"},
            {"filter", "-p tcp --syn -m comment --comment \"two words\" -g mine"},
            {"nat", "-s 10.0.0.5/32 -j SNAT --to-source 172.24.4.10 --random-fully"},
            {"nat", "-p tcp -j DNAT --to-destination 10.0.0.5-10.0.0.9:80-90"},
            {"nat", "-o qg-x -j MASQUERADE"},
            {"mangle", "-j MARK --set-xmark 0x2/0xffff"},
            {"mangle", "-j CONNMARK --save-mark --nfmask 0xffff0000 --ctmask 0xffff0000"},
            {"mangle", "-j CONNMARK --restore-mark --nfmask 0xffff0000 --ctmask 0xffff0000"},
            {"mangle", "-p udp -m udp --dport 68 -j CHECKSUM --checksum-fill"},
            {"raw", "-j CT --zone 4097"},
            {"raw", "-j CT --notrack"},
        };
        RuleBuilder[] typed = {
            Rule.builder().source("10.0.0.0/8").notDestination("10.1.0.0/16").inInterface("tap+")
                    .notOutInterface("qvb+").protocol(Packet.TCP).jump("ACCEPT"),
            Rule.builder().protocol("ipv6-icmp").jump("RETURN"),
            Rule.builder().protocol(58).jump("RETURN"),
            Rule.builder().match(PhysdevMatch.out("tapx").bridged()).jump("mine"),
            Rule.builder().match(StateMatch.state(CtState.ESTABLISHED | CtState.RELATED)).jump("RETURN"),
            Rule.builder().match(StateMatch.ctState(CtState.DNAT).inverted()).jump("ACCEPT"),
            Rule.builder().match(MacMatch.source(MacAddress.parse("fa:16:3e:5c:9e:2d"))).jump("RETURN"),
            Rule.builder().notProtocol(Packet.TCP).match(SetMatch.destination("known").inverted()).jump("RETURN"),
            Rule.builder().protocol("udp").match(PortMatch.udp().notSourcePorts(PortRange.of(67))
                    .destinationPorts(PortRange.of(1000, 2000))).jump("RETURN"),
            Rule.builder().protocol("tcp").match(MultiportMatch.destinationPorts(PortRange.of(22), PortRange.of(80),
                    PortRange.of(1000, 2000))).jump("RETURN"),
            Rule.builder().protocol("icmp").match(IcmpMatch.type(8, 0)).jump("RETURN"),
            Rule.builder().protocol("icmp").match(IcmpMatch.any().inverted()).jump("RETURN"),
            Rule.builder().match(MarkMatch.mark(0x4000000, 0xffff0000).inverted()).match(MarkMatch.connmark(1, -1))
                    .jump("DROP"),
            Rule.builder().protocol("tcp").match(PortMatch.tcp().syn()).match(CommentMatch.of("two words")).goTo("mine"),
            Rule.builder().source("10.0.0.5/32").target(NatTarget.snat(Ipv4.parse("172.24.4.10")).withRandomFully()),
            Rule.builder().protocol("tcp").target(NatTarget.dnat(Ipv4.parse("10.0.0.5")).withAddresses(Ipv4.parse("10.0.0.5"),
                    Ipv4.parse("10.0.0.9")).withPorts(PortRange.of(80, 90))),
            Rule.builder().outInterface("qg-x").target(NatTarget.masquerade()),
            Rule.builder().target(MarkTarget.setXmark(2, 0xffff)),
            Rule.builder().target(ConnmarkTarget.saveMark(0xffff0000, 0xffff0000)),
            Rule.builder().target(ConnmarkTarget.restoreMark(0xffff0000, 0xffff0000)),
            Rule.builder().protocol("udp").match(PortMatch.udp().destinationPort(68)).target(ChecksumTarget.FILL),
            Rule.builder().target(CtTarget.zone(4097)),
            Rule.builder().target(CtTarget.untracked()),
        };
        assertThat(typed).hasSameSizeAs(cases);
        for (int i = 0; i < cases.length; i++) {
            Table t = nf.table(cases[i][0]);
            Rule parsed = RuleParser.parse(SaveFormat.words(cases[i][1]), t, env);
            Rule built = typed[i].build(t, env);
            RuleBuilderTest.assertAlike("X", parsed, built);
            t.append(t.chains().get(0).name(), built);
        }
    }
}
