package dev.packetwalk.linux.netfilter;

import dev.packetwalk.net.Ipv4;
import dev.packetwalk.net.MacAddress;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;

/**
 * A seeded generator of Neutron-shaped netfilter state, as command lines: the hybrid
 * firewall's chains for N ports (neutron.md §7.4-7.6, Ocata or Pike flavour) with their
 * ipsets, an L3 agent router skeleton with NAT (§8.1-8.2) and the DHCP agent's mangle rule
 * (§9). Every rule it appends is also kept as typed parts ({@link #rules}), so tests can check
 * that the typed builder makes the rule the words make. Used by the differential tests (the
 * same commands go to the real tools) and by the benchmarks.
 */
public final class NeutronSample {
    /** One command line and the text on its standard input (empty for most). */
    public record Step(List<String> argv, String stdin) {
        static Step of(String... words) {
            return new Step(List.of(words), "");
        }
    }

    /**
     * One rule the sample appends: its table, chain and specification words, and the same rule
     * as typed parts (null when iptables refuses the words).
     */
    public record RuleLine(String table, String chain, List<String> words, RuleBuilder typed) {
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
    private final List<RuleLine> rules = new ArrayList<>();

    public NeutronSample(long seed) {
        this.random = new Random(seed);
    }

    public List<Step> steps() {
        return steps;
    }

    public List<Port> ports() {
        return ports;
    }

    /** The rules appended by {@link #firewall}, {@link #router} and {@link #dhcp}, in order. */
    public List<RuleLine> rules() {
        return rules;
    }

    private void ipt(String... words) {
        List<String> argv = new ArrayList<>();
        argv.add("iptables");
        argv.addAll(Arrays.asList(words));
        steps.add(new Step(argv, ""));
    }

    /** "iptables [-t TABLE] -A CHAIN WORDS...", kept with its typed twin. */
    private void rule(String table, String chain, RuleBuilder typed, String... words) {
        List<String> argv = new ArrayList<>(List.of("iptables"));
        if (!table.equals("filter")) {
            argv.addAll(List.of("-t", table));
        }
        argv.addAll(List.of("-A", chain));
        argv.addAll(Arrays.asList(words));
        steps.add(new Step(argv, ""));
        rules.add(new RuleLine(table, chain, List.of(words), typed));
    }

    /** "-A CHAIN -j TO". */
    private void jump(String table, String chain, String to) {
        rule(table, chain, Rule.builder().jump(to), "-j", to);
    }

    /** "-A CHAIN -m comment --comment TEXT -j TO". */
    private void jump(String table, String chain, String comment, String to) {
        rule(table, chain, Rule.builder().match(CommentMatch.of(comment)).jump(to),
                "-m", "comment", "--comment", comment, "-j", to);
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
        jump("filter", "INPUT", P + "INPUT");
        jump("filter", "FORWARD", "neutron-filter-top");
        jump("filter", "FORWARD", P + "FORWARD");
        jump("filter", "OUTPUT", "neutron-filter-top");
        jump("filter", "OUTPUT", P + "OUTPUT");
        jump("filter", "neutron-filter-top", P + "local");
        jump("filter", P + "sg-fallback", "Default drop rule for unmatched traffic.", "DROP");
        ipt("-t", "raw", "-N", P + "PREROUTING");
        ipt("-t", "raw", "-N", P + "OUTPUT");
        jump("raw", "PREROUTING", P + "PREROUTING");
        jump("raw", "OUTPUT", P + "OUTPUT");
        int zone = pike && random.nextBoolean() ? 4097 : 1;
        for (Port p : ports) {
            port(p, set, pike, zone++);
        }
        jump("filter", P + "sg-chain", "ACCEPT");
        return this;
    }

