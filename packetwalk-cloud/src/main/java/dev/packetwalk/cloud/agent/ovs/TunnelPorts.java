package dev.packetwalk.cloud.agent.ovs;

import dev.packetwalk.cloud.agent.DeviceNames;
import dev.packetwalk.cloud.agent.OvsLib;
import dev.packetwalk.net.Ipv4;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * The tunnel ports of br-tun by remote IP (the agent's {@code tun_br_ofports}): each created
 * as {@code _setup_tunnel_port} does, {@code vxlan-<remote ip in hex>} with
 * {@code df_default="true", in_key=flow, local_ip, out_key=flow, remote_ip}, and its table-0
 * flow to the tunnel type's tun_id table.
 */
final class TunnelPorts {
    private final OvsLib ovs;
    private final TunnelBridge bridge;
    private final String type;
    private final int localIp;
    private final Map<Integer, Integer> ofports = new LinkedHashMap<>();

    TunnelPorts(OvsLib ovs, TunnelBridge bridge, String type, int localIp) {
        this.ovs = ovs;
        this.bridge = bridge;
        this.type = type;
        this.localIp = localIp;
    }

    Optional<Integer> lookup(int remoteIp) {
        return Optional.ofNullable(ofports.get(remoteIp));
    }

    /** Creates the tunnel port to {@code remoteIp}; returns its OpenFlow port. */
    int add(int remoteIp) {
        addAll(List.of(remoteIp));
        return ofports.get(remoteIp);
    }

    /** Creates the tunnel ports to {@code remoteIps} in one transaction, in order, then their table-0 flows. */
    void addAll(List<Integer> remoteIps) {
        ovs.batch(() -> {
            for (int remoteIp : remoteIps) {
                Map<String, String> options = new TreeMap<>();
                options.put("df_default", "true");
                options.put("remote_ip", Ipv4.format(remoteIp));
                options.put("local_ip", Ipv4.format(localIp));
                options.put("in_key", "flow");
                options.put("out_key", "flow");
                ovs.addTunnelPort(bridge.name(), DeviceNames.tunnelPort(type, remoteIp), type, options);
            }
        });
        for (int remoteIp : remoteIps) {
            int ofport = ovs.ofport(DeviceNames.tunnelPort(type, remoteIp));
            ofports.put(remoteIp, ofport);
            bridge.setupTunnelPort(type, ofport);
        }
    }

    /** Every tunnel port's OpenFlow port, ascending. */
    List<Integer> all() {
        List<Integer> out = new ArrayList<>(ofports.values());
        Collections.sort(out);
        return out;
    }
}
