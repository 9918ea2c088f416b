package dev.packetwalk.host.command.ovs;

import dev.packetwalk.net.Clock;
import dev.packetwalk.ovs.Vswitch;
import dev.packetwalk.ovs.flow.Flow;
import dev.packetwalk.ovs.flow.FlowSyntaxException;
import dev.packetwalk.ovs.ofproto.Bridge;
import dev.packetwalk.ovs.ofproto.BridgePort;
import dev.packetwalk.ovs.ofproto.PortKind;
import dev.packetwalk.ovs.xlate.InjectedPacket;
import dev.packetwalk.ovs.xlate.Tracer;

import java.util.List;

/**
 * The ovs-appctl commands ovs-vswitchd has when started with {@code --enable-dummy}, as OVS's own
 * tests use them: {@code netdev-dummy/receive} (a real packet enters a port: MAC learning,
 * learn(), rule and table counters) and {@code time/stop} / {@code time/warp} (the switch's
 * monotonic clock, here the host's virtual clock, which never runs on its own). Also
 * {@code revalidator/wait}: our counters are credited at once, so there is nothing to wait for.
 */
final class OvsAppctlDummy {
    /** OVS's ETH_TOTAL_MIN: the smallest {@code --len}. */
    private static final int MIN_LEN = 60;

    private OvsAppctlDummy() {
    }

    /** {@code netdev-dummy/receive NAME [--qid 0] PACKET|FLOW [--len N] ...}. */
    static String receive(Vswitch vs, List<String> args) {
        OvsAppctl.arity("netdev-dummy/receive", args, 2, Integer.MAX_VALUE);
        String name = args.get(0);
        Bridge bridge = vs.bridgeOfPort(name).orElse(null);
        BridgePort port = bridge == null ? null : bridge.port(name);
        if (port == null || port.kind() == PortKind.PATCH || port.kind() == PortKind.TUNNEL) {
            throw new OvsAppctl.ServerError("no such dummy netdev");
        }
        Tracer tracer = new Tracer(vs);
        for (int i = 1; i < args.size(); i++) {
            if (args.get(i).equals("--qid")) {
                if (i + 1 >= args.size() || !args.get(i + 1).equals("0")) {
                    throw new OvsAppctl.ServerError("bad rx queue id.");
                }
                i += 2;
                if (i >= args.size()) {
                    break;
                }
            }
            int len = 0;
            if (i + 1 < args.size() && args.get(i + 1).equals("--len")) {
                len = i + 2 < args.size() ? (int) Math.min(Integer.MAX_VALUE, OvsAppctl.atoll(args.get(i + 2))) : 0;
                if (len < MIN_LEN) {
                    throw new OvsAppctl.ServerError("too small packet len");
                }
            }
            InjectedPacket packet;
            try {
                packet = InjectedPacket.parse(args.get(i));
            } catch (FlowSyntaxException e) {
                throw new OvsAppctl.ServerError(e.getMessage());
            }
            Flow flow = packet.flow().copy();
            flow.setInPort(port.ofport());
            tracer.trace(bridge, flow, Tracer.Mode.PACKET, List.of(), len > 0 ? len : packet.size());
            if (len > 0) {
                i += 2;
            }
        }
        return "";
    }

    /**
     * {@code time/warp [LARGE_MSECS] MSECS}: advances the clock by LARGE_MSECS (in MSECS steps),
     * or by MSECS when LARGE_MSECS is 0 or absent; numbers read as C's atoll does.
     */
    static String warp(Clock clock, List<String> args) {
        OvsAppctl.arity("time/warp", args, 1, 2);
        long total = args.size() > 1 ? OvsAppctl.atoll(args.get(0)) : 0;
        long msecs = OvsAppctl.atoll(args.get(args.size() - 1));
        if (msecs <= 0 || total < 0) {
            throw new OvsAppctl.ServerError("invalid MSECS");
        }
        clock.advanceMillis(total > 0 ? total : msecs);
        return "warped\n";
    }

    /** {@code time/stop}: our clock only moves when told to, so it is already stopped. */
    static String stop(List<String> args) {
        OvsAppctl.arity("time/stop", args, 0, 0);
        return "";
    }

    /** {@code revalidator/wait}: counters are credited when the packet passes, so it returns at once. */
    static String revalidatorWait(List<String> args) {
        OvsAppctl.arity("revalidator/wait", args, 0, 0);
        return "";
    }
}
