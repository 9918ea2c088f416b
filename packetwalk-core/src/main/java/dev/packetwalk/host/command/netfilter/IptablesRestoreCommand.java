package dev.packetwalk.host.command.netfilter;

import dev.packetwalk.host.Command;
import dev.packetwalk.host.Invocation;
import dev.packetwalk.linux.Namespace;
import dev.packetwalk.linux.netfilter.IpSetEnv;
import dev.packetwalk.linux.netfilter.NetfilterException;
import dev.packetwalk.linux.netfilter.SaveFormat;
import dev.packetwalk.linux.netfilter.SaveFormat.RestoreException;

/** iptables-restore [-n|--noflush] [-c|--counters] [-w]: reads stdin, all or nothing. */
public final class IptablesRestoreCommand implements Command {
    private static final String TOOL = "iptables-restore";

    @Override
    public int run(Invocation inv) {
        boolean noflush = false;
        boolean counters = false;
        for (String a : inv.args()) {
            switch (a) {
                case "-n", "--noflush" -> noflush = true;
                case "-c", "--counters" -> counters = true;
                case "-w", "--wait", "-v", "--verbose" -> {
                }
                default -> {
                    inv.errln(TOOL + " v1.8.9 (nf_tables): unknown option \"" + a + "\"");
                    inv.errln("Try `" + TOOL + " -h' or '" + TOOL + " --help' for more information.");
                    return 2;
                }
            }
        }
        Namespace ns = NetfilterCommands.namespace(inv);
        try {
            SaveFormat.restore(ns.netfilter(), inv.stdin(), noflush, counters, new IpSetEnv(ns.ipsets()));
            return 0;
        } catch (RestoreException e) {
            return report(inv, e);
        }
    }

    private static int report(Invocation inv, RestoreException e) {
        switch (e.kind()) {
            case COMMIT_EXPECTED -> {
                inv.errln(TOOL + ": COMMIT expected at line " + e.line());
                return 1;
            }
            case LINE_FAILED -> {
                inv.errln(TOOL + ": line " + e.line() + " failed");
                return 1;
            }
            default -> {
                NetfilterException ne = e.ruleError();
                if (ne.usage()) {
                    inv.errln(TOOL + " v1.8.9 (nf_tables): " + ne.getMessage());
                    inv.errln("Error occurred at line: " + e.line());
                    inv.errln("Try `" + TOOL + " -h' or '" + TOOL + " --help' for more information.");
                } else if (ne.versioned()) {
                    inv.errln(TOOL + " v1.8.9 (nf_tables): ");
                    inv.errln("line " + e.line() + ":" + ne.getMessage());
                } else {
                    inv.errln(TOOL + ": line " + e.line() + " failed");
                }
                return ne.status();
            }
        }
    }
}
