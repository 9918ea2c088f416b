package dev.packetwalk.cloud.agent.firewall;

import dev.packetwalk.cloud.agent.DeviceNames;
import dev.packetwalk.cloud.agent.iptables.ManagedTable;
import dev.packetwalk.cloud.agent.iptables.RuleComments;
import dev.packetwalk.cloud.model.AddressPair;
import dev.packetwalk.cloud.model.FixedIp;
import dev.packetwalk.cloud.model.Port;
import dev.packetwalk.linux.netfilter.CommentMatch;
import dev.packetwalk.linux.netfilter.CtState;
import dev.packetwalk.linux.netfilter.MacMatch;
import dev.packetwalk.linux.netfilter.PhysdevMatch;
import dev.packetwalk.linux.netfilter.PortMatch;
import dev.packetwalk.linux.netfilter.Rule;
import dev.packetwalk.linux.netfilter.RuleBuilder;
import dev.packetwalk.linux.netfilter.StateMatch;
import dev.packetwalk.net.MacAddress;

import java.util.List;

/**
 * One filtered port's part of the filter table (iptables_firewall's _setup_chain for ingress
 * then egress, neutron.md §7.4): for each direction the chain {@code i}/{@code o} + the port
 * id's first 10 characters, FORWARD's jump to sg-chain and sg-chain's jump to it for bridged
 * traffic leaving (ingress) or entering (egress) by the tap, INPUT's jump for egress; the
 * ingress chain's rules, and the egress chain's DHCP and spoofing rules before its own, with
 * the spoof chain {@code s}.
 */
final class PortChains {
    private final ManagedTable filter;
    private final Port port;
    private final String tap;

    PortChains(ManagedTable filter, Port port) {
        this.filter = filter;
        this.port = port;
        this.tap = DeviceNames.tap(port.id());
    }

    /** The chain of a direction ({@code i}, {@code o}) or the spoof chain ({@code s}), unwrapped. */
    private String chain(char prefix) {
        return prefix + port.id();
    }

    void ingress(List<GroupRule> rules) {
        String chain = chain('i');
        jumps(chain, PhysdevMatch.out(tap).bridged(), false);
        filter.addRule(chain, established());
        rules.forEach(r -> filter.addRule(chain, r.builder()));
        closing(chain);
    }

    void egress(List<GroupRule> rules) {
        String chain = chain('o');
        jumps(chain, PhysdevMatch.in(tap).bridged(), true);
        filter.addRule(chain, comment(Rule.builder().source("0.0.0.0/32").destination("255.255.255.255/32")
                .protocol("udp").match(PortMatch.udp().sourcePort(68).destinationPort(67)), RuleComments.DHCP_CLIENT)
                .jump("RETURN"));
        spoofChain();
        filter.addRule(chain, Rule.builder().jump(filter.wrapped(chain('s'))));
        filter.addRule(chain, comment(Rule.builder().protocol("udp")
                .match(PortMatch.udp().sourcePort(68).destinationPort(67)), RuleComments.DHCP_CLIENT).jump("RETURN"));
        filter.addRule(chain, comment(Rule.builder().protocol("udp")
                .match(PortMatch.udp().sourcePort(67).destinationPort(68)), RuleComments.DHCP_SPOOF).jump("DROP"));
        filter.addRule(chain, established());
        rules.forEach(r -> filter.addRule(chain, r.builder()));
        closing(chain);
    }

    /** The chain, FORWARD's jump to sg-chain, sg-chain's jump to the chain, and for egress INPUT's. */
    private void jumps(String chain, PhysdevMatch bridged, boolean egress) {
        filter.addChain(chain);
        filter.addRule("FORWARD", comment(Rule.builder().match(bridged), RuleComments.VM_INT_SG)
                .jump(filter.wrapped(HybridFirewall.SG_CHAIN)));
        filter.addRule(HybridFirewall.SG_CHAIN, comment(Rule.builder().match(bridged), RuleComments.SG_TO_VM_SG)
                .jump(filter.wrapped(chain)));
        if (egress) {
            filter.addRule("INPUT", comment(Rule.builder().match(bridged), RuleComments.INPUT_TO_SG)
                    .jump(filter.wrapped(chain)));
        }
    }

    /** The IP/MAC pairs the port may send from: allowed address pairs, then fixed IPs (the MAC alone without any). */
    private void spoofChain() {
        String chain = chain('s');
        filter.addChain(chain);
        for (AddressPair pair : port.allowedAddressPairs()) {
            pair(chain, Rule.builder().source(pair.ip().address(), pair.ip().prefixLength()), pair.mac());
        }
        for (FixedIp f : port.fixedIps()) {
            pair(chain, Rule.builder().source(f.ip(), 32), port.mac());
        }
        if (port.fixedIps().isEmpty()) {
            pair(chain, Rule.builder(), port.mac());
        }
        filter.addRule(chain, comment(Rule.builder(), RuleComments.PAIR_DROP).jump("DROP"));
    }

    private void pair(String chain, RuleBuilder from, long mac) {
        filter.addRule(chain, comment(from.match(MacMatch.source(new MacAddress(mac))), RuleComments.PAIR_ALLOW)
                .jump("RETURN"));
    }

    /** INVALID dropped, the rest to sg-fallback. */
    private void closing(String chain) {
        filter.addRule(chain, comment(Rule.builder().match(StateMatch.state(CtState.INVALID)), RuleComments.INVALID_DROP)
                .jump("DROP"));
        filter.addRule(chain, comment(Rule.builder(), RuleComments.UNMATCHED)
                .jump(filter.wrapped(HybridFirewall.SG_FALLBACK)));
    }

    private static RuleBuilder established() {
        return comment(Rule.builder().match(StateMatch.state(CtState.RELATED | CtState.ESTABLISHED)),
                RuleComments.ALLOW_ASSOC).jump("RETURN");
    }

    /** Neutron's comment_rule: the comment goes last before the target. */
    static RuleBuilder comment(RuleBuilder rule, String text) {
        return rule.match(CommentMatch.of(text));
    }
}
