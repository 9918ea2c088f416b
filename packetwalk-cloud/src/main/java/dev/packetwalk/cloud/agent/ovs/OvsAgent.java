package dev.packetwalk.cloud.agent.ovs;

import dev.packetwalk.cloud.agent.DeviceNames;
import dev.packetwalk.cloud.agent.NodeContext;
import dev.packetwalk.cloud.agent.OvsLib;
import dev.packetwalk.cloud.agent.OvsLib.VifPort;
import dev.packetwalk.cloud.model.Network;
import dev.packetwalk.cloud.model.NetworkType;
import dev.packetwalk.cloud.model.Node;
import dev.packetwalk.cloud.model.Port;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.Set;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The Open vSwitch agent of a node (neutron-openvswitch-agent, native OpenFlow driver), in the
 * order the real one works: at start br-int, the physical bridges of its bridge_mappings and
 * br-tun with their patch ports and default flows, the DVR flows, and (without l2population)
 * the tunnels to every other agent; then, once Nova and the other agents have plugged their
 * ports, one pass binding every port of br-int — local VLANs and their flows, DVR, other_config,
 * anti-spoofing and tags — after which l2population's forwarding entries arrive.
 */
public final class OvsAgent {
    private static final String NONEXISTENT_PEER = "nonexistent-peer";
    private static final String PATCH_TUN = "patch-tun";
    private static final String PATCH_INT = "patch-int";

    private final NodeContext ctx;
    private final Node node;
    private final OvsLib ovs;
    private final AgentConfig config;
    private final LocalVlans vlans;
    private AgentBridges bridges;
    private TunnelPorts tunnels;
    private DvrFlows dvr;

    private OvsAgent(NodeContext ctx) {
        this.ctx = ctx;
        this.node = ctx.node();
        this.ovs = ctx.ovs();
        this.config = AgentConfig.of(ctx.cloud(), node);
        this.vlans = new LocalVlans(node.pins().localVlans());
    }

    /** What the agent does when it starts, before any port is plugged. */
    public static void start(NodeContext ctx) {
        OvsAgent agent = new OvsAgent(ctx);
        ctx.ovsAgent(agent);
        agent.startUp();
    }

    /** Binds every port plugged on the node's br-int: VLAN tags and the flows of each table family. */
    public static void bindPorts(NodeContext ctx) {
        if (ctx.ovsAgent() == null) {
            throw new IllegalStateException("the OVS agent of " + ctx.node().name() + " has not started");
        }
        ctx.ovsAgent().bind();
    }

    private void startUp() {
        ovs.manager();
        ovs.addBridge(OvsLib.BR_INT);
        IntegrationBridge integration = new IntegrationBridge(ovs, OvsLib.BR_INT, cookie(OvsLib.BR_INT), config.profile());
        integration.setupDefaultTable();
        Map<String, PhysicalBridge> physical = new TreeMap<>();
        Map<String, Integer> intOfports = new HashMap<>();
        Map<String, Integer> physOfports = new HashMap<>();
        config.bridgeMappings().forEach((physnet, name) ->
                physical.put(physnet, setupPhysicalBridge(integration, name, intOfports, physOfports, physnet)));
        TunnelBridge tunnel = null;
        int patchTun = -1;
        int patchInt = -1;
        if (config.tunnelling()) {
            ovs.addBridge(OvsLib.BR_TUN);
            tunnel = new TunnelBridge(ovs, OvsLib.BR_TUN, cookie(OvsLib.BR_TUN));
            ovs.addPatchPort(OvsLib.BR_INT, PATCH_TUN, PATCH_INT);
            ovs.addPatchPort(OvsLib.BR_TUN, PATCH_INT, PATCH_TUN);
            patchTun = ovs.ofport(PATCH_TUN);
            patchInt = ovs.ofport(PATCH_INT);
            tunnel.setupDefaultTable(patchInt, config.arpResponder());
        }
        bridges = new AgentBridges(integration, tunnel, new TreeMap<>(physical), intOfports, physOfports, patchTun,
                patchInt);
        if (config.tunnelling()) {
            tunnels = new TunnelPorts(ovs, tunnel, config.tunnelType(), config.localIp());
        }
        if (config.distributedRouting()) {
            dvr = new DvrFlows(ctx.cloud(), node, bridges);
            dvr.setup();
        }
        if (config.tunnelling() && !config.l2population()) {
            tunnelSync();
        }
    }

