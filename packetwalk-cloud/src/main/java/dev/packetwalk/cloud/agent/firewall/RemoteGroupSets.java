package dev.packetwalk.cloud.agent.firewall;

import dev.packetwalk.cloud.agent.Py27Dict;
import dev.packetwalk.cloud.model.AddressPair;
import dev.packetwalk.cloud.model.Cidr;
import dev.packetwalk.cloud.model.Cloud;
import dev.packetwalk.cloud.model.FixedIp;
import dev.packetwalk.cloud.model.Port;
import dev.packetwalk.cloud.model.SecurityGroup;
import dev.packetwalk.cloud.model.SecurityGroupRule;
import dev.packetwalk.linux.ipset.Entry;
import dev.packetwalk.linux.ipset.IpSet;
import dev.packetwalk.linux.ipset.IpSetOptions;
import dev.packetwalk.linux.ipset.IpSetType;
import dev.packetwalk.linux.ipset.IpSets;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * The ipsets of remote security groups on a node (ipset_manager, neutron.md §1.7, §7.7): for
 * every group an IPv4 rule of the node's filtered ports' groups names as remote group, a
 * {@code hash:net family inet} set called {@code NIPv4} + the group id cut to 29 characters,
 * holding the fixed IPs and allowed address pairs of every port in that group, cluster-wide.
 * Ocata creates the set as soon as a rule references the group, members or not, and the
 * agent creates them in the order its dict of remote groups iterates.
 */
final class RemoteGroupSets {
    private static final int NAME_LENGTH = 31 - "-n".length();

    private RemoteGroupSets() {
    }

    /** The set's name: {@code NIPv4} + the group id, cut to 29 characters. */
    static String name(String groupId) {
        String name = "NIPv4" + groupId;
        return name.length() > NAME_LENGTH ? name.substring(0, NAME_LENGTH) : name;
    }

    /** The group's member addresses: each port's fixed IPs, then its allowed address pairs. */
    static List<Cidr> members(Cloud cloud, String groupId) {
        Set<Cidr> out = new LinkedHashSet<>();
        for (Port p : cloud.ports()) {
            if (p.securityGroupIds().contains(groupId)) {
                for (FixedIp f : p.fixedIps()) {
                    out.add(new Cidr(f.ip(), 32));
                }
                for (AddressPair pair : p.allowedAddressPairs()) {
                    out.add(pair.ip().networkCidr());
                }
            }
        }
        return new ArrayList<>(out);
    }

    /** Creates and fills the sets the filtered {@code ports} need. */
    static void create(IpSets sets, Cloud cloud, List<Port> ports) {
        for (String groupId : referenced(cloud, ports)) {
            IpSet set = sets.create(name(groupId), IpSetType.HASH_NET, IpSetOptions.INET, true);
            for (Cidr member : members(cloud, groupId)) {
                for (Cidr part : splitDefault(member)) {
                    set.add(Entry.inet(part.network(), part.prefixLength()), -1, true);
                }
            }
        }
    }

    /** The remote groups of the ports' groups' IPv4 rules, in the agent's dict order. */
    private static List<String> referenced(Cloud cloud, List<Port> ports) {
        Set<String> seen = new LinkedHashSet<>();
        for (Port p : ports) {
            for (String groupId : p.securityGroupIds()) {
                SecurityGroup g = cloud.securityGroup(groupId);
                for (SecurityGroupRule r : g.rules()) {
                    if (r.remoteGroupId() != null && "IPv4".equals(r.ethertype())) {
                        seen.add(r.remoteGroupId());
                    }
                }
            }
        }
        return Py27Dict.of(new ArrayList<>(seen)).keys();
    }

    /** ipset takes no /0: ipset_manager writes 0.0.0.0/0 as its two halves. */
    private static List<Cidr> splitDefault(Cidr member) {
        if (member.prefixLength() > 0) {
            return List.of(member);
        }
        return List.of(Cidr.parse("0.0.0.0/1"), Cidr.parse("128.0.0.0/1"));
    }
}
