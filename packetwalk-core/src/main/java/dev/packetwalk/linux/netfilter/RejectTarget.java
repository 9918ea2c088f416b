package dev.packetwalk.linux.netfilter;

import java.util.List;

/** REJECT: drops the packet and answers with an ICMP error or a TCP reset. */
public record RejectTarget(String with) implements Target {
    private static final List<String> KINDS = List.of("icmp-net-unreachable", "icmp-host-unreachable",
            "icmp-port-unreachable", "icmp-proto-unreachable", "icmp-net-prohibited",
            "icmp-host-prohibited", "tcp-reset", "icmp-admin-prohibited");

    @Override
    public String name() {
        return "REJECT";
    }

    /** A TCP reset needs a TCP rule. */
    @Override
    public void check(RuleContext rule) {
        if (with.equals("tcp-reset") && (rule.proto() != Packet.TCP || rule.protoInverted())) {
            throw NetfilterException.parameter("Need TCP protocol with --reject-with tcp-reset");
        }
    }

    @Override
    public void save(StringBuilder sb) {
        sb.append(" --reject-with ").append(with);
    }

    @Override
    public void list(StringBuilder sb, boolean numeric) {
        sb.append(" reject-with ").append(with);
    }

    @Override
    public Outcome apply(TargetEnv env) {
        return Outcome.DROP;
    }

    /** Collects --reject-with. */
    static final class Options implements TargetOptions {
        private String with = "icmp-port-unreachable";

        @Override
        public boolean accept(String option, boolean invert, RuleTokens args) {
            if (!option.equals("--reject-with")) {
                return false;
            }
            String text = args.argument(option);
            String found = null;
            for (String k : KINDS) {
                String shortForm = k.replace("icmp-", "").replace("unreachable", "unreach")
                        .replace("prohibited", "prohib");
                if (k.equals(text) || shortForm.equals(text) || (k.equals("tcp-reset") && text.equals("tcp-rst"))) {
                    found = k;
                }
            }
            if (found == null) {
                throw NetfilterException.parameter("unknown reject type \"" + text + "\"");
            }
            with = found;
            return true;
        }

        @Override
        public Target build() {
            return new RejectTarget(with);
        }
    }
}
