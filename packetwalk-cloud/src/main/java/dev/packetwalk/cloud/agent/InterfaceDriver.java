package dev.packetwalk.cloud.agent;

import dev.packetwalk.cloud.model.Port;
import dev.packetwalk.linux.Namespace;
import dev.packetwalk.linux.link.NetDevice;
import dev.packetwalk.net.MacAddress;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
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

    /** One port to plug: the Neutron port, its device name and the MTU of its network. */
    public record Plug(Port port, String device, int mtu) {
    }

    /** Plugs {@code port} as {@code device} into {@code ns}; returns the device, up. */
    public NetDevice plug(String bridge, Port port, String device, Namespace ns, int mtu) {
        return plugAll(bridge, List.of(new Plug(port, device, mtu)), ns).get(0);
    }

    /**
     * Plugs several ports into {@code ns} as one agent pass does: their OVS ports in one
     * transaction, then each device's MAC, namespace, MTU and state in order.
     */
    public List<NetDevice> plugAll(String bridge, List<Plug> plugs, Namespace ns) {
        ovs.batch(() -> {
            for (Plug p : plugs) {
                Map<String, String> ids = new LinkedHashMap<>();
                ids.put("attached-mac", MacAddress.format(p.port().mac()));
                ids.put("iface-id", p.port().id());
                ids.put("iface-status", "active");
                ovs.addInternalPort(bridge, p.device(), ids);
            }
        });
        List<NetDevice> out = new ArrayList<>(plugs.size());
        for (Plug p : plugs) {
            out.add(moveInto(p, ns));
        }
        return out;
    }

    private NetDevice moveInto(Plug p, Namespace ns) {
        String device = p.device();
        int mtu = p.mtu();
        Port port = p.port();
        NetDevice d = root.device(device);
        d.setMac(port.mac());
        root.move(d, ns);
        IpLib inside = new IpLib(ns);
        NetDevice moved = inside.device(device);
        inside.mtu(moved, mtu).up(moved);
        return moved;
    }
}
