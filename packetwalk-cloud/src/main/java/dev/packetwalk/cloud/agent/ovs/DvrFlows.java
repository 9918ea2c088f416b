package dev.packetwalk.cloud.agent.ovs;

import dev.packetwalk.cloud.agent.OvsLib.VifPort;
import dev.packetwalk.cloud.model.Cloud;
import dev.packetwalk.cloud.model.DeviceOwner;
import dev.packetwalk.cloud.model.FixedIp;
import dev.packetwalk.cloud.model.Network;
import dev.packetwalk.cloud.model.NetworkType;
import dev.packetwalk.cloud.model.Node;
import dev.packetwalk.cloud.model.Port;
import dev.packetwalk.cloud.model.Subnet;

import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Set;

/**
 * The OVS agent's DVR part (ovs_dvr_neutron_agent, neutron.md §4 and §5.4) on a node whose L3
 * agent runs in dvr or dvr_snat mode: the start-up flows on every bridge, the flows that keep
 * other hosts' DVR MACs from being learned, and per DVR-routed subnet the br-tun (or physical
 * bridge) table-1 rewrite of the local router port's frames and the br-int rewrite of routed
 * frames for local ports (VMs, DHCP, the centralized-SNAT port).
 */
final class DvrFlows {
    private final Cloud cloud;
    private final Node node;
    private final AgentBridges bridges;
    private final long dvrMac;
    /** local_dvr_map: what the agent knows of each DVR-routed subnet, by subnet id. */
    private final Map<String, DvrSubnet> subnets = new HashMap<>();
    /** local_ports: the subnets each bound port was plumbed for, by port id. */
    private final Map<String, Set<String>> localPorts = new HashMap<>();

    /** One subnet's gateway as get_subnet_for_dvr returns it, whether a local router port owns it, its csnat port. */
    private static final class DvrSubnet {
        final Integer gatewayIp;
        final long gatewayMac;
        boolean dvrOwned;
        int csnatOfport = -1;

        DvrSubnet(Integer gatewayIp, long gatewayMac) {
            this.gatewayIp = gatewayIp;
            this.gatewayMac = gatewayMac;
        }
    }

    DvrFlows(Cloud cloud, Node node, AgentBridges bridges) {
        this.cloud = cloud;
        this.node = node;
        this.bridges = bridges;
        Long mac = cloud.dvrMacs().get(node.name());
        if (mac == null) {
            throw new IllegalStateException("node " + node.name() + " runs distributed routing but has no DVR MAC");
        }
        this.dvrMac = mac;
    }

    /** setup_dvr_flows: each bridge's DVR defaults, then every other host's DVR MAC. */
    void setup() {
        bridges.integration().setupDvrDefaults(bridges.physical().keySet().stream().map(bridges::intOfport).toList());
        if (bridges.tunnelling()) {
            bridges.tunnel().setupDvrDefaults(bridges.patchIntOfport());
        }
        bridges.physical().forEach((physnet, br) -> br.setupDvrDefaults(bridges.physOfport(physnet)));
        for (Map.Entry<String, Long> e : cloud.dvrMacs().entrySet()) {
            if (!e.getKey().equals(node.name()) && e.getValue() != dvrMac) {
                addDvrMac(e.getValue());
            }
        }
    }

    private void addDvrMac(long mac) {
        bridges.physical().forEach((physnet, br) -> {
            bridges.integration().addDvrMacVlan(mac, bridges.intOfport(physnet));
            br.addDvrMacVlan(mac, bridges.physOfport(physnet));
        });
        if (bridges.tunnelling()) {
            bridges.integration().addDvrMacTun(mac, bridges.patchTunOfport());
            bridges.tunnel().addDvrMacTun(mac, bridges.patchIntOfport());
        }
    }

    /** A tunnelled network's local VLAN: as without DVR, but through table 9 before learning. */
    void processTunneledNetwork(String tunnelType, LocalVlan lv) {
        bridges.tunnel().provisionLocalVlan(tunnelType, lv.vlan(), lv.network().segmentationId(), true);
    }

