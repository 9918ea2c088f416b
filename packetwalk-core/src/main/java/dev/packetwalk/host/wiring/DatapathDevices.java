package dev.packetwalk.host.wiring;

import dev.packetwalk.linux.DeviceChanges;
import dev.packetwalk.linux.Kernel;
import dev.packetwalk.linux.NetlinkException;
import dev.packetwalk.linux.link.LinkKind;
import dev.packetwalk.linux.link.NetDevice;
import dev.packetwalk.ovs.DatapathFlavour;
import dev.packetwalk.ovs.Vswitch;
import dev.packetwalk.ovs.db.BridgeRow;
import dev.packetwalk.ovs.db.InterfaceRow;
import dev.packetwalk.ovs.db.PortRow;
import dev.packetwalk.ovs.db.SystemDevices;

import java.util.HashMap;
import java.util.IdentityHashMap;
import java.util.Iterator;
import java.util.Map;

/**
 * The kernel side of the OVS datapath's ports (openvswitch.ko): the datapath device
 * {@code ovs-system} exists while a bridge does; an internal interface is a kernel device
 * (kind {@code openvswitch}) created in the root namespace with the interface's address, down
 * until someone sets it up, following {@code ip link set DEV netns NS} and destroyed with its
 * port; a system interface binds the existing root-namespace device of its name, which then has
 * {@code master ovs-system}, one more promiscuity user and the datapath as its rx handler.
 * The Linux device holds the address: the database's {@code mac_in_use} is read from it.
 */
public final class DatapathDevices implements SystemDevices {
    public static final String DATAPATH_DEVICE = "ovs-system";

    private final Kernel kernel;
    private final Vswitch vswitch;
    private final KernelDatapath datapath;
    private final Map<String, NetDevice> bound = new HashMap<>();
    private final Map<NetDevice, String> portNames = new IdentityHashMap<>();
    private NetDevice ovsSystem;

    DatapathDevices(Kernel kernel, Vswitch vswitch, KernelDatapath datapath) {
        this.kernel = kernel;
        this.vswitch = vswitch;
        this.datapath = datapath;
    }

    /** The device bound to the OVS interface {@code name}, or null. */
    public NetDevice device(String name) {
        NetDevice d = bound.get(name);
        return d != null && alive(d) ? d : null;
    }

    /** The OVS interface a device is bound to, or null. */
    public String interfaceOf(NetDevice dev) {
        return portNames.get(dev);
    }

    /** The datapath device {@code ovs-system}, or null while there is no bridge. */
    public NetDevice datapathDevice() {
        return ovsSystem != null && alive(ovsSystem) ? ovsSystem : null;
    }

    private static boolean alive(NetDevice d) {
        return d.home() != null && d.home().byIndex(d.ifindex()) == d;
    }

    @Override
    public long openSystem(String name) {
        NetDevice d = device(name);
        if (d != null && d.kind() != LinkKind.INTERNAL && d.master() == ovsSystem) {
            return d.mac();
        }
        d = kernel.root().links().byName(name);
        if (d == null || portNames.containsKey(d) || d.master() != null) {
            return -1;
        }
        ensureDatapathDevice().addPort(d);
        d.changePromiscuity(1);
        d.rxHandler(datapath::receive);
        bind(name, d);
        return d.mac();
    }

    @Override
    public long openInternal(String name, long mac) {
        NetDevice d = device(name);
        if (d != null) {
            return d.mac();
        }
        ensureDatapathDevice();
        try {
            d = kernel.root().devices().create(LinkKind.INTERNAL, name, mac, 0);
        } catch (NetlinkException e) {
            return mac;
        }
        d.transmitHook(datapath::fromInternal);
        bind(name, d);
        return d.mac();
    }

    @Override
    public void setMac(String name, long mac) {
        NetDevice d = device(name);
        if (d != null && d.kind() == LinkKind.INTERNAL && d.mac() != mac) {
            d.setMac(mac);
        }
    }

    private void bind(String name, NetDevice d) {
        bound.put(name, d);
        portNames.put(d, name);
    }

    private NetDevice ensureDatapathDevice() {
        if (datapathDevice() == null) {
            ovsSystem = kernel.root().devices().create(LinkKind.INTERNAL, DATAPATH_DEVICE, null, 0);
        }
        return ovsSystem;
    }

    /**
     * After a transaction: releases the devices of interfaces that are gone or failed (internal
     * devices are destroyed, system devices lose their master), drops {@code ovs-system} with the
     * last bridge, and keeps the tunnel sockets in step with the tunnel ports.
     */
    void transactionDone() {
        Map<String, InterfaceRow> live = new HashMap<>();
        boolean kernelFlavour = vswitch.datapathFlavour() == DatapathFlavour.KERNEL;
        for (BridgeRow b : vswitch.db().bridges()) {
            for (PortRow p : b.ports()) {
                for (InterfaceRow i : p.interfaces()) {
                    if (kernelFlavour && i.ofport() > 0) {
                        live.put(i.name(), i);
                    }
                }
            }
        }
        for (Iterator<Map.Entry<String, NetDevice>> it = bound.entrySet().iterator(); it.hasNext(); ) {
            Map.Entry<String, NetDevice> e = it.next();
            NetDevice d = e.getValue();
            InterfaceRow row = live.get(e.getKey());
            boolean internal = d.kind() == LinkKind.INTERNAL;
            boolean keep = row != null && alive(d) && internal == row.type().equals("internal")
                    && (internal || d.master() == ovsSystem);
            if (!keep) {
                release(d, internal);
                portNames.remove(d);
                it.remove();
            }
        }
        if (vswitch.db().bridges().isEmpty() || !kernelFlavour) {
            NetDevice dp = datapathDevice();
            if (dp != null) {
                DeviceChanges.ns(dp).devices().delete(dp);
            }
            ovsSystem = null;
        }
        datapath.syncTunnelSockets();
    }

    private void release(NetDevice d, boolean internal) {
        d.rxHandler(null);
        d.transmitHook(null);
        if (!alive(d)) {
            return;
        }
        if (internal) {
            DeviceChanges.ns(d).devices().delete(d);
        } else {
            if (d.master() == ovsSystem) {
                DeviceChanges.ns(d).devices().clearMaster(d);
            }
            d.changePromiscuity(-1);
        }
    }
}
