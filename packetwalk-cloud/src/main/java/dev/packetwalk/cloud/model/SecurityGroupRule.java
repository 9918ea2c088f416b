package dev.packetwalk.cloud.model;

/**
 * One security group rule. Null fields are the API's nulls: any protocol, any port, any remote.
 * {@code protocol} is a name (tcp, udp, icmp) or a number in text; ports are a range for
 * TCP/UDP, or ICMP type (min) and code (max).
 */
public record SecurityGroupRule(String id, String securityGroupId, Direction direction, String ethertype,
        String protocol, Integer portMin, Integer portMax, Cidr remoteIpPrefix, String remoteGroupId) {
    public SecurityGroupRule {
        if (remoteIpPrefix != null && remoteGroupId != null) {
            throw new ModelException("security group rule " + id + ": remote_ip_prefix and remote_group_id are exclusive");
        }
        if (portMin != null && portMax != null && portMin > portMax && !"icmp".equals(protocol)) {
            throw new ModelException("security group rule " + id + ": port_range_min " + portMin
                    + " is greater than port_range_max " + portMax);
        }
        if (!"IPv4".equals(ethertype) && !"IPv6".equals(ethertype)) {
            throw new ModelException("security group rule " + id + ": ethertype must be IPv4 or IPv6, not " + ethertype);
        }
    }
}
