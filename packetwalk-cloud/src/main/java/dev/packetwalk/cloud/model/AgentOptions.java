package dev.packetwalk.cloud.model;

/**
 * Cloud-wide agent switches: the ML2 l2population driver with the OVS agent's ARP responder,
 * ipsets for remote groups, ARP spoofing protection, and the metadata proxy.
 */
public record AgentOptions(boolean l2population, boolean arpResponder, boolean enableIpset,
        boolean preventArpSpoofing, boolean metadata) {
    public static final AgentOptions DEFAULTS = new AgentOptions(false, false, true, true, true);

    public AgentOptions {
        if (arpResponder && !l2population) {
            throw new ModelException("arp_responder needs l2population");
        }
    }
}
