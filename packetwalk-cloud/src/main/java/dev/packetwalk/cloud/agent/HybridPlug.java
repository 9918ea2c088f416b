package dev.packetwalk.cloud.agent;

import dev.packetwalk.cloud.model.Cloud;
import dev.packetwalk.cloud.model.Node;
import dev.packetwalk.cloud.model.Port;
import dev.packetwalk.cloud.model.Server;
import dev.packetwalk.linux.link.LinkKind;
import dev.packetwalk.linux.link.NetDevice;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Nova's hybrid plug of a VM NIC (os-vif's ovs plugin with {@code ovs_hybrid_plug}, then
 * libvirt): the Linux bridge {@code qbrX}, the veth pair {@code qvbX}/{@code qvoX} with qvb in
 * the bridge and qvo on br-int (its external_ids naming the Neutron port), and the VM's
 * {@code tapX} in the bridge, its MAC the port's with the first octet fe.
 */
public final class HybridPlug {
    private HybridPlug() {
    }

    public static void plug(NodeContext ctx, Port port) {
        Node node = ctx.node();
        OvsLib ovs = ctx.ovs();
        IpLib root = ctx.root();
        Cloud cloud = ctx.cloud();
        Server server = cloud.serverOf(port).orElseThrow();
        int mtu = cloud.network(port.networkId()).mtu();
        Map<String, Long> macs = node.pins().macs();
        NetDevice qbr = root.create(LinkKind.BRIDGE, DeviceNames.qbr(port.id()), macs.get(DeviceNames.qbr(port.id())));
        root.up(qbr);
        NetDevice qvb = root.veth(DeviceNames.qvb(port.id()), macs.get(DeviceNames.qvb(port.id())),
                DeviceNames.qvo(port.id()), macs.get(DeviceNames.qvo(port.id())), root.namespace());
        NetDevice qvo = root.device(DeviceNames.qvo(port.id()));
        root.mtu(qvb, mtu).mtu(qvo, mtu).up(qvb).up(qvo).master(qvb, qbr);
        Map<String, String> ids = new LinkedHashMap<>();
        ids.put("attached-mac", dev.packetwalk.net.MacAddress.format(port.mac()));
        ids.put("iface-id", port.id());
        ids.put("iface-status", "active");
        ids.put("vm-uuid", server.id());
        ovs.addSystemPort(OvsLib.BR_INT, qvo.name(), ids);
        long tapMac = macs.getOrDefault(DeviceNames.tap(port.id()), (port.mac() & 0x00ffffffffffL) | 0xfe0000000000L);
        NetDevice tap = root.create(LinkKind.TUN, DeviceNames.tap(port.id()), tapMac);
        root.mtu(tap, mtu).up(tap).master(tap, qbr);
    }
}
