package dev.packetwalk.host.command.netfilter;

import dev.packetwalk.host.Command;
import dev.packetwalk.host.Invocation;
import dev.packetwalk.linux.netfilter.NetfilterException;
import dev.packetwalk.linux.netfilter.SaveFormat;

import java.util.List;

/** iptables-save [-c] [-t TABLE]. */
public final class IptablesSaveCommand implements Command {
    @Override
    public int run(Invocation inv) {
        boolean counters = false;
        String table = null;
        List<String> args = inv.args();
        try {
            for (int i = 0; i < args.size(); i++) {
                switch (args.get(i)) {
                    case "-c", "--counters" -> counters = true;
                    case "-t", "--table" -> {
                        if (i + 1 >= args.size()) {
                            throw NetfilterException.parameter("option \"-t\" requires an argument");
                        }
                        table = args.get(++i);
                    }
                    default -> throw NetfilterException.parameter("unknown option \"" + args.get(i) + "\"");
                }
            }
            inv.print(SaveFormat.save(NetfilterCommands.namespace(inv).netfilter(), table, counters,
                    NetfilterCommands.ctime(inv)));
            return 0;
        } catch (NetfilterException e) {
            return IptablesCommand.report(inv, e, "iptables-save");
        }
    }
}