    private void port(Port p, String set, boolean pike, int zone) {
        String i = P + "i" + p.short10();
        String o = P + "o" + p.short10();
        String s = P + "s" + p.short10();
        String qvb = "qvb" + p.id().substring(0, 11);
        String z = Integer.toString(zone);
        if (pike) {
            String zc = "Set zone for " + p.id().substring(4);
            CommentMatch comment = CommentMatch.of(zc);
            rule("raw", P + "PREROUTING", Rule.builder().match(PhysdevMatch.in(qvb)).match(comment).target(CtTarget.zone(zone)),
                    "-m", "physdev", "--physdev-in", qvb, "-m", "comment", "--comment", zc, "-j", "CT", "--zone", z);
            rule("raw", P + "PREROUTING", Rule.builder().inInterface(qvb).match(comment).target(CtTarget.zone(zone)),
                    "-i", qvb, "-m", "comment", "--comment", zc, "-j", "CT", "--zone", z);
            rule("raw", P + "PREROUTING", Rule.builder().match(PhysdevMatch.in(p.tap())).match(comment).target(CtTarget.zone(zone)),
                    "-m", "physdev", "--physdev-in", p.tap(), "-m", "comment", "--comment", zc, "-j", "CT", "--zone", z);
        } else {
            rule("raw", P + "PREROUTING", Rule.builder().match(PhysdevMatch.in(qvb)).target(CtTarget.zone(zone)),
                    "-m", "physdev", "--physdev-in", qvb, "-j", "CT", "--zone", z);
            rule("raw", P + "PREROUTING", Rule.builder().match(PhysdevMatch.in(p.tap())).target(CtTarget.zone(zone)),
                    "-m", "physdev", "--physdev-in", p.tap(), "-j", "CT", "--zone", z);
        }
        ipt("-N", i);
        ipt("-N", o);
        ipt("-N", s);
        String direct = "Direct traffic from the VM interface to the security group chain.";
        String vm = "Jump to the VM specific chain.";
        PhysdevMatch toVm = PhysdevMatch.out(p.tap()).bridged();
        PhysdevMatch fromVm = PhysdevMatch.in(p.tap()).bridged();
        rule("filter", P + "FORWARD", Rule.builder().match(toVm).match(CommentMatch.of(direct)).jump(P + "sg-chain"),
                "-m", "physdev", "--physdev-out", p.tap(), "--physdev-is-bridged", "-m", "comment", "--comment", direct, "-j", P + "sg-chain");
        rule("filter", P + "sg-chain", Rule.builder().match(toVm).match(CommentMatch.of(vm)).jump(i),
                "-m", "physdev", "--physdev-out", p.tap(), "--physdev-is-bridged", "-m", "comment", "--comment", vm, "-j", i);
        rule("filter", P + "FORWARD", Rule.builder().match(fromVm).match(CommentMatch.of(direct)).jump(P + "sg-chain"),
                "-m", "physdev", "--physdev-in", p.tap(), "--physdev-is-bridged", "-m", "comment", "--comment", direct, "-j", P + "sg-chain");
        rule("filter", P + "sg-chain", Rule.builder().match(fromVm).match(CommentMatch.of(vm)).jump(o),
                "-m", "physdev", "--physdev-in", p.tap(), "--physdev-is-bridged", "-m", "comment", "--comment", vm, "-j", o);
        String incoming = "Direct incoming traffic from VM to the security group chain.";
        rule("filter", P + "INPUT", Rule.builder().match(fromVm).match(CommentMatch.of(incoming)).jump(o),
                "-m", "physdev", "--physdev-in", p.tap(), "--physdev-is-bridged", "-m", "comment", "--comment", incoming, "-j", o);
        established(i);
        rule("filter", i, Rule.builder().destination(p.ip()).protocol("udp")
                        .match(PortMatch.udp().sourcePort(67).destinationPort(68)).jump("RETURN"),
                "-d", p.ip(), "-p", "udp", "-m", "udp", "--sport", "67", "--dport", "68", "-j", "RETURN");
        rule("filter", i, Rule.builder().destination("255.255.255.255/32").protocol("udp")
                        .match(PortMatch.udp().sourcePort(67).destinationPort(68)).jump("RETURN"),
                "-d", "255.255.255.255/32", "-p", "udp", "-m", "udp", "--sport", "67", "--dport", "68", "-j", "RETURN");
        int sgRules = random.nextInt(5);
        for (int r = 0; r < sgRules; r++) {
            sgRule(i);
        }
        rule("filter", i, Rule.builder().match(SetMatch.source(set)).jump("RETURN"),
                "-m", "set", "--match-set", set, "src", "-j", "RETURN");
        invalid(i);
        jump("filter", i, FALLBACK, P + "sg-fallback");
        String dhcp = "Allow DHCP client traffic.";
        rule("filter", o, Rule.builder().source("0.0.0.0/32").destination("255.255.255.255/32").protocol("udp")
                        .match(PortMatch.udp().sourcePort(68).destinationPort(67)).match(CommentMatch.of(dhcp)).jump("RETURN"),
                "-s", "0.0.0.0/32", "-d", "255.255.255.255/32", "-p", "udp", "-m", "udp", "--sport", "68", "--dport", "67", "-m", "comment", "--comment", dhcp, "-j", "RETURN");
        jump("filter", o, s);
        rule("filter", o, Rule.builder().protocol("udp").match(PortMatch.udp().sourcePort(68).destinationPort(67))
                        .match(CommentMatch.of(dhcp)).jump("RETURN"),
                "-p", "udp", "-m", "udp", "--sport", "68", "--dport", "67", "-m", "comment", "--comment", dhcp, "-j", "RETURN");
        String spoof = "Prevent DHCP Spoofing by VM.";
        rule("filter", o, Rule.builder().protocol("udp").match(PortMatch.udp().sourcePort(67).destinationPort(68))
                        .match(CommentMatch.of(spoof)).jump("DROP"),
                "-p", "udp", "-m", "udp", "--sport", "67", "--dport", "68", "-m", "comment", "--comment", spoof, "-j", "DROP");
        established(o);
        jump("filter", o, "RETURN");
        invalid(o);
        jump("filter", o, FALLBACK, P + "sg-fallback");
        String mac = random.nextBoolean() ? p.mac().toUpperCase() : p.mac();
        String pairs = "Allow traffic from defined IP/MAC pairs.";
        rule("filter", s, Rule.builder().source(p.ip() + "/32").match(MacMatch.source(MacAddress.parse(mac)))
                        .match(CommentMatch.of(pairs)).jump("RETURN"),
                "-s", p.ip() + "/32", "-m", "mac", "--mac-source", mac, "-m", "comment", "--comment", pairs, "-j", "RETURN");
        jump("filter", s, "Drop traffic without an IP/MAC allow rule.", "DROP");
    }

