package dev.packetwalk.linux.netfilter;

/** What matches may consult beyond the packet: the namespace's ipsets. */
public interface MatchEnv {
    /** True when the named set holds the packet's address (and port) picked by {@code flags}. */
    boolean inSet(String set, Packet packet, boolean[] srcFlags);

    /** True when the named set exists (rules may only reference existing sets). */
    boolean setExists(String set);

    /** True when the named set holds IPv6 addresses (an iptables rule cannot use it). */
    boolean setIsInet6(String set);

    MatchEnv NONE = new MatchEnv() {
        @Override
        public boolean inSet(String set, Packet packet, boolean[] srcFlags) {
            return false;
        }

        @Override
        public boolean setExists(String set) {
            return false;
        }

        @Override
        public boolean setIsInet6(String set) {
            return false;
        }
    };
}
