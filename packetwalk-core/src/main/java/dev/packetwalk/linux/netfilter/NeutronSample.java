package dev.packetwalk.linux.netfilter;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;

/**
 * A seeded generator of Neutron-shaped netfilter state, as command lines: the hybrid
 * firewall's chains for N ports (neutron.md §7.4-7.6, Ocata or Pike flavour) with their
 * ipsets, and an L3 agent router skeleton with NAT (§8.1-8.2). Used by the differential tests
 * (the same commands go to the real tools) and by the benchmarks.
 */
public final class NeutronSample {
    /** One command line and the text on its standard input (empty for most). */
    public record Step(List<String> argv, String stdin) {
        static Step of(String... words) {
            return new Step(List.of(words), "");
        }
    }

    private static final String P = "neutron-openvswi-";
    private static final String ESTABLISHED = "Direct packets associated with a known session to the RETURN chain.";
    private static final String INVALID = "Drop packets that appear related to an existing connection (e.g. TCP ACK/FIN) but do not have an entry in conntrack.";
    private static final String FALLBACK = "Send unmatched traffic to the fallback chain.";

    /** A generated port: its 36-character id, tap name, fixed IP and MAC. */
    public record Port(String id, String tap, String ip, String mac) {
        public String short10() {
            return id.substring(0, 10);
        }
    }

    private final Random random;
    private final List<Step> steps = new ArrayList<>();
    private final List<Port> ports = new ArrayList<>();

    public NeutronSample(long seed) {
        this.random = new Random(seed);
    }

    public List<Step> steps() {
        return steps;
    }

    public List<Port> ports() {
        return ports;
    }

    private void ipt(String... words) {
        List<String> argv = new ArrayList<>();
        argv.add("iptables");
        argv.addAll(Arrays.asList(words));
        steps.add(new Step(argv, ""));
    }

