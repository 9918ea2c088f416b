package dev.packetwalk.cloud.agent.iptables;

/**
 * The rule comments Neutron's agents write (iptables_comments.py, with the default
 * {@code comment_iptables_rules=True}), literally (neutron.md §7.3).
 */
public final class RuleComments {
    public static final String SNAT_OUT = "Perform source NAT on outgoing traffic.";
    public static final String UNMATCH_DROP = "Default drop rule for unmatched traffic.";
    public static final String VM_INT_SG = "Direct traffic from the VM interface to the security group chain.";
    public static final String SG_TO_VM_SG = "Jump to the VM specific chain.";
    public static final String INPUT_TO_SG = "Direct incoming traffic from VM to the security group chain.";
    public static final String PAIR_ALLOW = "Allow traffic from defined IP/MAC pairs.";
    public static final String PAIR_DROP = "Drop traffic without an IP/MAC allow rule.";
    public static final String DHCP_CLIENT = "Allow DHCP client traffic.";
    public static final String DHCP_SPOOF = "Prevent DHCP Spoofing by VM.";
    public static final String UNMATCHED = "Send unmatched traffic to the fallback chain.";
    public static final String INVALID_DROP = "Drop packets that appear related to an existing connection (e.g. "
            + "TCP ACK/FIN) but do not have an entry in conntrack.";
    public static final String ALLOW_ASSOC = "Direct packets associated with a known session to the RETURN chain.";
    public static final String PORT_SEC_ACCEPT = "Accept all packets when port security is disabled.";

    private RuleComments() {
    }
}