    /**
     * setup_physical_bridges for one mapping: the bridge secure with its controller and NORMAL
     * default, the patch ports created unpeered, drops for what crosses them untranslated, then
     * the peers set.
     */
    private PhysicalBridge setupPhysicalBridge(IntegrationBridge integration, String name, Map<String, Integer> intOfports,
            Map<String, Integer> physOfports, String physnet) {
        ovs.addBridge(name);
        String nic = node.bridgePorts().get(name);
        if (nic != null) {
            ovs.addSystemPort(name, nic, java.util.Map.of());   // the installer's `ovs-vsctl add-port br-ex eth2`
        }
        PhysicalBridge br = new PhysicalBridge(ovs, name, cookie(name));
        br.setupDefaultTable();
        String intPatch = DeviceNames.intPatch(name);
        String phyPatch = DeviceNames.phyPatch(name);
        ovs.addPatchPort(OvsLib.BR_INT, intPatch, NONEXISTENT_PEER);
        ovs.addPatchPort(name, phyPatch, NONEXISTENT_PEER);
        int intOfport = ovs.ofport(intPatch);
        int physOfport = ovs.ofport(phyPatch);
        intOfports.put(physnet, intOfport);
        physOfports.put(physnet, physOfport);
        integration.dropPort(intOfport);
        br.dropPort(physOfport);
        ovs.setPatchPeer(intPatch, phyPatch);
        ovs.setPatchPeer(phyPatch, intPatch);
        return br;
    }

    /** The bridge's cookie: the lab's pin, else a random 64-bit value (one draw per bridge either way). */
    private long cookie(String bridge) {
        long drawn = ctx.random().nextLong();
        Long pinned = node.pins().cookies().get(bridge);
        return pinned != null ? pinned : drawn;
    }

    /** tunnel_sync without l2population: a tunnel to every other agent with a tunnel endpoint. */
    private void tunnelSync() {
        Set<Integer> peers = new LinkedHashSet<>();
        for (Node peer : ctx.cloud().nodes()) {
            Integer ip = peer.tunnelIp();
            if (!peer.name().equals(node.name()) && peer.runsOvsAgent() && ip != null && !ip.equals(config.localIp())
                    && tunnels.lookup(ip).isEmpty()) {
                peers.add(ip);
            }
        }
        tunnels.addAll(new ArrayList<>(peers));
        floodToAllTunnels();
    }

    /** A new tunnel port; without l2population every tunnelled network's flooding then includes it. */
    private int setupTunnelPort(int remoteIp) {
        int ofport = tunnels.add(remoteIp);
        floodToAllTunnels();
        return ofport;
    }

    /** Without l2population every tunnelled network floods to every tunnel port. */
    private void floodToAllTunnels() {
        if (!config.l2population()) {
            for (LocalVlan lv : vlans.all()) {
                if (lv.network().type().isTunnel()) {
                    bridges.tunnel().installFloodToTun(lv.vlan(), lv.network().segmentationId(), tunnels.all());
                }
            }
        }
    }

    /** One bound port: its OVS side, its Neutron port and its network's local VLAN. */
    private record Binding(VifPort vif, Port port, LocalVlan vlan) {
    }

    /**
     * One pass of the agent's loop over the ports it finds on br-int (in OpenFlow port order):
     * treat_devices_added_or_updated (local VLAN, DVR, other_config), _add_port_tag_info,
     * _bind_devices (anti-spoofing, tag), then l2population's fdb_add.
     */
    private void bind() {
        List<VifPort> vifs = ovs.vifPorts(OvsLib.BR_INT);
        Map<String, VifPort> vifsById = new LinkedHashMap<>();
        for (VifPort v : vifs) {
            vifsById.put(v.ifaceId(), v);
        }
        List<Binding> bound = new ArrayList<>();
        ovs.batch(() -> treatDevices(vifs, vifsById, bound));
        ovs.batch(() -> {
            for (Binding b : bound) {
                ovs.updatePortOtherConfig(b.vif().name(), Map.of("tag", String.valueOf(b.vlan().vlan())));
            }
        });
        ovs.batch(() -> {
            for (Binding b : bound) {
                if (config.preventArpSpoofing()) {
                    ArpSpoofing.protect(bridges.integration(), b.vif(), b.port());
                }
                ovs.tag(b.vif().name(), b.vlan().vlan());
            }
        });
        if (config.l2population() && config.tunnelling()) {
            L2Population l2pop = new L2Population(ctx.cloud(), ctx.placement());
            Map<LocalVlan, List<L2Population.HostEntries>> fdb = new LinkedHashMap<>();
            Set<Integer> missing = new LinkedHashSet<>();
            for (LocalVlan lv : vlans.all()) {
                if (lv.network().type().isTunnel()) {
                    List<L2Population.HostEntries> entries = l2pop.entries(lv.network(), node);
                    fdb.put(lv, entries);
                    entries.stream().map(L2Population.HostEntries::tunnelIp)
                            .filter(ip -> tunnels.lookup(ip).isEmpty()).forEach(missing::add);
                }
            }
            tunnels.addAll(new ArrayList<>(missing));
            fdb.forEach(this::fdbAdd);
        }
    }