    private String hex(int n) {
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < n; i++) {
            sb.append(Character.forDigit(random.nextInt(16), 16));
        }
        return sb.toString();
    }

    private String uuid() {
        return hex(8) + "-" + hex(4) + "-" + hex(4) + "-" + hex(4) + "-" + hex(12);
    }

    /** The hybrid firewall for {@code n} ports; Pike style (3 zone rules, comments) or Ocata. */
    public NeutronSample firewall(int n, boolean pike) {
        String sg = uuid();
        String set = "NIPv4" + sg.substring(0, 24);
        steps.add(Step.of("ipset", "create", set, "hash:net", "family", "inet"));
        for (int i = 0; i < n; i++) {
            String id = uuid();
            String ip = "10." + random.nextInt(4) + "." + random.nextInt(256) + "." + (2 + random.nextInt(250));
            String mac = "fa:16:3e:" + hex(2) + ":" + hex(2) + ":" + hex(2);
            ports.add(new Port(id, ("tap" + id.substring(0, 11)).intern(), ip, mac));
            steps.add(Step.of("ipset", "-exist", "add", set, ip));
        }
        ports.sort((a, b) -> a.id().compareTo(b.id()));
        for (String c : List.of("neutron-filter-top", P + "FORWARD", P + "INPUT", P + "OUTPUT", P + "local",
                P + "sg-chain", P + "sg-fallback")) {
            ipt("-N", c);
        }
        ipt("-A", "INPUT", "-j", P + "INPUT");
        ipt("-A", "FORWARD", "-j", "neutron-filter-top");
        ipt("-A", "FORWARD", "-j", P + "FORWARD");
        ipt("-A", "OUTPUT", "-j", "neutron-filter-top");
        ipt("-A", "OUTPUT", "-j", P + "OUTPUT");
        ipt("-A", "neutron-filter-top", "-j", P + "local");
        ipt("-A", P + "sg-fallback", "-m", "comment", "--comment", "Default drop rule for unmatched traffic.", "-j", "DROP");
        ipt("-t", "raw", "-N", P + "PREROUTING");
        ipt("-t", "raw", "-N", P + "OUTPUT");
        ipt("-t", "raw", "-A", "PREROUTING", "-j", P + "PREROUTING");
        ipt("-t", "raw", "-A", "OUTPUT", "-j", P + "OUTPUT");
        int zone = pike && random.nextBoolean() ? 4097 : 1;
        for (Port p : ports) {
            port(p, set, pike, zone++);
        }
        ipt("-A", P + "sg-chain", "-j", "ACCEPT");
        return this;
    }

    private void port(Port p, String set, boolean pike, int zone) {
        String i = P + "i" + p.short10();
        String o = P + "o" + p.short10();
        String s = P + "s" + p.short10();
        String qvb = "qvb" + p.id().substring(0, 11);
        String zoneComment = "Set zone for " + p.id().substring(4);
        if (pike) {
            ipt("-t", "raw", "-A", P + "PREROUTING", "-m", "physdev", "--physdev-in", qvb, "-m", "comment", "--comment", zoneComment, "-j", "CT", "--zone", Integer.toString(zone));
            ipt("-t", "raw", "-A", P + "PREROUTING", "-i", qvb, "-m", "comment", "--comment", zoneComment, "-j", "CT", "--zone", Integer.toString(zone));
            ipt("-t", "raw", "-A", P + "PREROUTING", "-m", "physdev", "--physdev-in", p.tap(), "-m", "comment", "--comment", zoneComment, "-j", "CT", "--zone", Integer.toString(zone));
        } else {
            ipt("-t", "raw", "-A", P + "PREROUTING", "-m", "physdev", "--physdev-in", qvb, "-j", "CT", "--zone", Integer.toString(zone));
            ipt("-t", "raw", "-A", P + "PREROUTING", "-m", "physdev", "--physdev-in", p.tap(), "-j", "CT", "--zone", Integer.toString(zone));
        }
        ipt("-N", i);
        ipt("-N", o);
        ipt("-N", s);
        String direct = "Direct traffic from the VM interface to the security group chain.";
        ipt("-A", P + "FORWARD", "-m", "physdev", "--physdev-out", p.tap(), "--physdev-is-bridged", "-m", "comment", "--comment", direct, "-j", P + "sg-chain");
        ipt("-A", P + "sg-chain", "-m", "physdev", "--physdev-out", p.tap(), "--physdev-is-bridged", "-m", "comment", "--comment", "Jump to the VM specific chain.", "-j", i);
        ipt("-A", P + "FORWARD", "-m", "physdev", "--physdev-in", p.tap(), "--physdev-is-bridged", "-m", "comment", "--comment", direct, "-j", P + "sg-chain");
        ipt("-A", P + "sg-chain", "-m", "physdev", "--physdev-in", p.tap(), "--physdev-is-bridged", "-m", "comment", "--comment", "Jump to the VM specific chain.", "-j", o);
        ipt("-A", P + "INPUT", "-m", "physdev", "--physdev-in", p.tap(), "--physdev-is-bridged", "-m", "comment", "--comment", "Direct incoming traffic from VM to the security group chain.", "-j", o);
        ipt("-A", i, "-m", "state", "--state", "RELATED,ESTABLISHED", "-m", "comment", "--comment", ESTABLISHED, "-j", "RETURN");
        ipt("-A", i, "-d", p.ip(), "-p", "udp", "-m", "udp", "--sport", "67", "--dport", "68", "-j", "RETURN");
        ipt("-A", i, "-d", "255.255.255.255/32", "-p", "udp", "-m", "udp", "--sport", "67", "--dport", "68", "-j", "RETURN");
        int rules = random.nextInt(5);
        for (int r = 0; r < rules; r++) {
            sgRule(i);
        }
        ipt("-A", i, "-m", "set", "--match-set", set, "src", "-j", "RETURN");
        ipt("-A", i, "-m", "state", "--state", "INVALID", "-m", "comment", "--comment", INVALID, "-j", "DROP");
        ipt("-A", i, "-m", "comment", "--comment", FALLBACK, "-j", P + "sg-fallback");
        ipt("-A", o, "-s", "0.0.0.0/32", "-d", "255.255.255.255/32", "-p", "udp", "-m", "udp", "--sport", "68", "--dport", "67", "-m", "comment", "--comment", "Allow DHCP client traffic.", "-j", "RETURN");
        ipt("-A", o, "-j", s);
        ipt("-A", o, "-p", "udp", "-m", "udp", "--sport", "68", "--dport", "67", "-m", "comment", "--comment", "Allow DHCP client traffic.", "-j", "RETURN");
        ipt("-A", o, "-p", "udp", "-m", "udp", "--sport", "67", "--dport", "68", "-m", "comment", "--comment", "Prevent DHCP Spoofing by VM.", "-j", "DROP");
        ipt("-A", o, "-m", "state", "--state", "RELATED,ESTABLISHED", "-m", "comment", "--comment", ESTABLISHED, "-j", "RETURN");
        ipt("-A", o, "-j", "RETURN");
        ipt("-A", o, "-m", "state", "--state", "INVALID", "-m", "comment", "--comment", INVALID, "-j", "DROP");
        ipt("-A", o, "-m", "comment", "--comment", FALLBACK, "-j", P + "sg-fallback");
        String mac = random.nextBoolean() ? p.mac().toUpperCase() : p.mac();
        ipt("-A", s, "-s", p.ip() + "/32", "-m", "mac", "--mac-source", mac, "-m", "comment", "--comment", "Allow traffic from defined IP/MAC pairs.", "-j", "RETURN");
        ipt("-A", s, "-m", "comment", "--comment", "Drop traffic without an IP/MAC allow rule.", "-j", "DROP");
    }

    private void sgRule(String chain) {
        List<String> w = new ArrayList<>(List.of("-A", chain));
        if (random.nextInt(3) == 0) {
            w.add("-s");
            w.add(random.nextInt(256) + "." + random.nextInt(256) + ".0.0/" + (8 + random.nextInt(25)));
        }
        switch (random.nextInt(6)) {
            case 0 -> w.addAll(List.of("-p", "tcp", "-m", "tcp", "--dport", Integer.toString(1 + random.nextInt(10000))));
            case 1 -> {
                int lo = 1 + random.nextInt(60000);
                w.addAll(List.of("-p", "tcp", "-m", "multiport", "--dports", lo + ":" + (lo + random.nextInt(100))));
            }
            case 2 -> w.addAll(List.of("-p", "udp", "--dport", Integer.toString(1 + random.nextInt(1000))));
            case 3 -> w.addAll(List.of("-p", "icmp", "--icmp-type", Integer.toString(random.nextInt(19))));
            case 4 -> w.addAll(List.of("-p", "icmp"));
            default -> w.addAll(List.of("-p", "tcp", "--dport", random.nextBoolean() ? "22" : "80"));
        }
        w.addAll(List.of("-j", "RETURN"));
        ipt(w.toArray(new String[0]));
    }

    /** The L3 agent skeleton of a legacy router with SNAT and {@code fips} floating IPs. */
    public NeutronSample router(int fips) {
        String a = "neutron-l3-agent-";
        String qg = "qg-" + hex(8) + "-" + hex(2);
        String qr = "qr-" + hex(8) + "-" + hex(2);
        String gw = "172.24.4." + (2 + random.nextInt(200));
        for (String c : List.of("PREROUTING", "OUTPUT", "POSTROUTING", "snat", "float-snat")) {
            ipt("-t", "nat", "-N", a + c);
        }
        ipt("-t", "nat", "-N", "neutron-postrouting-bottom");
        ipt("-t", "nat", "-A", "PREROUTING", "-j", a + "PREROUTING");
        ipt("-t", "nat", "-A", "OUTPUT", "-j", a + "OUTPUT");
        ipt("-t", "nat", "-A", "POSTROUTING", "-j", a + "POSTROUTING");
        ipt("-t", "nat", "-A", "POSTROUTING", "-j", "neutron-postrouting-bottom");
        ipt("-t", "nat", "-A", "neutron-postrouting-bottom", "-m", "comment", "--comment", "Perform source NAT on outgoing traffic.", "-j", a + "snat");
        ipt("-t", "nat", "-A", a + "snat", "-j", a + "float-snat");
        ipt("-t", "nat", "-A", a + "PREROUTING", "-d", "169.254.169.254/32", "-i", "qr-+", "-p", "tcp", "-m", "tcp", "--dport", "80", "-j", "REDIRECT", "--to-ports", "9697");
        ipt("-t", "nat", "-A", a + "POSTROUTING", "!", "-i", qg, "!", "-o", qg, "-m", "conntrack", "!", "--ctstate", "DNAT", "-j", "ACCEPT");
        ipt("-t", "nat", "-A", a + "snat", "-o", qg, "-j", "SNAT", "--to-source", gw);
        ipt("-t", "nat", "-A", a + "snat", "-m", "mark", "!", "--mark", "0x2/0xffff", "-m", "conntrack", "--ctstate", "DNAT", "-j", "SNAT", "--to-source", gw);
        for (int f = 0; f < fips; f++) {
            String fip = "172.24.4." + (2 + random.nextInt(250));
            String fixed = "192.168.1." + (2 + random.nextInt(250));
            ipt("-t", "nat", "-A", a + "PREROUTING", "-d", fip + "/32", "-j", "DNAT", "--to-destination", fixed);
            ipt("-t", "nat", "-A", a + "OUTPUT", "-d", fip + "/32", "-j", "DNAT", "--to-destination", fixed);
            ipt("-t", "nat", "-A", a + "float-snat", "-s", fixed + "/32", "-j", "SNAT", "--to-source", fip);
        }
        for (String c : List.of("PREROUTING", "INPUT", "FORWARD", "OUTPUT", "POSTROUTING", "mark", "scope", "floatingip", "float-snat")) {
            ipt("-t", "mangle", "-N", a + c);
        }
        ipt("-t", "mangle", "-A", "PREROUTING", "-j", a + "PREROUTING");
        ipt("-t", "mangle", "-A", a + "PREROUTING", "-j", a + "mark");
        ipt("-t", "mangle", "-A", a + "PREROUTING", "-j", a + "scope");
        ipt("-t", "mangle", "-A", a + "PREROUTING", "-m", "connmark", "!", "--mark", "0x0/0xffff0000", "-j", "CONNMARK", "--restore-mark", "--nfmask", "0xffff0000", "--ctmask", "0xffff0000");
        ipt("-t", "mangle", "-A", a + "PREROUTING", "-j", a + "floatingip");
        ipt("-t", "mangle", "-A", a + "PREROUTING", "-d", "169.254.169.254/32", "-i", "qr-+", "-p", "tcp", "-m", "tcp", "--dport", "80", "-j", "MARK", "--set-xmark", "0x1/0xffff");
        ipt("-t", "mangle", "-A", a + "mark", "-i", qg, "-j", "MARK", "--set-xmark", "0x2/0xffff");
        ipt("-t", "mangle", "-A", a + "scope", "-i", qr, "-j", "MARK", "--set-xmark", "0x4000000/0xffff0000");
        ipt("-t", "mangle", "-A", a + "float-snat", "-m", "connmark", "--mark", "0x0/0xffff0000", "-j", "CONNMARK", "--save-mark", "--nfmask", "0xffff0000", "--ctmask", "0xffff0000");
        ipt("-t", "mangle", "-A", a + "POSTROUTING", "-o", qg, "-m", "connmark", "--mark", "0x0/0xffff0000", "-j", "CONNMARK", "--save-mark", "--nfmask", "0xffff0000", "--ctmask", "0xffff0000");
        ipt("-N", a + "INPUT");
        ipt("-N", a + "scope");
        ipt("-A", "INPUT", "-j", a + "INPUT");
        ipt("-A", a + "INPUT", "-m", "mark", "--mark", "0x1/0xffff", "-j", "ACCEPT");
        ipt("-A", a + "INPUT", "-p", "tcp", "-m", "tcp", "--dport", "9697", "-j", "DROP");
        ipt("-A", a + "scope", "-o", qr, "-m", "mark", "!", "--mark", "0x4000000/0xffff0000", "-j", "DROP");
        return this;
    }

    /** Edits the generated state: inserts, deletes, replacements, policies, and bad commands. */
    public NeutronSample mutations(int count) {
        List<String[]> pool = List.of(
                new String[] {"-I", "INPUT", "1", "-s", "10.9.8.7", "-j", "DROP"},
                new String[] {"-I", "FORWARD", "2", "-p", "tcp", "--syn", "-j", "ACCEPT"},
                new String[] {"-D", "INPUT", "1"},
                new String[] {"-R", "INPUT", "1", "-i", "eth+", "-j", "ACCEPT"},
                new String[] {"-P", "FORWARD", "DROP"},
                new String[] {"-A", "INPUT", "-p", "tcp", "--dport", "abc", "-j", "ACCEPT"},
                new String[] {"-A", "nochain", "-j", "ACCEPT"},
                new String[] {"-A", "INPUT", "-j", "nochain"},
                new String[] {"-X", "neutron-openvswi-sg-chain"},
                new String[] {"-D", "INPUT", "99"},
                new String[] {"-N", "INPUT"},
                new String[] {"-A", "OUTPUT", "-o", "lo", "-p", "udp", "-m", "multiport", "--dports", "53,67:68,123", "-j", "ACCEPT"},
                new String[] {"-A", "OUTPUT", "-m", "conntrack", "--ctstate", "NEW,RELATED", "-j", "LOG", "--log-prefix", "new: "},
                new String[] {"-A", "OUTPUT", "-p", "tcp", "-j", "REJECT", "--reject-with", "tcp-reset"},
                new String[] {"-A", "OUTPUT", "!", "-d", "10.0.0.0/255.0.255.0", "-j", "RETURN"},
                new String[] {"-C", "INPUT", "-j", "neutron-openvswi-INPUT"},
                new String[] {"-C", "INPUT", "-j", "DROP"},
                new String[] {"-S", "neutron-openvswi-sg-chain"},
                new String[] {"-L", "neutron-openvswi-sg-chain", "-n"},
                new String[] {"-L", "nochain"},
                new String[] {"-Z"});
        for (int k = 0; k < count; k++) {
            ipt(pool.get(random.nextInt(pool.size())));
        }
        return this;
    }

    /** An iptables-restore -c --noflush of a table with random counters (K/M/G printing). */
    public NeutronSample counters() {
        StringBuilder sb = new StringBuilder("*filter\n");
        sb.append(":INPUT ACCEPT [").append(big()).append(':').append(big()).append("]\n");
        sb.append(":FORWARD ").append(random.nextBoolean() ? "DROP" : "ACCEPT").append(" [").append(big()).append(':').append(big()).append("]\n");
        sb.append(":counted - [0:0]\n");
        for (int k = 0; k < 4; k++) {
            sb.append('[').append(big()).append(':').append(big()).append("] -A counted -s 192.0.2.").append(k).append(" -j RETURN\n");
        }
        sb.append("COMMIT\n");
        steps.add(new Step(List.of("iptables-restore", "-c", "--noflush"), sb.toString()));
        return this;
    }

    private long big() {
        return switch (random.nextInt(5)) {
            case 0 -> random.nextInt(100);
            case 1 -> random.nextInt(100_000);
            case 2 -> random.nextInt(100_000_000);
            case 3 -> Math.abs(random.nextLong() % 100_000_000_000L);
            default -> Math.abs(random.nextLong() % 10_000_000_000_000_000L);
        };
    }
}
