package dev.packetwalk.linux.route;

import dev.packetwalk.linux.RuleFormat;
import dev.packetwalk.net.Ipv4;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class PolicyRulesTest {

    private static PolicyRule from(String src, int len, int table) {
        return new PolicyRule(0, false, Ipv4.parse(src), len, 0, 0, 0, 0, 0, null, null,
                RuleAction.LOOKUP, table, 0);
    }

    /** The DVR qrouter example of the Neutron fact sheet (§8.3), in iproute2 6.1's text. */
    @Test
    void dvrQrouterRulesPrintAsTheFactSheetShows() {
        PolicyRules rules = PolicyRules.withDefaults();
        rules.add(from("192.168.1.5", 32, 16).withPriority(57481), true);
        rules.add(from("192.168.1.1", 24, (int) 3232235777L).withPriority((int) 3232235777L), true);
        assertThat(RuleFormat.all(rules)).isEqualTo("""
                0:\tfrom all lookup local
                32766:\tfrom all lookup main
                32767:\tfrom all lookup default
                57481:\tfrom 192.168.1.5 lookup 16
                3232235777:\tfrom 192.168.1.1/24 lookup 3232235777
                """);
    }

    /** Without a priority the kernel takes one less than the second rule's (fib_default_rule_pref). */
    @Test
    void automaticPrioritiesFollowTheSecondRule() {
        PolicyRules rules = PolicyRules.withDefaults();
        assertThat(rules.add(from("1.1.1.1", 32, 5), false).priority()).isEqualTo(32765);
        assertThat(rules.add(from("1.1.1.2", 32, 5), false).priority()).isEqualTo(32764);
        rules.add(from("1.1.1.6", 32, 9), true);
        assertThat(rules.add(from("5.5.5.5", 32, 9), false).priority()).isZero();
    }

    @Test
    void gotoJumpsAndInvertNegates() {
        Fib fib = new Fib();
        fib.table(16, true).insert(new Route(16, RouteType.UNICAST, 0, 0, 0, 0, 2, 0, Scope.LINK,
                RouteProtocol.BOOT, 0, false, Scope.HOST), InsertMode.ADD);
        fib.addRule(new PolicyRule(10, true, Ipv4.parse("3.3.3.3"), 32, 0, 0, 0, 0, 0, null, null,
                RuleAction.GOTO, 0, 20), true);
        fib.addRule(new PolicyRule(15, false, 0, 0, 0, 0, 0, 0, 0, null, null,
                RuleAction.UNREACHABLE, 0, 0), true);
        fib.addRule(new PolicyRule(20, false, 0, 0, 0, 0, 0, 0, 0, null, null,
                RuleAction.LOOKUP, 16, 0), true);
        FibResult res = new FibResult();
        assertThat(fib.lookup(Ipv4.parse("8.8.8.8"), Ipv4.parse("4.4.4.4"), 1, 0, 0, 0, 0, res))
                .isNull();
        assertThat(res.table()).isEqualTo(16);
        assertThat(fib.lookup(Ipv4.parse("8.8.8.8"), Ipv4.parse("3.3.3.3"), 1, 0, 0, 0, 0, res))
                .isEqualTo(dev.packetwalk.linux.Errno.ENETUNREACH);
    }
}
