package dev.packetwalk.host.wiring;

import dev.packetwalk.net.Ipv4;
import dev.packetwalk.net.sim.Decision;
import dev.packetwalk.ovs.xlate.OdpAction;

import java.util.List;

/** Decisions of the kernel datapath itself, beside the OpenFlow steps of a bridge's hop. */
public sealed interface DatapathDecision extends Decision {

    /** The actions the datapath ran ({@code Datapath actions:} of ofproto/trace); a drop when nothing left. */
    record Actions(List<OdpAction> actions, boolean delivered) implements DatapathDecision {
        public Actions {
            actions = List.copyOf(actions);
        }

        @Override
        public String text() {
            return "Datapath actions: " + OdpAction.format(actions);
        }

        @Override
        public boolean isDrop() {
            return !delivered;
        }
    }

    /** A VXLAN datagram reached the tunnel socket but no tunnel port takes it. */
    record NoTunnelPort(int src, int dst, int vni) implements DatapathDecision {
        @Override
        public String text() {
            return "no OpenFlow tunnel port for this packet (vxlan from " + Ipv4.format(src) + " to "
                    + Ipv4.format(dst) + " vni " + vni + ")";
        }

        @Override
        public boolean isDrop() {
            return true;
        }
    }

    /** The packet was encapsulated for a tunnel port and handed to the root namespace's IP output. */
    record Encapsulated(String port, int src, int dst, int vni, int udpSrc) implements DatapathDecision {
        @Override
        public String text() {
            return "vxlan encapsulation by " + port + ": " + Ipv4.format(src) + ":" + udpSrc + " > "
                    + Ipv4.format(dst) + ":4789 vni " + vni;
        }
    }

    /** The packet left by a port with no device to carry it (an interface that did not open). */
    record NoDevice(String port) implements DatapathDecision {
        @Override
        public String text() {
            return "no kernel device for port " + port;
        }

        @Override
        public boolean isDrop() {
            return true;
        }
    }
}
