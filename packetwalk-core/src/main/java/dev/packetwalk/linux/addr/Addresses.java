package dev.packetwalk.linux.addr;

import dev.packetwalk.linux.Errno;
import dev.packetwalk.linux.NetlinkException;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The addresses of every device in one namespace, per device in the kernel's list order:
 * a new primary goes after the last primary of equal or wider scope, a secondary (another
 * address in an existing subnet) at the end.
 */
public final class Addresses {
    private final Map<Integer, List<InetAddress>> v4 = new HashMap<>();
    private final Map<Integer, List<Inet6Address>> v6 = new HashMap<>();
    private final List<Inet6Address> v6Order = new ArrayList<>();
    /** Devices addrconf has configured since they last came up (IF_READY). */
    private final List<Integer> v6Ready = new ArrayList<>();

    public List<InetAddress> ipv4(int ifindex) {
        return List.copyOf(v4.getOrDefault(ifindex, List.of()));
    }

    public List<Inet6Address> ipv6(int ifindex) {
        return List.copyOf(v6.getOrDefault(ifindex, List.of()));
    }

    /** Adds an IPv4 address (__inet_insert_ifa); returns it as stored. */
    public InetAddress add(InetAddress a) {
        List<InetAddress> list = v4.computeIfAbsent(a.ifindex(), k -> new ArrayList<>());
        boolean secondary = false;
        int lastPrimary = 0;
        for (int i = 0; i < list.size(); i++) {
            InetAddress o = list.get(i);
            if (!o.secondary() && a.scope() <= o.scope()) {
                lastPrimary = i + 1;
            }
            if (o.prefixLength() == a.prefixLength() && o.inSubnet(a.local())) {
                if (o.local() == a.local()) {
                    throw new NetlinkException(Errno.EEXIST, "ipv4: Address already assigned");
                }
                if (o.scope() != a.scope()) {
                    throw new NetlinkException(Errno.EINVAL, "ipv4: Invalid scope value");
                }
                secondary = true;
            }
        }
        InetAddress stored = a.asSecondary(secondary);
        list.add(secondary ? list.size() : lastPrimary, stored);
        return stored;
    }

    /**
     * Deletes the first address on {@code ifindex} with local {@code local} (and, when
     * {@code prefixLength >= 0}, that prefix). Deleting a primary also deletes its
     * secondaries, as the kernel does without promote_secondaries. Returns what went.
     */
    public List<InetAddress> delete(int ifindex, int local, int prefixLength) {
        List<InetAddress> list = v4.getOrDefault(ifindex, new ArrayList<>());
        for (InetAddress a : list) {
            if (a.local() == local && (prefixLength < 0 || a.prefixLength() == prefixLength)) {
                List<InetAddress> gone = new ArrayList<>();
                gone.add(a);
                if (!a.secondary()) {
                    for (InetAddress s : list) {
                        if (s.secondary() && s.prefixLength() == a.prefixLength()
                                && a.inSubnet(s.local())) {
                            gone.add(s);
                        }
                    }
                }
                list.removeAll(gone);
                return gone;
            }
        }
        throw new NetlinkException(Errno.EADDRNOTAVAIL, "ipv4: Address not found");
    }

    /** Removes every IPv4 and IPv6 address of a device; returns the IPv4 ones. */
    public List<InetAddress> flush(int ifindex) {
        List<InetAddress> gone = v4.remove(ifindex);
        flushIpv6(ifindex);
        return gone == null ? List.of() : gone;
    }

    public void addIpv6(Inet6Address a) {
        List<Inet6Address> list = v6.computeIfAbsent(a.ifindex(), k -> new ArrayList<>());
        if (!list.contains(a)) {
            list.add(0, a);
            v6Order.add(a);
        }
    }

    public void flushIpv6(int ifindex) {
        v6.remove(ifindex);
        v6Order.removeIf(a -> a.ifindex() == ifindex);
    }

    /** True when addrconf already configured the device since it came up. */
    public boolean ipv6Ready(int ifindex) {
        return v6Ready.contains(ifindex);
    }

    public void setIpv6Ready(int ifindex, boolean ready) {
        v6Ready.remove(Integer.valueOf(ifindex));
        if (ready) {
            v6Ready.add(ifindex);
        }
    }

    /** Devices addrconf configured, in the order it did (their ff00::/8 routes). */
    public List<Integer> ipv6ReadyInOrder() {
        return List.copyOf(v6Ready);
    }

    /** Every IPv6 address of the namespace in the order they were configured. */
    public List<Inet6Address> ipv6InOrder() {
        return List.copyOf(v6Order);
    }

    /** The device index holding {@code local} as an IPv4 address, or 0 (__ip_dev_find). */
    public int deviceOf(int local) {
        for (Map.Entry<Integer, List<InetAddress>> e : v4.entrySet()) {
            for (InetAddress a : e.getValue()) {
                if (a.local() == local) {
                    return e.getKey();
                }
            }
        }
        return 0;
    }
}
