package dev.packetwalk.linux.stack;

/** Why the kernel's packet path dropped a frame (close to the kernel's skb drop reasons). */
public enum DropReason {
    /** The frame's destination MAC is another host's (PACKET_OTHERHOST). */
    OTHER_HOST,
    /** The device (or the bridge the port belongs to) is down. */
    DEVICE_DOWN,
    /** No route to the destination (an ICMP unreachable may have been sent). */
    NO_ROUTE,
    /** Source validation failed: rp_filter or a martian address. */
    MARTIAN,
    /** The packet is not for this host and forwarding is off on the input device. */
    FORWARDING_DISABLED,
    /** The TTL ran out while forwarding (ICMP time exceeded sent). */
    TTL_EXCEEDED,
    /** An iptables rule or chain policy dropped it. */
    NETFILTER_DROP,
    /** An iptables REJECT rule dropped it and answered. */
    NETFILTER_REJECT,
    /** The neighbour never answered ARP (ICMP host unreachable sent). */
    NEIGHBOUR_FAILED,
    /** A bridge would send it back out of the port it came in on. */
    BRIDGE_SAME_PORT,
    /** The device's far side is outside the kernel and nothing is attached to it. */
    NO_FAR_SIDE,
    /** No socket wanted it (an echo reply or error nobody waits for). */
    NO_SOCKET,
    /** An ICMP error the per-destination token bucket (icmp_ratelimit) held back. */
    ICMP_RATE_LIMITED,
    /** A protocol or frame kind the emulated path does not handle. */
    UNSUPPORTED
}
