package dev.packetwalk.cloud.agent.firewall;

import dev.packetwalk.cloud.model.Cidr;
import dev.packetwalk.linux.netfilter.IcmpMatch;
import dev.packetwalk.linux.netfilter.MultiportMatch;
import dev.packetwalk.linux.netfilter.PortMatch;
import dev.packetwalk.linux.netfilter.PortRange;
import dev.packetwalk.linux.netfilter.Rule;
import dev.packetwalk.linux.netfilter.RuleBuilder;
import dev.packetwalk.linux.netfilter.SetMatch;

/**
 * One RETURN rule of a port chain made from a security group rule or a provider rule, as
 * iptables_firewall writes it (_generate_plain_rule_args, _generate_ipset_rule_args): an
 * optional source or destination prefix (a /0 is left out), a protocol ({@code -m tcp} added
 * for a named protocol with ports), a source port, destination ports (one as {@code --dport},
 * a range through multiport) or for ICMP the type and code, and for a remote group the ipset.
 * Two rules that Neutron would write as the same text are equal, which is how it prunes the
 * duplicates several groups give.
 *
 * @param source      {@code -s}, or null
 * @param destination {@code -d}, or null
 * @param protocol    a name (tcp, udp, icmp) or a number in text; null for any
 * @param sourcePort  {@code --sport} (provider rules only), or null
 * @param portMin     the lowest destination port, or the ICMP type; null for none
 * @param portMax     the highest destination port, or the ICMP code; null for none
 * @param set         the remote group's ipset, or null
 * @param setSource   whether the set is matched on the source address (ingress) or the destination
 */
record GroupRule(Cidr source, Cidr destination, String protocol, Integer sourcePort, Integer portMin,
        Integer portMax, String set, boolean setSource) {
    private static final int ICMP = 1;
    private static final int TCP = 6;
    private static final int UDP = 17;

    GroupRule {
        source = source != null && source.prefixLength() == 0 ? null : source;
        destination = destination != null && destination.prefixLength() == 0 ? null : destination;
    }

    /** A rule for any traffic of {@code protocol} (null: any protocol). */
    static GroupRule of(String protocol) {
        return new GroupRule(null, null, protocol, null, null, null, null, false);
    }

    GroupRule from(Cidr prefix) {
        return new GroupRule(prefix, destination, protocol, sourcePort, portMin, portMax, set, setSource);
    }

    GroupRule to(Cidr prefix) {
        return new GroupRule(source, prefix, protocol, sourcePort, portMin, portMax, set, setSource);
    }

    GroupRule ports(Integer sport, Integer min, Integer max) {
        return new GroupRule(source, destination, protocol, sport, min, max, set, setSource);
    }

    GroupRule inSet(String name, boolean bySource) {
        return new GroupRule(source, destination, protocol, sourcePort, portMin, portMax, name, bySource);
    }

    /** The rule's typed parts, ending in {@code -j RETURN}. */
    RuleBuilder builder() {
        RuleBuilder b = Rule.builder();
        if (source != null) {
            b.source(source.address(), source.prefixLength());
        }
        if (destination != null) {
            b.destination(destination.address(), destination.prefixLength());
        }
        if (protocol != null) {
            b.protocol(protocol);
            protocolMatches(b);
        }
        if (set != null) {
            b.match(setSource ? SetMatch.source(set) : SetMatch.destination(set));
        }
        return b.jump("RETURN");
    }

    /**
     * The protocol's matches: a named protocol with ports gets Neutron's explicit (possibly
     * empty) {@code -m tcp}/{@code -m udp}/{@code -m icmp}; after a numeric {@code -p} iptables
     * loads that match itself for {@code --sport}, {@code --dport} and {@code --icmp-type}, but
     * not for a multiport range. Ports of other protocols are left out.
     */
    private void protocolMatches(RuleBuilder b) {
        boolean named = !Character.isDigit(protocol.charAt(0));
        int number = named ? -1 : Integer.parseInt(protocol);
        if ("icmp".equals(protocol) || number == ICMP) {
            if (portMin != null) {
                b.match(portMax == null ? IcmpMatch.type(portMin) : IcmpMatch.type(portMin, portMax));
            }
            return;
        }
        boolean tcp = "tcp".equals(protocol) || number == TCP;
        boolean udp = "udp".equals(protocol) || number == UDP;
        if (!tcp && !udp || sourcePort == null && portMin == null) {
            return;
        }
        boolean range = portMin != null && portMax != null && !portMin.equals(portMax);
        PortMatch ports = tcp ? PortMatch.tcp() : PortMatch.udp();
        if (sourcePort != null) {
            ports = ports.sourcePort(sourcePort);
        }
        if (portMin != null && !range) {
            ports = ports.destinationPort(portMin);
        }
        if (named || sourcePort != null || !range) {
            b.match(ports);
        }
        if (range) {
            b.match(MultiportMatch.destinationPorts(PortRange.of(portMin, portMax)));
        }
    }
}
