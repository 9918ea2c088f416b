package dev.packetwalk.cloud.agent.l3;

import dev.packetwalk.cloud.agent.Py27Dict;
import dev.packetwalk.cloud.agent.iptables.IptablesManager;
import dev.packetwalk.cloud.agent.iptables.WrapName;
import dev.packetwalk.linux.Namespace;
import dev.packetwalk.linux.netfilter.ChecksumTarget;
import dev.packetwalk.linux.netfilter.CtTarget;
import dev.packetwalk.linux.netfilter.PortMatch;
import dev.packetwalk.linux.netfilter.Rule;

import java.util.ArrayList;
import java.util.List;

/**
 * The L3 and DHCP agents' iptables in one namespace (neutron.md §8.1–8.4, §9): the wrapped
 * chain skeleton of their iptables manager, the address-scope marks of each router device, the
 * metadata redirect, gateway SNAT and floating IP NAT. The router's parts are collected, then
 * {@link #apply} adds the rules in the order Ocata's agent adds them (process_external, then
 * process_address_scope, then the metadata driver's after-create hook) and writes them at
 * once, as the agent's iptables-restore does.
 */
public final class RouterIptables {
    /** What owns the namespace; each kind has its own recipe. */
    private enum Kind { LEGACY, DISTRIBUTED, SNAT, FIP, DHCP }

    /** The external gateway device, its IPv4 address and whether the router SNATs. */
    record Gateway(String device, int ip, boolean snat) {
    }

    /** A floating IP and the fixed IP it stands for. */
    record Floating(int floatingIp, int fixedIp) {
    }

    private final Namespace ns;
    private final Kind kind;
    private final boolean metadata;
    private final List<String> internalDevices = new ArrayList<>();
    private final List<Floating> floatingIps = new ArrayList<>();
    private Gateway gateway;
    private String rfp;

    private RouterIptables(Namespace ns, Kind kind, boolean metadata) {
        this.ns = ns;
        this.kind = kind;
        this.metadata = metadata;
    }

    /** A legacy router's qrouter namespace ({@code neutron-l3-agent-}), with the metadata rules when the proxy runs. */
    public static RouterIptables qrouter(Namespace ns, boolean metadata) {
        return new RouterIptables(ns, Kind.LEGACY, metadata);
    }

    /** A distributed router's qrouter namespace on a dvr or dvr_snat node. */
    public static RouterIptables distributed(Namespace ns, boolean metadata) {
        return new RouterIptables(ns, Kind.DISTRIBUTED, metadata);
    }

    /** A DVR snat namespace's manager: the same skeleton without metadata. */
    public static RouterIptables snat(Namespace ns) {
        return new RouterIptables(ns, Kind.SNAT, false);
    }

    /** A fip namespace's manager: raw PREROUTING {@code -j CT --notrack}. */
    public static RouterIptables fip(Namespace ns) {
        return new RouterIptables(ns, Kind.FIP, false);
    }

    /** A qdhcp namespace's manager ({@code neutron-dhcp-age-}): the DHCP reply checksum fill. */
    public static RouterIptables dhcp(Namespace ns) {
        return new RouterIptables(ns, Kind.DHCP, false);
    }

    /** An internal router device (qr-, sg-): its address-scope mark and filter. */
    public void internalDevice(String device) {
        internalDevices.add(device);
    }

    /** The gateway device (qg-) with the router's external address: SNAT when enabled, marks. */
    public void gateway(String device, int externalIp, boolean enableSnat) {
        gateway = new Gateway(device, externalIp, enableSnat);
    }

    /** A floating IP's DNAT and SNAT; {@code rfpDevice} is the DVR link the DNAT matches on (null: legacy). */
    public void floatingIp(int floatingIp, int fixedIp, String rfpDevice) {
        floatingIps.add(new Floating(floatingIp, fixedIp));
        if (rfpDevice != null) {
            rfp = rfpDevice;
        }
    }

    /** DVR with floating IPs: the POSTROUTING accept for what neither enters nor leaves by the rfp link. */
    public void fipLink(String rfpDevice) {
        rfp = rfpDevice;
    }

    /** Writes the collected rules into the namespace's tables at once. */
    public void apply() {
        IptablesManager m = IptablesManager.create(ns, kind == Kind.DHCP ? WrapName.DHCP_AGENT : WrapName.L3_AGENT);
        switch (kind) {
            case FIP -> m.raw().addRule("PREROUTING", Rule.builder().target(CtTarget.untracked()));
            case DHCP -> m.mangle().addRule("POSTROUTING", Rule.builder().protocol("udp")
                    .match(PortMatch.udp().destinationPort(68)).target(ChecksumTarget.FILL));
            case LEGACY, DISTRIBUTED, SNAT -> router(m);
        }
        m.apply();
    }

    private void router(IptablesManager m) {
        AddressScopes.initialize(m);
        Py27Dict devices = Py27Dict.of(internalDevices);
        switch (kind) {
            case LEGACY -> legacyExternal(m, devices);
            case DISTRIBUTED -> distributedExternal(m, devices);
            default -> snatExternal(m, devices);
        }
        AddressScopes.mark(m, devices, gateway != null && gateway.snat() ? gateway.device() : null);
        if (metadata) {
            MetadataRules.add(m);
        }
    }

    /** router_info: the gateway's rules, then each floating IP's; the gateway joins the scope devices. */
    private void legacyExternal(IptablesManager m, Py27Dict devices) {
        GatewayNat.emptySnatChains(m);
        GatewayNat.jumpToFloatSnat(m);
        if (gateway == null) {
            return;
        }
        GatewayNat.gatewayRules(m, gateway);
        floatingIps.forEach(f -> GatewayNat.floatingIp(m, f));
        devices.update(Py27Dict.of(List.of(gateway.device())));
    }

    /** dvr_local_router: NAT only with floating IPs behind the rfp link, which joins the scope devices. */
    private void distributedExternal(IptablesManager m, Py27Dict devices) {
        m.nat().emptyChain("POSTROUTING");
        m.nat().emptyChain("snat");
        if (rfp == null || floatingIps.isEmpty()) {
            return;
        }
        GatewayNat.jumpToFloatSnat(m);
        GatewayNat.exemptInternal(m, rfp);
        floatingIps.forEach(f -> GatewayNat.distributedFloatingIp(m, f, rfp));
        devices.put(rfp);
    }

    /** dvr_edge_router's snat manager: the gateway's rules without the float-snat jump (Ocata adds that in qrouter only). */
    private void snatExternal(IptablesManager m, Py27Dict devices) {
        GatewayNat.emptySnatChains(m);
        if (gateway == null) {
            return;
        }
        GatewayNat.gatewayRules(m, gateway);
        devices.update(Py27Dict.of(List.of(gateway.device())));
    }
}
