package dev.packetwalk.cloud.agent.l3;

import dev.packetwalk.cloud.agent.Py27Dict;
import dev.packetwalk.cloud.agent.iptables.IptablesManager;
import dev.packetwalk.linux.netfilter.ConnmarkTarget;
import dev.packetwalk.linux.netfilter.MarkMatch;
import dev.packetwalk.linux.netfilter.MarkTarget;
import dev.packetwalk.linux.netfilter.Rule;

/**
 * The address-scope marking of a router namespace (neutron.md §8.1, router_info's
 * _initialize_address_scope_iptables and _add_address_scope_mark). Without address scopes
 * every device is in the "noscope" scope, whose mark id 1024 (the first of the router's pool
 * 1024-2047) gives {@code 0x4000000/0xffff0000}: each device marks what comes in and drops
 * what leaves with another scope's mark, but the SNAT gateway lets everything out.
 */
final class AddressScopes {
    /** The noscope mark: mark id 1024 in the upper 16 bits. */
    static final int NO_SCOPE_MARK = 1024 << 16;
    static final int MARK_MASK = 0xffff0000;

    private AddressScopes() {
    }

    /** The scope, floatingip and float-snat chains and the mangle PREROUTING rules that use them. */
    static void initialize(IptablesManager m) {
        m.mangle().addChain("scope");
        m.mangle().addChain("floatingip");
        m.mangle().addChain("float-snat");
        m.filter().addChain("scope");
        m.filter().addRule("FORWARD", Rule.builder().jump(m.filter().wrapped("scope")));
        m.mangle().addRule("PREROUTING", Rule.builder().jump(m.mangle().wrapped("scope")));
        m.mangle().addRule("PREROUTING", Rule.builder().match(MarkMatch.connmark(0, MARK_MASK).inverted())
                .target(ConnmarkTarget.restoreMark(MARK_MASK, MARK_MASK)));
        m.mangle().addRule("PREROUTING", Rule.builder().jump(m.mangle().wrapped("floatingip")));
        m.mangle().addRule("float-snat", Rule.builder().match(MarkMatch.connmark(0, MARK_MASK))
                .target(ConnmarkTarget.saveMark(MARK_MASK, MARK_MASK)));
    }

    /**
     * Marks for the devices of {@code devices}, iterated as the agent's dict iterates them;
     * {@code openGateway} (the SNAT-enabled qg-, or null) gets no filter rule.
     */
    static void mark(IptablesManager m, Py27Dict devices, String openGateway) {
        m.mangle().emptyChain("scope");
        m.filter().emptyChain("scope");
        for (String device : devices.keys()) {
            m.mangle().addRule("scope", Rule.builder().inInterface(device)
                    .target(MarkTarget.setXmark(NO_SCOPE_MARK, MARK_MASK)));
            if (!device.equals(openGateway)) {
                m.filter().addRule("scope", Rule.builder().outInterface(device)
                        .match(MarkMatch.mark(NO_SCOPE_MARK, MARK_MASK).inverted()).jump("DROP"));
            }
        }
    }
}