    private void established(String chain) {
        rule("filter", chain, Rule.builder().match(StateMatch.state(CtState.RELATED | CtState.ESTABLISHED))
                        .match(CommentMatch.of(ESTABLISHED)).jump("RETURN"),
                "-m", "state", "--state", "RELATED,ESTABLISHED", "-m", "comment", "--comment", ESTABLISHED, "-j", "RETURN");
    }

    private void invalid(String chain) {
        rule("filter", chain, Rule.builder().match(StateMatch.state(CtState.INVALID)).match(CommentMatch.of(INVALID))
                        .jump("DROP"),
                "-m", "state", "--state", "INVALID", "-m", "comment", "--comment", INVALID, "-j", "DROP");
    }

    /** A security group rule (§7.4): an optional remote prefix, a protocol and ports, RETURN. */
    private void sgRule(String chain) {
        List<String> w = new ArrayList<>();
        RuleBuilder typed = Rule.builder();
        if (random.nextInt(3) == 0) {
            String prefix = random.nextInt(256) + "." + random.nextInt(256) + ".0.0/" + (8 + random.nextInt(25));
            w.addAll(List.of("-s", prefix));
            typed.source(prefix);
        }
        switch (random.nextInt(6)) {
            case 0 -> {
                int port = 1 + random.nextInt(10000);
                w.addAll(List.of("-p", "tcp", "-m", "tcp", "--dport", Integer.toString(port)));
                typed.protocol(Packet.TCP).match(PortMatch.tcp().destinationPort(port));
            }
            case 1 -> {
                int lo = 1 + random.nextInt(60000);
                int hi = lo + random.nextInt(100);
                w.addAll(List.of("-p", "tcp", "-m", "multiport", "--dports", lo + ":" + hi));
                // "A:A" is not a range to multiport: iptables refuses those words.
                typed = lo == hi ? null : typed.protocol(Packet.TCP).match(MultiportMatch.destinationPorts(PortRange.of(lo, hi)));
            }
            case 2 -> {
                int port = 1 + random.nextInt(1000);
                w.addAll(List.of("-p", "udp", "--dport", Integer.toString(port)));
                typed.protocol("udp").match(PortMatch.udp().destinationPort(port));
            }
            case 3 -> {
                int type = random.nextInt(19);
                w.addAll(List.of("-p", "icmp", "--icmp-type", Integer.toString(type)));
                typed.protocol("icmp").match(IcmpMatch.type(type));
            }
            case 4 -> {
                w.addAll(List.of("-p", "icmp"));
                typed.protocol(Packet.ICMP);
            }
            default -> {
                int port = random.nextBoolean() ? 22 : 80;
                w.addAll(List.of("-p", "tcp", "--dport", Integer.toString(port)));
                typed.protocol("tcp").match(PortMatch.tcp().destinationPort(port));
            }
        }
        w.addAll(List.of("-j", "RETURN"));
        rule("filter", chain, typed == null ? null : typed.jump("RETURN"), w.toArray(new String[0]));
    }

