package dev.packetwalk.host.command.netfilter;

import dev.packetwalk.host.Command;
import dev.packetwalk.host.Invocation;
import dev.packetwalk.linux.Namespace;
import dev.packetwalk.linux.netfilter.Chain;
import dev.packetwalk.linux.netfilter.IpSetEnv;
import dev.packetwalk.linux.netfilter.ListFormat;
import dev.packetwalk.linux.netfilter.NetfilterException;
import dev.packetwalk.linux.netfilter.Rule;
import dev.packetwalk.linux.netfilter.RuleFormat;
import dev.packetwalk.linux.netfilter.RuleParser;
import dev.packetwalk.linux.netfilter.Table;

import java.util.ArrayList;
import java.util.List;

/** iptables 1.8.9 (nf_tables): one command (-A -I -D -R -C -N -X -F -Z -P -L -S) on one table. */
public final class IptablesCommand implements Command {
    static final String PREFIX = "iptables v1.8.9 (nf_tables): ";

    @Override
    public int run(Invocation inv) {
        try {
            IptablesRequest req = IptablesRequest.parse(inv.args());
            return execute(req, NetfilterCommands.namespace(inv), inv);
        } catch (NetfilterException e) {
            return report(inv, e, "iptables");
        }
    }

    /** Prints a netfilter error the way {@code tool} does and returns its status. */
    static int report(Invocation inv, NetfilterException e, String tool) {
        String prefix = tool + " v1.8.9 (nf_tables): ";
        if (e.usage()) {
            inv.errln((e.bare() ? "" : prefix) + e.getMessage());
            inv.errln("Try `" + tool + " -h' or '" + tool + " --help' for more information.");
        } else if (e.versioned()) {
            inv.errln(prefix + e.getMessage());
        } else {
            inv.errln(tool + ": " + e.getMessage());
        }
        return e.status();
    }

    private int execute(IptablesRequest req, Namespace ns, Invocation inv) {
        Table table = ns.netfilter().table(req.table());
        IpSetEnv env = new IpSetEnv(ns.ipsets());
        switch (req.command()) {
            case 'A' -> table.append(req.chain(), RuleParser.parse(req.ruleWords(), table, env));
            case 'I' -> table.insert(req.chain(), req.number() < 0 ? 1 : req.number(),
                    RuleParser.parse(req.ruleWords(), table, env));
            case 'R' -> table.replace(req.chain(), req.number(), RuleParser.parse(req.ruleWords(), table, env));
            case 'D' -> {
                if (req.number() >= 0) {
                    table.delete(req.chain(), req.number());
                } else {
                    table.delete(req.chain(), RuleParser.parse(req.ruleWords(), table, env));
                }
            }
            case 'C' -> {
                Rule r = RuleParser.parse(req.ruleWords(), table, env);
                if (table.find(req.chain(), r) < 0) {
                    throw NetfilterException.refused("Bad rule (does a matching rule exist in that chain?).");
                }
            }
            case 'N' -> table.newChain(req.chain());
            case 'X' -> table.deleteChain(req.chain());
            case 'F' -> table.flush(req.chain());
            case 'Z' -> table.zero(req.chain());
            case 'P' -> table.policy(req.chain(), req.policy());
            case 'L' -> list(req, table, inv);
            case 'S' -> listRules(req, table, inv);
            default -> throw NetfilterException.parameter("no command specified");
        }
        if (req.zeroAfter() && req.command() == 'L') {
            table.zero(req.chain());
        }
        return 0;
    }

    private static List<Chain> selected(IptablesRequest req, Table table) {
        if (req.chain() == null) {
            return table.chains();
        }
        Chain c = table.chain(req.chain());
        if (c == null) {
            throw NetfilterException.versioned("chain `" + req.chain() + "' in table `" + table.name()
                    + "' is incompatible, use 'nft' tool.", 1);
        }
        return List.of(c);
    }

    private void list(IptablesRequest req, Table table, Invocation inv) {
        ListFormat format = new ListFormat(req.numeric(), req.verbose(), req.exact(), req.lineNumbers());
        List<Chain> chains = selected(req, table);
        StringBuilder sb = new StringBuilder();
        if (req.number() > 0) {
            List<Rule> rules = chains.get(0).rules();
            if (req.number() <= rules.size()) {
                format.appendRule(sb, rules.get(req.number() - 1), req.number());
            }
            inv.print(sb.toString());
            return;
        }
        for (int i = 0; i < chains.size(); i++) {
            if (i > 0) {
                sb.append('\n');
            }
            format.appendChain(sb, chains.get(i), table.references(chains.get(i).name()));
        }
        inv.print(sb.toString());
    }

    private void listRules(IptablesRequest req, Table table, Invocation inv) {
        List<Chain> chains = selected(req, table);
        List<String> lines = new ArrayList<>();
        if (req.number() > 0) {
            List<Rule> rules = chains.get(0).rules();
            if (req.number() <= rules.size()) {
                lines.add(RuleFormat.appendRule(chains.get(0).name(), rules.get(req.number() - 1), req.verbose()));
            }
        } else {
            for (Chain c : chains) {
                lines.add(RuleFormat.declaration(c, req.verbose()));
            }
            for (Chain c : chains) {
                for (Rule r : c.rules()) {
                    lines.add(RuleFormat.appendRule(c.name(), r, req.verbose()));
                }
            }
        }
        lines.forEach(inv::println);
    }
}
