package dev.packetwalk.linux.netfilter;

/**
 * One decision during a traversal, for the packet walk: the table and chain, the rule number
 * (1-based; 0 for the chain's policy) and its text as iptables -S prints it, and the verdict
 * or action taken ("ACCEPT", "DROP", "jump neutron-openvswi-sg-chain", "DNAT 10.0.0.5", ...).
 */
public record Step(String table, String chain, int rule, String ruleText, String action) {
    @Override
    public String toString() {
        return table + "/" + chain + (rule > 0 ? " #" + rule + " " + ruleText : " policy") + " -> " + action;
    }
}