    /** bind_port_to_dvr: the DVR flows a newly bound port brings, by its owner. */
    void bindPort(VifPort vif, LocalVlan lv, Port port, Map<String, VifPort> vifsById) {
        NetworkType type = lv.network().type();
        if (!type.isTunnel() && type != NetworkType.VLAN) {
            return;
        }
        if (port.owner() == DeviceOwner.ROUTER_INTERFACE_DISTRIBUTED) {
            bindRouterInterface(vif, lv, port, vifsById);
        }
        if (dvrServiced(port.owner())) {
            bindOnDvrSubnet(vif, lv, port);
        }
        if (port.owner() == DeviceOwner.ROUTER_CENTRALIZED_SNAT) {
            bindCentralizedSnat(vif, lv, port);
        }
    }

    private void bindRouterInterface(VifPort vif, LocalVlan lv, Port port, Map<String, VifPort> vifsById) {
        FixedIp fixed = port.fixedIps().get(0);
        DvrSubnet subnet = subnets.computeIfAbsent(fixed.subnetId(), id -> subnetFor(fixed));
        subnet.dvrOwned = true;
        for (Port local : cloud.portsOn(node.name())) {
            VifPort localVif = vifsById.get(local.id());
            if (localVif == null || !dvrServiced(local.owner())
                    || local.fixedIps().stream().noneMatch(f -> f.subnetId().equals(fixed.subnetId()))) {
                continue;
            }
            localPorts.computeIfAbsent(local.id(), k -> new LinkedHashSet<>()).add(fixed.subnetId());
            toSourceMac(lv, subnet, localVif);
        }
        DvrProcess process = lv.network().type() == NetworkType.VLAN
                ? bridges.physical().get(lv.network().physicalNetwork()).dvrProcess() : bridges.tunnel().dvrProcess();
        if (subnet.gatewayIp != null) {
            process.installIpv4(lv.vlan(), subnet.gatewayIp);
        }
        process.install(lv.vlan(), vif.mac(), dvrMac);
        localPorts.computeIfAbsent(port.id(), k -> new LinkedHashSet<>()).add(fixed.subnetId());
    }

    private void bindOnDvrSubnet(VifPort vif, LocalVlan lv, Port port) {
        for (FixedIp f : port.fixedIps()) {
            DvrSubnet subnet = subnets.get(f.subnetId());
            if (subnet == null || !subnet.dvrOwned) {
                continue;
            }
            localPorts.computeIfAbsent(port.id(), k -> new LinkedHashSet<>()).add(f.subnetId());
            toSourceMac(lv, subnet, vif);
        }
    }

    private void bindCentralizedSnat(VifPort vif, LocalVlan lv, Port port) {
        if (localPorts.containsKey(port.id())) {
            return;
        }
        FixedIp fixed = port.fixedIps().get(0);
        DvrSubnet subnet = subnets.computeIfAbsent(fixed.subnetId(), id -> subnetFor(fixed));
        subnet.csnatOfport = vif.ofport();
        localPorts.computeIfAbsent(port.id(), k -> new LinkedHashSet<>()).add(fixed.subnetId());
        toSourceMac(lv, subnet, vif);
    }

    private void toSourceMac(LocalVlan lv, DvrSubnet subnet, VifPort vif) {
        Network net = lv.network();
        int vlan = net.type() == NetworkType.VLAN ? net.segmentationId() : lv.vlan();
        bridges.integration().installDvrToSrcMac(net.type(), vlan, subnet.gatewayMac, vif.mac(), vif.ofport());
    }

    /**
     * get_subnet_for_dvr with the binding port's fixed IP: the subnet's gateway IP, and as
     * gateway MAC the MAC of the port holding that fixed IP (the router port itself, or for a
     * centralized-SNAT port bound first, the SNAT port).
     */
    private DvrSubnet subnetFor(FixedIp fixed) {
        Subnet s = cloud.subnet(fixed.subnetId());
        long mac = cloud.portsOf(s.networkId()).stream()
                .filter(p -> p.fixedIps().stream().anyMatch(f -> f.equals(fixed)))
                .findFirst().orElseThrow().mac();
        return new DvrSubnet(s.gateway(), mac);
    }

    /** is_dvr_serviced: VM ports and DHCP ports (and load balancers, which the model has not). */
    static boolean dvrServiced(DeviceOwner owner) {
        return owner == DeviceOwner.COMPUTE || owner == DeviceOwner.DHCP;
    }
}
