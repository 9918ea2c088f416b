package dev.packetwalk.cloud.model;

import java.util.Map;

/**
 * Values a lab fixes on one node where the agents would otherwise choose them, so that a seed's
 * commands give the seed's answers: the Open_vSwitch row's UUID, each bridge's cookie, OpenFlow
 * port numbers, local VLANs (by network id), device MACs (Linux and OVS) and conntrack zones
 * (by port id). Empty maps pin nothing.
 */
public record Pins(String ovsUuid, Map<String, Long> cookies, Map<String, Integer> ofports,
        Map<String, Integer> localVlans, Map<String, Long> macs, Map<String, Integer> zones) {
    public static final Pins NONE = new Pins(null, Map.of(), Map.of(), Map.of(), Map.of(), Map.of());

    public Pins {
        cookies = Map.copyOf(cookies);
        ofports = Map.copyOf(ofports);
        localVlans = Map.copyOf(localVlans);
        macs = Map.copyOf(macs);
        zones = Map.copyOf(zones);
    }

    public Pins withLocalVlans(Map<String, Integer> newLocalVlans) {
        return new Pins(ovsUuid, cookies, ofports, newLocalVlans, macs, zones);
    }
}
