package dev.packetwalk.linux.netfilter;

import dev.packetwalk.linux.ipset.IpSet;
import dev.packetwalk.linux.ipset.IpSetFamily;
import dev.packetwalk.linux.ipset.IpSets;

/** Lets the set match look into a namespace's ipsets. */
public record IpSetEnv(IpSets sets) implements MatchEnv {
    @Override
    public boolean inSet(String set, Packet p, boolean[] src) {
        int addr = src[0] ? p.src() : p.dst();
        int port = src.length > 1 ? (src[1] ? p.sport() : p.dport()) : 0;
        return sets.contains(set, addr, p.proto(), port);
    }

    @Override
    public boolean setExists(String set) {
        return sets.get(set) != null;
    }

    @Override
    public boolean setIsInet6(String set) {
        IpSet s = sets.get(set);
        return s != null && s.family() == IpSetFamily.INET6;
    }
}
