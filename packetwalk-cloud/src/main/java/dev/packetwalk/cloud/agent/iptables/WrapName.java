package dev.packetwalk.cloud.agent.iptables;

/**
 * The prefix an agent's iptables manager wraps its chain names with: the agent's binary name
 * cut to 16 characters ({@code neutron-openvswi}), so that prefix, dash and an 11-character
 * chain name fit iptables' 28 (neutron.md §1.7).
 */
public record WrapName(String binary) {
    /** Chain names a manager wraps are cut to this length (MAX_CHAIN_LEN_WRAP). */
    static final int MAX_WRAPPED = 11;
    /** Chain names it does not wrap are cut to this length (MAX_CHAIN_LEN_NOWRAP). */
    static final int MAX_UNWRAPPED = 28;
    private static final int MAX_BINARY = 16;

    /** neutron-openvswitch-agent: {@code neutron-openvswi-}. */
    public static final WrapName OVS_AGENT = of("neutron-openvswitch-agent");
    /** neutron-l3-agent: {@code neutron-l3-agent-}. */
    public static final WrapName L3_AGENT = of("neutron-l3-agent");
    /** neutron-dhcp-agent: {@code neutron-dhcp-age-}. */
    public static final WrapName DHCP_AGENT = of("neutron-dhcp-agent");

    public WrapName {
        if (binary.isEmpty() || binary.length() > MAX_BINARY || binary.contains(" ")) {
            throw new IllegalArgumentException("not a wrap name: \"" + binary + "\"");
        }
    }

    /** The wrap name of a binary: its name cut to 16 characters, spaces as underscores. */
    public static WrapName of(String binaryName) {
        String name = binaryName.replace(' ', '_');
        return new WrapName(name.length() > MAX_BINARY ? name.substring(0, MAX_BINARY) : name);
    }

    /** The full name of a wrapped chain: {@code neutron-openvswi-sg-chain}. */
    public String chain(String name) {
        return binary + "-" + cut(name, true);
    }

    /** A chain name as the manager keeps it: cut to 11 characters when wrapped, 28 when not. */
    static String cut(String name, boolean wrapped) {
        int max = wrapped ? MAX_WRAPPED : MAX_UNWRAPPED;
        return name.length() > max ? name.substring(0, max) : name;
    }
}
