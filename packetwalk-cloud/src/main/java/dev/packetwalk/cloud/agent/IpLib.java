package dev.packetwalk.cloud.agent;

import dev.packetwalk.cloud.model.Cidr;
import dev.packetwalk.linux.Namespace;
import dev.packetwalk.linux.RouteRequest;
import dev.packetwalk.linux.addr.InetAddress;
import dev.packetwalk.linux.link.LinkKind;
import dev.packetwalk.linux.link.NetDevice;
import dev.packetwalk.linux.neigh.Neighbour;
import dev.packetwalk.linux.neigh.NudState;
import dev.packetwalk.linux.route.InsertMode;
import dev.packetwalk.linux.route.PolicyRule;
import dev.packetwalk.linux.route.RouteProtocol;
import dev.packetwalk.linux.route.RouteTables;
import dev.packetwalk.linux.route.RouteType;
import dev.packetwalk.linux.route.RuleAction;
import dev.packetwalk.linux.route.Scope;

/**
 * What the agents do to one network namespace, as Neutron's {@code ip_lib} does it, through
 * the kernel's typed APIs (the ones {@code ip} itself calls): devices, addresses with their
 * broadcast, routes, policy rules, permanent neighbours and sysctls.
 */
public final class IpLib {
    private final Namespace ns;

    public IpLib(Namespace ns) {
        this.ns = ns;
    }

    public Namespace namespace() {
        return ns;
    }

    public NetDevice device(String name) {
        NetDevice d = ns.links().byName(name);
        if (d == null) {
            throw new IllegalStateException("no device " + name + " in " + ns);
        }
        return d;
    }

    /** A device of {@code kind} ({@code mac} null: a generated address), left down. */
    public NetDevice create(LinkKind kind, String name, Long mac) {
        return ns.devices().create(kind, name, mac, 0);
    }

    /** A veth pair: {@code name} here, {@code peerName} in {@code peerNs}. Returns this side. */
    public NetDevice veth(String name, Long mac, String peerName, Long peerMac, Namespace peerNs) {
        return ns.devices().createVeth(name, mac, peerName, peerMac, peerNs)[0];
    }

    public IpLib up(NetDevice d) {
        ns.devices().setUp(d, true);
        return this;
    }

    public IpLib mtu(NetDevice d, int mtu) {
        ns.devices().setMtu(d, mtu);
        return this;
    }

    /** Enslaves {@code port} to the Linux bridge {@code bridge} ({@code brctl addif}). */
    public IpLib master(NetDevice port, NetDevice bridge) {
        ns.devices().setMaster(port, bridge);
        return this;
    }

    /** Moves a device into another namespace ({@code ip link set DEV netns NS}). */
    public IpLib move(NetDevice d, Namespace target) {
        ns.devices().move(d, target);
        return this;
    }

    /** {@code ip addr add CIDR brd BROADCAST scope global dev DEV}, as ip_lib adds addresses. */
    public IpLib address(NetDevice d, Cidr cidr) {
        return address(d, cidr, true);
    }

    /** An address with or without its broadcast ({@code add_broadcast=False} for DVR's link-local pairs). */
    public IpLib address(NetDevice d, Cidr cidr, boolean broadcast) {
        ns.addressing().add(d, new InetAddress(d.ifindex(), cidr.address(), cidr.prefixLength(),
                broadcast ? cidr.broadcast() : 0, Scope.UNIVERSE, d.name(), false));
        return this;
    }

    /** {@code ip route replace DST [via GATEWAY] dev DEV [table T]}; {@code via} null for a link route. */
    public IpLib route(int table, Cidr dst, Integer via, NetDevice dev) {
        ns.routing().add(new RouteRequest(table, RouteType.UNICAST, dst.network(), dst.prefixLength(), 0,
                via == null ? 0 : via, dev.ifindex(), 0, RouteRequest.defaultScope(RouteType.UNICAST, via == null ? 0 : via),
                RouteProtocol.BOOT,
                0, false, InsertMode.REPLACE));
        return this;
    }

    /** A route in the main table. */
    public IpLib route(Cidr dst, Integer via, NetDevice dev) {
        return route(RouteTables.MAIN, dst, via, dev);
    }

    /** {@code ip rule add from SRC table T priority P}; the kernel keeps SRC as given (10.0.0.1/24, not 10.0.0.0/24). */
    public IpLib ruleFrom(int priority, Cidr from, int table) {
        ns.routing().addRule(new PolicyRule(priority, false, from.address(), from.prefixLength(), 0, 0, 0, 0, 0,
                null, null, RuleAction.LOOKUP, table, 0), true);
        return this;
    }

    /** {@code ip rule add iif DEV table T priority P}. */
    public IpLib ruleIif(int priority, String iif, int table) {
        ns.routing().addRule(new PolicyRule(priority, false, 0, 0, 0, 0, 0, 0, 0, iif, null, RuleAction.LOOKUP,
                table, 0), true);
        return this;
    }

    /** {@code ip neigh replace IP lladdr MAC dev DEV nud permanent}. */
    public IpLib permanentNeighbour(NetDevice dev, int ip, long mac) {
        ns.neighbours().replace(new Neighbour(dev.ifindex(), ip, mac, NudState.PERMANENT));
        return this;
    }

    /** {@code sysctl -w KEY=VALUE}. */
    public IpLib sysctl(String key, String value) {
        ns.sysctls().set(key, value);
        return this;
    }
}
