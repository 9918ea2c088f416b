package dev.packetwalk.cloud.agent.firewall;

import dev.packetwalk.cloud.model.Cidr;
import dev.packetwalk.cloud.model.Cloud;
import dev.packetwalk.cloud.model.DeviceOwner;
import dev.packetwalk.cloud.model.Direction;
import dev.packetwalk.cloud.model.FixedIp;
import dev.packetwalk.cloud.model.Port;
import dev.packetwalk.cloud.model.SecurityGroupRule;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * The RETURN rules of a port's chain for one direction, as the server hands them to the agent
 * and the agent translates them (securitygroups_rpc_base's provider rules, iptables_firewall's
 * _select_sg_rules_for_port and _convert_sgr_to_iptables_rules): first the provider rules
 * (ingress: DHCP replies, in the release's form), then the IPv4 rules of each of the port's
 * groups in turn, a remote group becoming a match on its ipset or, without ipsets, one rule per
 * member address other than the port's own; rules whose text repeats are left out.
 */
final class GroupRules {
    private static final int DHCP_SERVER_PORT = 67;
    private static final int DHCP_CLIENT_PORT = 68;
    private static final Cidr BROADCAST = Cidr.parse("255.255.255.255/32");

    private final Cloud cloud;
    private final boolean ipset;

    GroupRules(Cloud cloud) {
        this.cloud = cloud;
        this.ipset = cloud.options().enableIpset();
    }

    /** The port's rules for {@code direction}, duplicates pruned. */
    List<GroupRule> of(Port port, Direction direction) {
        Set<GroupRule> rules = new LinkedHashSet<>();
        if (direction == Direction.INGRESS) {
            rules.addAll(dhcpReplies(port));
        }
        for (String groupId : port.securityGroupIds()) {
            for (SecurityGroupRule r : cloud.securityGroup(groupId).rules()) {
                if (r.direction() == direction && "IPv4".equals(r.ethertype())) {
                    rules.addAll(translate(r, port));
                }
            }
        }
        return new ArrayList<>(rules);
    }

    /** The provider rule letting DHCP replies in: from each DHCP server (Ocata) or to the port (Pike). */
    private List<GroupRule> dhcpReplies(Port port) {
        GroupRule reply = GroupRule.of("udp").ports(DHCP_SERVER_PORT, DHCP_CLIENT_PORT, DHCP_CLIENT_PORT);
        List<GroupRule> out = new ArrayList<>();
        if (cloud.profile().dhcpRepliesFromServers()) {
            for (Port dhcp : cloud.portsOf(port.networkId())) {
                if (dhcp.owner() == DeviceOwner.DHCP) {
                    dhcp.fixedIps().forEach(f -> out.add(reply.from(new Cidr(f.ip(), 32))));
                }
            }
        } else {
            port.fixedIps().forEach(f -> out.add(reply.to(new Cidr(f.ip(), 32))));
            out.add(reply.to(BROADCAST));
        }
        return out;
    }

    private List<GroupRule> translate(SecurityGroupRule r, Port port) {
        GroupRule base = GroupRule.of(r.protocol()).ports(null, r.portMin(), r.portMax());
        boolean ingress = r.direction() == Direction.INGRESS;
        if (r.remoteGroupId() == null) {
            return List.of(ingress ? base.from(r.remoteIpPrefix()) : base.to(r.remoteIpPrefix()));
        }
        if (ipset) {
            return List.of(base.inSet(RemoteGroupSets.name(r.remoteGroupId()), ingress));
        }
        List<GroupRule> out = new ArrayList<>();
        for (Cidr member : RemoteGroupSets.members(cloud, r.remoteGroupId())) {
            if (!ownAddress(port, member)) {
                out.add(ingress ? base.from(member) : base.to(member));
            }
        }
        return out;
    }

    private static boolean ownAddress(Port port, Cidr member) {
        for (FixedIp f : port.fixedIps()) {
            if (member.prefixLength() == 32 && member.address() == f.ip()) {
                return true;
            }
        }
        return false;
    }
}
