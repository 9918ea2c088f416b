package dev.packetwalk.net.packet;

import java.util.List;
import java.util.Objects;

import dev.packetwalk.net.MacAddress;

/**
 * An Ethernet frame as an immutable value: destination and source MAC (48 bits in a long), up
 * to two 802.1Q tags (outermost first) and the payload. {@link #write} puts the real bytes,
 * checksums included, into a caller's array; {@link FrameDecoder} reads them back.
 */
public record Frame(long dst, long src, List<VlanTag> vlans, EtherPayload payload) {
    public static final int HEADER = 14;
    public static final int MAX_TAGS = 2;

    public Frame {
        if ((dst >>> 48) != 0 || (src >>> 48) != 0) {
            throw new IllegalArgumentException("MAC addresses must be 48 bits");
        }
        vlans = List.copyOf(vlans);
        if (vlans.size() > MAX_TAGS) {
            throw new IllegalArgumentException("at most " + MAX_TAGS + " VLAN tags, not " + vlans.size());
        }
        Objects.requireNonNull(payload, "payload");
    }

    public static Frame of(long dst, long src, EtherPayload payload) {
        return new Frame(dst, src, List.of(), payload);
    }

    public static Frame of(MacAddress dst, MacAddress src, EtherPayload payload) {
        return of(dst.bits(), src.bits(), payload);
    }

    public MacAddress dstMac() {
        return new MacAddress(dst);
    }

    public MacAddress srcMac() {
        return new MacAddress(src);
    }

    /** The ethertype after the tags (that of the payload). */
    public int etherType() {
        return payload.etherType();
    }

    /** The IPv4 packet, or null when the frame carries something else. */
    public Ipv4Packet ipv4() {
        return payload instanceof Ipv4Packet ip ? ip : null;
    }

    public Arp arp() {
        return payload instanceof Arp a ? a : null;
    }

    public Frame withDst(long v) {
        return new Frame(v, src, vlans, payload);
    }

    public Frame withSrc(long v) {
        return new Frame(dst, v, vlans, payload);
    }

    public Frame withVlans(List<VlanTag> v) {
        return new Frame(dst, src, v, payload);
    }

    /** Adds {@code tag} as the new outermost tag. */
    public Frame pushVlan(VlanTag tag) {
        VlanTag[] tags = new VlanTag[vlans.size() + 1];
        tags[0] = tag;
        for (int i = 0; i < vlans.size(); i++) {
            tags[i + 1] = vlans.get(i);
        }
        return withVlans(List.of(tags));
    }

    /** Removes the outermost tag (a frame without one is returned as is). */
    public Frame popVlan() {
        return vlans.isEmpty() ? this : withVlans(vlans.subList(1, vlans.size()));
    }

    public Frame withPayload(EtherPayload v) {
        return new Frame(dst, src, vlans, v);
    }

    /** The length on the wire (no FCS, no padding to 60 bytes). */
    public int length() {
        return HEADER + 4 * vlans.size() + payload.length();
    }

    /** Writes the frame at {@code off} of {@code b} (which must have {@link #length()} bytes free); returns the length. */
    public int write(byte[] b, int off) {
        Wire.mac(b, off, dst);
        Wire.mac(b, off + 6, src);
        int at = off + 12;
        for (VlanTag t : vlans) {
            Wire.u16(b, at, VlanTag.TPID);
            Wire.u16(b, at + 2, t.tci());
            at += 4;
        }
        Wire.u16(b, at, payload.etherType());
        at += 2;
        return at - off + payload.write(b, at);
    }

    public byte[] toBytes() {
        byte[] b = new byte[length()];
        write(b, 0);
        return b;
    }
}
