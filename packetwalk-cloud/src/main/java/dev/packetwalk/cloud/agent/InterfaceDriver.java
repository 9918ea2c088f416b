package dev.packetwalk.cloud.agent;

import dev.packetwalk.cloud.model.Port;
import dev.packetwalk.linux.Namespace;
import dev.packetwalk.linux.link.NetDevice;
import dev.packetwalk.net.MacAddress;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Neutron's OVS interface driver, which the L3 and DHCP agents plug their ports with: an OVS
 * internal port on the bridge whose external_ids name the Neutron port, given the port's MAC
 * and MTU and moved into the agent's namespace, then brought up.
 */
public final class InterfaceDriver {
    private final OvsLib ovs;
    private final IpLib root;

    public InterfaceDriver(OvsLib ovs, IpLib root) {
        this.ovs = ovs;
        this.root = root;
    }

    public IpLib root() {
        return root;
    }

    /** Plugs {@code port} as {@code device} into {@code ns}; returns the device, up. */
    public NetDevice plug(String bridge, Port port, String device, Namespace ns, int mtu) {
        Map<String, String> ids = new LinkedHashMap<>();
        ids.put("attached-mac", MacAddress.format(port.mac()));
        ids.put("iface-id", port.id());
        ids.put("iface-status", "active");
        ovs.addInternalPort(bridge, device, ids);
        NetDevice d = root.device(device);
        d.setMac(port.mac());
        root.move(d, ns);
        IpLib inside = new IpLib(ns);
        NetDevice moved = inside.device(device);
        inside.mtu(moved, mtu).up(moved);
        return moved;
    }
}
