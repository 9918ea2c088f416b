package dev.packetwalk.host.command.netfilter;

import dev.packetwalk.host.Command;
import dev.packetwalk.host.Invocation;
import dev.packetwalk.linux.Namespace;

import dev.packetwalk.host.WallClock;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Locale;
import java.util.Map;

/** The netfilter commands by name, and what they share. */
public final class NetfilterCommands {
    private static final DateTimeFormatter CTIME =
            DateTimeFormatter.ofPattern("EEE MMM ppd HH:mm:ss yyyy", Locale.US).withZone(ZoneOffset.UTC);

    private NetfilterCommands() {
    }

    /** iptables, iptables-save, iptables-restore, ipset and conntrack. */
    public static Map<String, Command> all() {
        return Map.of("iptables", new IptablesCommand(),
                "iptables-save", new IptablesSaveCommand(),
                "iptables-restore", new IptablesRestoreCommand(),
                "ipset", new IpsetCommand(),
                "conntrack", new ConntrackCommand());
    }

    /** The namespace the command runs in (the root namespace when none is named). */
    static Namespace namespace(Invocation inv) {
        return inv.host().kernel().namespace(inv.namespace()).orElseThrow();
    }

    /** The host clock as a ctime(3) date, e.g. "Sat Nov 21 19:44:33 2026". */
    static String ctime(Invocation inv) {
        return CTIME.format(WallClock.instant(inv.host().clock()));
    }
}
