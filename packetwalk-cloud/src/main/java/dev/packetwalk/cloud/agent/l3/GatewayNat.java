package dev.packetwalk.cloud.agent.l3;

import dev.packetwalk.cloud.agent.iptables.IptablesManager;
import dev.packetwalk.linux.netfilter.ConnmarkTarget;
import dev.packetwalk.linux.netfilter.CtState;
import dev.packetwalk.linux.netfilter.MarkMatch;
import dev.packetwalk.linux.netfilter.MarkTarget;
import dev.packetwalk.linux.netfilter.NatTarget;
import dev.packetwalk.linux.netfilter.Rule;
import dev.packetwalk.linux.netfilter.RuleBuilder;
import dev.packetwalk.linux.netfilter.StateMatch;

/**
 * A router's NAT towards its external network (neutron.md §8.2-8.4, router_info's
 * _add_snat_rules and floating_forward_rules, dvr_local_router's overrides): source NAT to the
 * gateway address, the mark on what enters by the gateway ({@code external_ingress_mark}
 * 0x2) so that DNATed replies are SNATed back, the exemption of traffic that neither enters
 * nor leaves by the gateway, and each floating IP's DNAT and SNAT.
 */
final class GatewayNat {
    /** external_ingress_mark. */
    static final int EXTERNAL_INGRESS_MARK = 0x2;

    private GatewayNat() {
    }

    /** _empty_snat_chains: what the gateway rules are rebuilt into. */
    static void emptySnatChains(IptablesManager m) {
        m.nat().emptyChain("POSTROUTING");
        m.nat().emptyChain("snat");
        m.mangle().emptyChain("mark");
        m.mangle().emptyChain("POSTROUTING");
    }

    /** The snat chain's first rule: floating IPs' own SNAT before the gateway's. */
    static void jumpToFloatSnat(IptablesManager m) {
        m.nat().addRule("snat", Rule.builder().jump(m.nat().wrapped("float-snat")));
    }

    /** _add_snat_rules for an IPv4 gateway: connmark save and SNAT when enabled, exemption, DNAT reply SNAT, mark. */
    static void gatewayRules(IptablesManager m, RouterIptables.Gateway gw) {
        if (gw.snat()) {
            m.mangle().addRule("POSTROUTING", Rule.builder().outInterface(gw.device())
                    .match(MarkMatch.connmark(0, AddressScopes.MARK_MASK))
                    .target(ConnmarkTarget.saveMark(AddressScopes.MARK_MASK, AddressScopes.MARK_MASK)));
            m.nat().addRule("snat", Rule.builder().outInterface(gw.device()).target(NatTarget.snat(gw.ip())));
        }
        exemptInternal(m, gw.device());
        m.nat().addRule("snat", Rule.builder()
                .match(MarkMatch.mark(EXTERNAL_INGRESS_MARK, MetadataRules.ROUTER_MARK_MASK).inverted())
                .match(StateMatch.ctState(CtState.DNAT)).target(NatTarget.snat(gw.ip())));
        m.mangle().addRule("mark", Rule.builder().inInterface(gw.device())
                .target(MarkTarget.setXmark(EXTERNAL_INGRESS_MARK, MetadataRules.ROUTER_MARK_MASK)));
    }

    /** _prevent_snat_for_internal_traffic_rule: what neither enters nor leaves by {@code device} is not NATed. */
    static void exemptInternal(IptablesManager m, String device) {
        m.nat().addRule("POSTROUTING", Rule.builder().notInInterface(device).notOutInterface(device)
                .match(StateMatch.ctState(CtState.DNAT).inverted()).jump("ACCEPT"));
    }

    /** A legacy floating IP: DNAT in PREROUTING and OUTPUT, SNAT in float-snat. */
    static void floatingIp(IptablesManager m, RouterIptables.Floating f) {
        m.nat().addRule("PREROUTING", dnat(f));
        m.nat().addRule("OUTPUT", dnat(f));
        floatSnat(m, f);
    }

    /** A distributed floating IP: DNAT of what arrives by the rfp- link, SNAT in float-snat. */
    static void distributedFloatingIp(IptablesManager m, RouterIptables.Floating f, String rfp) {
        m.nat().addRule("PREROUTING", dnat(f).inInterface(rfp));
        floatSnat(m, f);
    }

    private static RuleBuilder dnat(RouterIptables.Floating f) {
        return Rule.builder().destination(f.floatingIp(), 32).target(NatTarget.dnat(f.fixedIp()));
    }

    private static void floatSnat(IptablesManager m, RouterIptables.Floating f) {
        m.nat().addRule("float-snat", Rule.builder().source(f.fixedIp(), 32).target(NatTarget.snat(f.floatingIp())));
    }
}
