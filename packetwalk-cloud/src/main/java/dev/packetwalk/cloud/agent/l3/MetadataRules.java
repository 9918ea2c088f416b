package dev.packetwalk.cloud.agent.l3;

import dev.packetwalk.cloud.agent.iptables.IptablesManager;
import dev.packetwalk.linux.netfilter.MarkMatch;
import dev.packetwalk.linux.netfilter.MarkTarget;
import dev.packetwalk.linux.netfilter.NatTarget;
import dev.packetwalk.linux.netfilter.PortMatch;
import dev.packetwalk.linux.netfilter.PortRange;
import dev.packetwalk.linux.netfilter.Rule;
import dev.packetwalk.linux.netfilter.RuleBuilder;

/**
 * The metadata driver's rules in a router namespace (neutron.md §8.1, metadata/driver.py),
 * added once the router is processed: 169.254.169.254:80 arriving on a qr- device is marked
 * and redirected to the proxy on port 9697, and only marked packets may reach that port.
 */
final class MetadataRules {
    /** metadata_port: where the namespace proxy listens. */
    static final int PROXY_PORT = 9697;
    /** metadata_access_mark. */
    static final int ACCESS_MARK = 0x1;
    /** ROUTER_MARK_MASK: the low 16 bits the router marks use. */
    static final int ROUTER_MARK_MASK = 0xffff;
    private static final String METADATA_IP = "169.254.169.254/32";
    private static final String INTERNAL_DEVICES = "qr-+";

    private MetadataRules() {
    }

    static void add(IptablesManager m) {
        m.filter().addRule("INPUT", Rule.builder().match(MarkMatch.mark(ACCESS_MARK, ROUTER_MARK_MASK)).jump("ACCEPT"));
        m.filter().addRule("INPUT", Rule.builder().protocol("tcp")
                .match(PortMatch.tcp().destinationPort(PROXY_PORT)).jump("DROP"));
        m.mangle().addRule("PREROUTING", toMetadata().target(MarkTarget.setXmark(ACCESS_MARK, ROUTER_MARK_MASK)));
        m.nat().addRule("PREROUTING", toMetadata().target(NatTarget.redirect(PortRange.of(PROXY_PORT))));
    }

    private static RuleBuilder toMetadata() {
        return Rule.builder().destination(METADATA_IP).inInterface(INTERNAL_DEVICES).protocol("tcp")
                .match(PortMatch.tcp().destinationPort(80));
    }
}