    /** The L3 agent skeleton of a legacy router with SNAT and {@code fips} floating IPs. */
    public NeutronSample router(int fips) {
        String a = "neutron-l3-agent-";
        String qg = "qg-" + hex(8) + "-" + hex(2);
        String qr = "qr-" + hex(8) + "-" + hex(2);
        String gw = "172.24.4." + (2 + random.nextInt(200));
        boolean randomFully = random.nextBoolean();
        for (String c : List.of("PREROUTING", "OUTPUT", "POSTROUTING", "snat", "float-snat")) {
            ipt("-t", "nat", "-N", a + c);
        }
        ipt("-t", "nat", "-N", "neutron-postrouting-bottom");
        jump("nat", "PREROUTING", a + "PREROUTING");
        jump("nat", "OUTPUT", a + "OUTPUT");
        jump("nat", "POSTROUTING", a + "POSTROUTING");
        jump("nat", "POSTROUTING", "neutron-postrouting-bottom");
        jump("nat", "neutron-postrouting-bottom", "Perform source NAT on outgoing traffic.", a + "snat");
        jump("nat", a + "snat", a + "float-snat");
        rule("nat", a + "PREROUTING", Rule.builder().destination("169.254.169.254/32").inInterface("qr-+").protocol("tcp")
                        .match(PortMatch.tcp().destinationPort(80)).target(NatTarget.redirect(PortRange.of(9697))),
                "-d", "169.254.169.254/32", "-i", "qr-+", "-p", "tcp", "-m", "tcp", "--dport", "80", "-j", "REDIRECT", "--to-ports", "9697");
        rule("nat", a + "POSTROUTING", Rule.builder().notInInterface(qg).notOutInterface(qg)
                        .match(StateMatch.ctState(CtState.DNAT).inverted()).jump("ACCEPT"),
                "!", "-i", qg, "!", "-o", qg, "-m", "conntrack", "!", "--ctstate", "DNAT", "-j", "ACCEPT");
        NatTarget snat = NatTarget.snat(Ipv4.parse(gw));
        rule("nat", a + "snat", Rule.builder().outInterface(qg).target(snat),
                "-o", qg, "-j", "SNAT", "--to-source", gw);
        rule("nat", a + "snat", Rule.builder().match(MarkMatch.mark(0x2, 0xffff).inverted())
                        .match(StateMatch.ctState(CtState.DNAT)).target(snat),
                "-m", "mark", "!", "--mark", "0x2/0xffff", "-m", "conntrack", "--ctstate", "DNAT", "-j", "SNAT", "--to-source", gw);
        for (int f = 0; f < fips; f++) {
            String fip = "172.24.4." + (2 + random.nextInt(250));
            String fixed = "192.168.1." + (2 + random.nextInt(250));
            NatTarget dnat = NatTarget.dnat(Ipv4.parse(fixed));
            rule("nat", a + "PREROUTING", Rule.builder().destination(fip + "/32").target(dnat),
                    "-d", fip + "/32", "-j", "DNAT", "--to-destination", fixed);
            rule("nat", a + "OUTPUT", Rule.builder().destination(fip + "/32").target(dnat),
                    "-d", fip + "/32", "-j", "DNAT", "--to-destination", fixed);
            if (randomFully) {
                rule("nat", a + "float-snat", Rule.builder().source(fixed + "/32")
                                .target(NatTarget.snat(Ipv4.parse(fip)).withRandomFully()),
                        "-s", fixed + "/32", "-j", "SNAT", "--to-source", fip, "--random-fully");
            } else {
                rule("nat", a + "float-snat", Rule.builder().source(fixed + "/32").target(NatTarget.snat(Ipv4.parse(fip))),
                        "-s", fixed + "/32", "-j", "SNAT", "--to-source", fip);
            }
        }
        for (String c : List.of("PREROUTING", "INPUT", "FORWARD", "OUTPUT", "POSTROUTING", "mark", "scope", "floatingip", "float-snat")) {
            ipt("-t", "mangle", "-N", a + c);
        }
        MarkMatch noScope = MarkMatch.connmark(0, 0xffff0000);
        ConnmarkTarget save = ConnmarkTarget.saveMark(0xffff0000, 0xffff0000);
        jump("mangle", "PREROUTING", a + "PREROUTING");
        jump("mangle", a + "PREROUTING", a + "mark");
        jump("mangle", a + "PREROUTING", a + "scope");
        rule("mangle", a + "PREROUTING", Rule.builder().match(noScope.inverted())
                        .target(ConnmarkTarget.restoreMark(0xffff0000, 0xffff0000)),
                "-m", "connmark", "!", "--mark", "0x0/0xffff0000", "-j", "CONNMARK", "--restore-mark", "--nfmask", "0xffff0000", "--ctmask", "0xffff0000");
        jump("mangle", a + "PREROUTING", a + "floatingip");
        rule("mangle", a + "PREROUTING", Rule.builder().destination("169.254.169.254/32").inInterface("qr-+").protocol("tcp")
                        .match(PortMatch.tcp().destinationPort(80)).target(MarkTarget.setXmark(0x1, 0xffff)),
                "-d", "169.254.169.254/32", "-i", "qr-+", "-p", "tcp", "-m", "tcp", "--dport", "80", "-j", "MARK", "--set-xmark", "0x1/0xffff");
        rule("mangle", a + "mark", Rule.builder().inInterface(qg).target(MarkTarget.setXmark(0x2, 0xffff)),
                "-i", qg, "-j", "MARK", "--set-xmark", "0x2/0xffff");
        rule("mangle", a + "scope", Rule.builder().inInterface(qr).target(MarkTarget.setXmark(0x4000000, 0xffff0000)),
                "-i", qr, "-j", "MARK", "--set-xmark", "0x4000000/0xffff0000");
        rule("mangle", a + "float-snat", Rule.builder().match(noScope).target(save),
                "-m", "connmark", "--mark", "0x0/0xffff0000", "-j", "CONNMARK", "--save-mark", "--nfmask", "0xffff0000", "--ctmask", "0xffff0000");
        rule("mangle", a + "POSTROUTING", Rule.builder().outInterface(qg).match(noScope).target(save),
                "-o", qg, "-m", "connmark", "--mark", "0x0/0xffff0000", "-j", "CONNMARK", "--save-mark", "--nfmask", "0xffff0000", "--ctmask", "0xffff0000");
        ipt("-N", a + "INPUT");
        ipt("-N", a + "scope");
        jump("filter", "INPUT", a + "INPUT");
        rule("filter", a + "INPUT", Rule.builder().match(MarkMatch.mark(0x1, 0xffff)).jump("ACCEPT"),
                "-m", "mark", "--mark", "0x1/0xffff", "-j", "ACCEPT");
        rule("filter", a + "INPUT", Rule.builder().protocol("tcp").match(PortMatch.tcp().destinationPort(9697)).jump("DROP"),
                "-p", "tcp", "-m", "tcp", "--dport", "9697", "-j", "DROP");
        rule("filter", a + "scope", Rule.builder().outInterface(qr).match(MarkMatch.mark(0x4000000, 0xffff0000).inverted())
                        .jump("DROP"),
                "-o", qr, "-m", "mark", "!", "--mark", "0x4000000/0xffff0000", "-j", "DROP");
        return this;
    }

