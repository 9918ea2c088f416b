package dev.packetwalk.linux;

import dev.packetwalk.linux.conntrack.Conntrack;
import dev.packetwalk.linux.ipset.IpSets;
import dev.packetwalk.linux.netfilter.Netfilter;
import dev.packetwalk.linux.addr.Addresses;
import dev.packetwalk.linux.link.LinkKind;
import dev.packetwalk.linux.link.Links;
import dev.packetwalk.linux.link.NetDevice;
import dev.packetwalk.linux.neigh.NeighbourTable;
import dev.packetwalk.linux.route.Fib;
import dev.packetwalk.linux.sysctl.Sysctls;
import dev.packetwalk.net.Clock;

import java.util.HashMap;
import java.util.Map;

/**
 * One network namespace: its links, addresses, routing tables, policy rules, neighbours,
 * sysctls, netfilter tables, conntrack and ipsets. The changes that touch several of these
 * at once (a device going down takes its routes with it) go through {@link #devices()},
 * {@link #addressing()} and {@link #routing()}.
 */
public final class Namespace {
    private final String name;
    private final Clock clock;
    private Netfilter netfilter;
    private IpSets ipsets;
    private Conntrack conntrack;
    private final Kernel kernel;
    private final Links links = new Links(this);
    private final Addresses addresses = new Addresses();
    private final Fib fib = new Fib();
    private final NeighbourTable neighbours = new NeighbourTable();
    private final Sysctls sysctls = new Sysctls();
    private final Map<Namespace, Integer> peerIds = new HashMap<>();
    private final DeviceChanges devices;
    private final AddressChanges addressing;
    private final RouteChanges routing;

    Namespace(String name, Clock clock, Kernel kernel) {
        this.name = name;
        this.clock = clock;
        this.kernel = kernel;
        this.devices = new DeviceChanges(this);
        this.addressing = new AddressChanges(this);
        this.routing = new RouteChanges(this);
        NetDevice lo = links.create(LinkKind.LOOPBACK, "lo", 0, 65536, 0);
        sysctls.addDevice(lo.name());
        fib.rules().resolveDevices(links::indexOf);
    }

    /** The name given by {@code ip netns add}, or null for the root namespace. */
    public String name() {
        return name;
    }

    public Clock clock() {
        return clock;
    }

    /** The netfilter tables (raw, mangle, nat, filter), created on first use. */
    public Netfilter netfilter() {
        if (netfilter == null) {
            netfilter = new Netfilter();
        }
        return netfilter;
    }

    /** The ipsets, created on first use; their reference counts come from the netfilter rules. */
    public IpSets ipsets() {
        if (ipsets == null) {
            ipsets = new IpSets(clock);
            ipsets.referencesFrom(name -> netfilter().setReferences(name));
        }
        return ipsets;
    }

    /** The connection tracking table, created on first use. */
    public Conntrack conntrack() {
        if (conntrack == null) {
            conntrack = new Conntrack(clock);
        }
        return conntrack;
    }

    public Kernel kernel() {
        return kernel;
    }

    public Links links() {
        return links;
    }

    public Addresses addresses() {
        return addresses;
    }

    public Fib fib() {
        return fib;
    }

    public NeighbourTable neighbours() {
        return neighbours;
    }

    public Sysctls sysctls() {
        return sysctls;
    }

    /** Device creation, state changes, moves and enslavement, with their consequences. */
    public DeviceChanges devices() {
        return devices;
    }

    /** Address changes with the routes the kernel derives from them. */
    public AddressChanges addressing() {
        return addressing;
    }

    /** Route and rule changes (validated as the kernel does) and route lookups. */
    public RouteChanges routing() {
        return routing;
    }

    /**
     * The id this namespace knows {@code other} by (its netnsid), allocating the lowest free
     * one when {@code allocate}; -1 when it has none.
     */
    public int peerId(Namespace other, boolean allocate) {
        Integer id = peerIds.get(other);
        if (id == null && allocate) {
            int next = 0;
            while (peerIds.containsValue(next)) {
                next++;
            }
            peerIds.put(other, next);
            id = next;
        }
        return id == null ? -1 : id;
    }

    void forgetPeer(Namespace other) {
        peerIds.remove(other);
    }

    @Override
    public String toString() {
        return name == null ? "(root)" : name;
    }
}
