package dev.packetwalk.cloud.agent.ovs;

import dev.packetwalk.cloud.agent.OvsLib.VifPort;
import dev.packetwalk.cloud.model.AddressPair;
import dev.packetwalk.cloud.model.Cidr;
import dev.packetwalk.cloud.model.FixedIp;
import dev.packetwalk.cloud.model.Port;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * The agent's setup_arp_spoofing_protection for one bound port (neutron.md §5.3): ports of
 * {@code network:*} owners and ports without port security get none; the others may send only
 * from their MACs (table 25), ARP only for their IPv4 addresses (24) and neighbour
 * advertisements only for their IPv6 ones, the MACs' link-local addresses always among them.
 */
final class ArpSpoofing {
    private static final long LINK_LOCAL_PREFIX = 0xfe80_0000_0000_0000L;

    private ArpSpoofing() {
    }

    static void protect(IntegrationBridge br, VifPort vif, Port port) {
        if (!port.portSecurity() || port.owner().isNetwork()) {
            return;
        }
        Set<Cidr> addresses = new LinkedHashSet<>();
        for (FixedIp f : port.fixedIps()) {
            addresses.add(new Cidr(f.ip(), 32));
        }
        Set<Long> macs = new LinkedHashSet<>();
        macs.add(vif.mac());
        for (AddressPair pair : port.allowedAddressPairs()) {
            addresses.add(pair.ip());
            if (pair.mac() != 0) {
                macs.add(pair.mac());
            }
        }
        br.setAllowedMacsForPort(vif.ofport(), List.copyOf(macs));
        List<long[]> ipv6 = new ArrayList<>();
        for (long mac : macs) {
            ipv6.add(new long[] {LINK_LOCAL_PREFIX, eui64(mac)});
        }
        br.installIcmpv6NaSpoofingProtection(vif.ofport(), ipv6);
        if (addresses.stream().noneMatch(a -> a.prefixLength() == 0)) {
            br.installArpSpoofingProtection(vif.ofport(), List.copyOf(addresses));
        }
    }

    /** The interface identifier of a MAC's EUI-64 address: the universal/local bit flipped, ff:fe in the middle. */
    static long eui64(long mac) {
        long high = (mac >>> 24) ^ 0x02_0000L;
        long low = mac & 0xff_ffffL;
        return (high << 40) | (0xfffeL << 24) | low;
    }
}
