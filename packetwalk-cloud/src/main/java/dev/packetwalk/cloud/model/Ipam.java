package dev.packetwalk.cloud.model;

import dev.packetwalk.net.Ipv4;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * Neutron's reference IPAM as of Ocata/Pike (neutron.md §1.6): DHCP ports take the first free
 * address of the pools, other ports a random one among the first ten free, router interfaces
 * the gateway. Requested addresses are checked against the subnet and what is in use.
 */
public final class Ipam {
    private static final int WINDOW = 10;

    private Ipam() {
    }

    /** Checks a requested address: inside the subnet, not its network or broadcast address, not in use. */
    public static int requested(Subnet subnet, int ip, Set<Integer> used) {
        Cidr cidr = subnet.cidr();
        if (!cidr.contains(ip)) {
            throw new ModelException("IP address " + Ipv4.format(ip) + " is not a valid IP for the specified subnet "
                    + subnet.name() + " (" + cidr.networkCidr() + ")");
        }
        if (ip == cidr.network() || ip == cidr.broadcast()) {
            throw new ModelException("IP address " + Ipv4.format(ip) + " is the network or broadcast address of subnet "
                    + subnet.name());
        }
        if (used.contains(ip)) {
            throw new ModelException("IP address " + Ipv4.format(ip) + " already allocated in subnet " + subnet.name());
        }
        return ip;
    }

    /** The first free address of the pools (DHCP ports). */
    public static int first(Subnet subnet, Set<Integer> used) {
        List<Integer> free = free(subnet, used, 1);
        return free.get(0);
    }

    /** A random address among the first ten free ones of the pools. */
    public static int any(Subnet subnet, Set<Integer> used, IdSource ids) {
        List<Integer> free = free(subnet, used, WINDOW);
        return free.get(ids.nextInt(free.size()));
    }

    private static List<Integer> free(Subnet subnet, Set<Integer> used, int limit) {
        List<Integer> free = new ArrayList<>(limit);
        for (AllocationPool pool : subnet.pools()) {
            for (long ip = Integer.toUnsignedLong(pool.start()); ip <= Integer.toUnsignedLong(pool.end()); ip++) {
                if (!used.contains((int) ip)) {
                    free.add((int) ip);
                    if (free.size() == limit) {
                        return free;
                    }
                }
            }
        }
        if (free.isEmpty()) {
            throw new ModelException("No more IP addresses available on subnet " + subnet.name() + " (" + subnet.cidr() + ")");
        }
        return free;
    }
}