    /** treat_devices_added_or_updated: each port's local VLAN (provisioned on first use), DVR binding, other_config. */
    private void treatDevices(List<VifPort> vifs, Map<String, VifPort> vifsById, List<Binding> bound) {
        for (VifPort vif : vifs) {
            Port port = ctx.cloud().findPort(vif.ifaceId()).orElse(null);
            if (port == null) {
                continue;
            }
            Network net = ctx.cloud().network(port.networkId());
            LocalVlan lv = vlans.get(net.id()).orElseGet(() -> provisionLocalVlan(net));
            if (dvr != null) {
                dvr.bindPort(vif, lv, port, vifsById);
            }
            ovs.updatePortOtherConfig(vif.name(), vlanMapping(net));
            bound.add(new Binding(vif, port, lv));
        }
    }

    /** provision_local_vlan: the network's VLAN and the flows that translate it on br-tun or the physical bridge. */
    private LocalVlan provisionLocalVlan(Network net) {
        LocalVlan lv = vlans.allocate(net);
        switch (net.type()) {
            case VXLAN -> {
                if (!config.tunnelling()) {
                    return lv;
                }
                List<Integer> ofports = tunnels.all();
                if (!ofports.isEmpty()) {
                    bridges.tunnel().installFloodToTun(lv.vlan(), net.segmentationId(), ofports);
                }
                if (dvr != null) {
                    dvr.processTunneledNetwork(net.type().text(), lv);
                } else {
                    bridges.tunnel().provisionLocalVlan(net.type().text(), lv.vlan(), net.segmentationId(), false);
                }
            }
            case FLAT, VLAN -> {
                PhysicalBridge br = bridges.physical().get(net.physicalNetwork());
                if (br == null) {
                    return lv;
                }
                Integer segment = net.type() == NetworkType.FLAT ? null : net.segmentationId();
                boolean distributed = segment != null && config.distributedRouting();
                br.provisionLocalVlan(bridges.physOfport(net.physicalNetwork()), lv.vlan(), segment, distributed);
                bridges.integration().provisionLocalVlan(bridges.intOfport(net.physicalNetwork()), lv.vlan(), segment);
            }
            default -> throw new IllegalStateException("unknown network type " + net.type());
        }
        return lv;
    }

    /** What port_bound writes into the port's other_config (its tag follows in _add_port_tag_info). */
    private static Map<String, String> vlanMapping(Network net) {
        Map<String, String> m = new LinkedHashMap<>();
        m.put("net_uuid", net.id());
        m.put("network_type", net.type().text());
        m.put("physical_network", net.physicalNetwork() == null ? "None" : net.physicalNetwork());
        if (net.segmentationId() != null) {
            m.put("segmentation_id", String.valueOf(net.segmentationId()));
        }
        return m;
    }

    /** fdb_add for one network: tunnels to the hosts, their flooding entries, unicast and ARP responder entries. */
    private void fdbAdd(LocalVlan lv, List<L2Population.HostEntries> entries) {
        TunnelBridge tun = bridges.tunnel();
        long segment = lv.network().segmentationId();
        for (L2Population.HostEntries host : entries) {
            int ofport = tunnels.lookup(host.tunnelIp()).orElseGet(() -> setupTunnelPort(host.tunnelIp()));
            lv.addTunnelOfport(ofport);
            for (L2Population.PortInfo p : host.ports()) {
                if (config.arpResponder()) {
                    tun.installArpResponder(lv.vlan(), p.ip(), p.mac());
                }
                tun.installUnicastToTun(lv.vlan(), segment, ofport, p.mac());
            }
        }
        if (!entries.isEmpty()) {
            tun.installFloodToTun(lv.vlan(), segment, lv.tunnelOfports());
        }
    }
}
