package dev.packetwalk.cloud.agent.l3;

import dev.packetwalk.linux.Namespace;

/**
 * The L3 and DHCP agents' iptables in one namespace (neutron.md §8.1–8.4, §9): the wrapped
 * chain skeleton of their iptables manager, the address-scope marks of each router device, the
 * metadata redirect, gateway SNAT and floating IP NAT. Rules are collected, then written in one
 * {@link #apply}, as the agent's iptables-restore does.
 */
public final class RouterIptables {
    private final Namespace ns;

    private RouterIptables(Namespace ns) {
        this.ns = ns;
    }

    /** A qrouter namespace's manager ({@code neutron-l3-agent-}), with the metadata rules when the proxy runs. */
    public static RouterIptables qrouter(Namespace ns, boolean metadata) {
        return new RouterIptables(ns);
    }

    /** A DVR snat namespace's manager: the same skeleton without metadata. */
    public static RouterIptables snat(Namespace ns) {
        return new RouterIptables(ns);
    }

    /** A fip namespace's manager: raw PREROUTING {@code -j CT --notrack}. */
    public static RouterIptables fip(Namespace ns) {
        return new RouterIptables(ns);
    }

    /** A qdhcp namespace's manager ({@code neutron-dhcp-age-}): the DHCP reply checksum fill. */
    public static RouterIptables dhcp(Namespace ns) {
        return new RouterIptables(ns);
    }

    /** An internal router device (qr-, sg-): its address-scope mark and filter. */
    public void internalDevice(String device) {
    }

    /** The gateway device (qg-) with the router's external address: SNAT when enabled, marks. */
    public void gateway(String device, int externalIp, boolean enableSnat) {
    }

    /** A floating IP's DNAT and SNAT; {@code rfpDevice} is the DVR link the DNAT matches on (null: legacy). */
    public void floatingIp(int floatingIp, int fixedIp, String rfpDevice) {
    }

    /** DVR with floating IPs: the POSTROUTING accept for what neither enters nor leaves by the rfp link. */
    public void fipLink(String rfpDevice) {
    }

    /** Writes the collected rules into the namespace's tables at once. */
    public void apply() {
    }

    Namespace namespace() {
        return ns;
    }
}
