package dev.packetwalk.linux.stack;

import dev.packetwalk.linux.neigh.NudState;
import dev.packetwalk.linux.netfilter.Step;
import dev.packetwalk.linux.route.Route;
import dev.packetwalk.net.Ipv4;
import dev.packetwalk.net.MacAddress;
import dev.packetwalk.net.sim.Decision;

/**
 * The decisions the kernel's packet path takes, as data. Text is built only when a walk
 * asks for it.
 */
public sealed interface StackDecision extends Decision {

    /** A route was chosen: the table, the policy rule's priority (-1 when rules were not consulted). */
    record RouteChosen(int table, long rulePriority, Route route, int dst) implements StackDecision {
        @Override
        public String text() {
            StringBuilder sb = new StringBuilder("route ");
            Ipv4.appendTo(sb, dst);
            if (route != null) {
                sb.append(": ");
                Ipv4.appendTo(sb, route.dst());
                sb.append('/').append(route.prefixLength());
                if (route.gateway() != 0) {
                    sb.append(" via ");
                    Ipv4.appendTo(sb, route.gateway());
                }
            }
            sb.append(" table ").append(table);
            if (rulePriority >= 0) {
                sb.append(" (rule ").append(rulePriority).append(')');
            }
            return sb.toString();
        }
    }

    /** One iptables step (rule hit or chain policy) of a hook. */
    record NetfilterStep(Step step) implements StackDecision {
        @Override
        public String text() {
            return "iptables " + step;
        }
    }

    /** NAT rewrote an address. */
    record NatApplied(boolean source, int from, int to) implements StackDecision {
        @Override
        public String text() {
            return (source ? "SNAT " : "DNAT ") + Ipv4.format(from) + " -> " + Ipv4.format(to);
        }
    }

    /** The neighbour of the next hop was known; the frame goes to its address. */
    record NeighbourResolved(String dev, int address, long lladdr, NudState state) implements StackDecision {
        @Override
        public String text() {
            return "neighbour " + Ipv4.format(address) + " dev " + dev + " lladdr "
                    + new MacAddress(lladdr) + " " + state;
        }
    }

    /** The neighbour is being resolved: the packet waits in the queue of an INCOMPLETE entry. */
    record NeighbourQueued(String dev, int address, boolean solicited) implements StackDecision {
        @Override
        public String text() {
            return "neighbour " + Ipv4.format(address) + " dev " + dev + " INCOMPLETE: packet queued"
                    + (solicited ? ", ARP request sent" : "");
        }
    }

    /** An ARP request was answered, for a local address or by proxy. */
    record ArpAnswered(String dev, int address, boolean proxy) implements StackDecision {
        @Override
        public String text() {
            return (proxy ? "proxy ARP reply for " : "ARP reply for ") + Ipv4.format(address) + " on " + dev;
        }
    }

    /** A neighbour entry was created or changed by an ARP message. */
    record NeighbourLearned(String dev, int address, long lladdr, NudState state) implements StackDecision {
        @Override
        public String text() {
            return "neighbour " + Ipv4.format(address) + " dev " + dev + " lladdr "
                    + new MacAddress(lladdr) + " now " + state;
        }
    }

    /** A bridge learned a source address on a port. */
    record BridgeLearned(long mac, String port) implements StackDecision {
        @Override
        public String text() {
            return "fdb: learned " + new MacAddress(mac) + " on " + port;
        }
    }

    /** A bridge forwarded to the port the destination was learned on. */
    record BridgeForwarded(long mac, String port) implements StackDecision {
        @Override
        public String text() {
            return "fdb: " + new MacAddress(mac) + " is on " + port;
        }
    }

    /** A bridge flooded (unknown unicast, broadcast or multicast). */
    record BridgeFlooded(int ports, boolean local) implements StackDecision {
        @Override
        public String text() {
            return "flood to " + ports + " port(s)" + (local ? " and up to the bridge" : "");
        }
    }

    /** The kernel generated an ICMP message (echo reply or error). */
    record IcmpGenerated(int type, int code, int to) implements StackDecision {
        @Override
        public String text() {
            return "ICMP type " + type + " code " + code + " sent to " + Ipv4.format(to);
        }
    }

    /** The packet was delivered locally (to a socket or the kernel's ICMP/TCP/UDP handling). */
    record Delivered(String what) implements StackDecision {
        @Override
        public String text() {
            return "local delivery: " + what;
        }
    }

    /** The frame's journey ended here. */
    record Dropped(DropReason reason) implements StackDecision {
        @Override
        public String text() {
            return "drop: " + reason.name().toLowerCase().replace('_', ' ');
        }

        @Override
        public boolean isDrop() {
            return true;
        }
    }
}