    /** The DHCP agent's mangle state (§9): its wrapped chains and the CHECKSUM rule for replies. */
    public NeutronSample dhcp() {
        String a = "neutron-dhcp-age-";
        for (String c : List.of("PREROUTING", "INPUT", "FORWARD", "OUTPUT", "POSTROUTING")) {
            ipt("-t", "mangle", "-N", a + c);
            jump("mangle", c, a + c);
        }
        rule("mangle", a + "POSTROUTING", Rule.builder().protocol("udp").match(PortMatch.udp().destinationPort(68))
                        .target(ChecksumTarget.FILL),
                "-p", "udp", "-m", "udp", "--dport", "68", "-j", "CHECKSUM", "--checksum-fill");
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
                new String[] {"-Z"},
                new String[] {"-A", "OUTPUT", "-j", "CHECKSUM", "--checksum-fill"},
                new String[] {"-t", "mangle", "-A", "OUTPUT", "-p", "udp", "-j", "CHECKSUM"},
                new String[] {"-t", "mangle", "-A", "OUTPUT", "-j", "CHECKSUM", "!", "--checksum-fill"},
                new String[] {"-A", "INPUT", "-s", "10.0.0.1", "-s", "10.0.0.2", "-j", "DROP"},
                new String[] {"-A", "INPUT", "-m", "comment", "--comment", "a", "-m", "comment", "--comment", "b"},
                new String[] {"-A", "INPUT", "-m", "comment", "--comment", "a", "-m", "mark", "--mark", "1", "--comment", "b"},
                new String[] {"-A", "INPUT", "-m", "mark", "-m", "connmark", "--mark", "2", "-j", "ACCEPT"},
                new String[] {"-A", "INPUT", "-p", "tcp", "-m", "multiport", "--dports", "1", "--sports", "2"},
                new String[] {"-A", "INPUT", "-p", "tcp", "-m", "multiport", "--dports", "5:3"},
                new String[] {"-A", "INPUT", "-p", "tcp", "--sport", "1", "--sport", "2"},
                new String[] {"-A", "INPUT", "-p", "icmp", "-m", "icmp", "-j", "ACCEPT"},
                new String[] {"-A", "INPUT", "-m", "state", "--state", "NEW", "--state", "INVALID"},
                new String[] {"-t", "raw", "-A", "OUTPUT", "-j", "CT", "--zone", "70000"},
                new String[] {"-t", "nat", "-A", "OUTPUT", "-p", "icmp", "-j", "DNAT", "--to-destination", "10.1.1.1:80"},
                new String[] {"-t", "nat", "-A", "OUTPUT", "-j", "DNAT", "--to-destination", "10.1.1.1:80"},
                new String[] {"-t", "nat", "-A", "POSTROUTING", "-j", "SNAT"});
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
