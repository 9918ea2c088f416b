package dev.packetwalk.cloud.agent.iptables;

import dev.packetwalk.linux.netfilter.RuleBuilder;

/**
 * One rule a manager keeps (iptables_manager's IptablesRule): the chain it goes in, whether
 * that chain's name is wrapped, whether it goes before the manager's other rules of the chain,
 * and the rule's typed parts. The builder is built afresh each time the manager applies.
 */
record ManagedRule(String chain, boolean wrapped, boolean top, RuleBuilder rule) {
    /** The chain's name in the kernel. */
    String fullChain(WrapName wrap) {
        return wrapped ? wrap.chain(chain) : chain;
    }
}
