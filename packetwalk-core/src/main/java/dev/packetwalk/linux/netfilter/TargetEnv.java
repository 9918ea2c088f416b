package dev.packetwalk.linux.netfilter;

/** The packet being traversed, as targets may read and change it. */
public interface TargetEnv {
    Packet packet();

    void packet(Packet changed);

    /** A NAT target decided a binding for the connection. */
    void nat(NatTarget target);

    /** The CT target set the conntrack zone, or (notrack) exempted the packet. */
    void conntrackTemplate(int zone, boolean notrack);

    /** The packet's connection mark, as CONNMARK sets it. */
    void connmark(int mark);
}
