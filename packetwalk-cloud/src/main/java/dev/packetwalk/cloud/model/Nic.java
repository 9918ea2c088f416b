package dev.packetwalk.cloud.model;

/** A node's physical NIC: its name, its address with prefix, and the default gateway behind it (null: none). */
public record Nic(String name, Cidr address, Integer gateway, long mac) {
}
