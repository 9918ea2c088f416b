package dev.packetwalk.cloud.agent;

import dev.packetwalk.host.Host;
import dev.packetwalk.host.Shell;
import dev.packetwalk.linux.Namespace;
import dev.packetwalk.linux.netfilter.SaveFormat;

import java.util.ArrayList;
import java.util.List;

/** Runs commands on a rendered host, and reads a namespace's tables, for the agents' tests. */
public final class HostShell {
    private HostShell() {
    }

    /** What {@code script} prints (standard output, then standard error). */
    public static String run(Host host, String script) {
        StringBuilder out = new StringBuilder();
        StringBuilder err = new StringBuilder();
        new Shell(host).runScript(script, out, err);
        return out + err.toString();
    }

    /** The lines {@code script} prints. */
    public static List<String> lines(Host host, String script) {
        return run(host, script).lines().toList();
    }

    /** {@code iptables-save [-t TABLE]} of a namespace without its "#" lines ({@code table} null: all). */
    public static List<String> save(Namespace ns, String table) {
        List<String> out = new ArrayList<>();
        for (String line : SaveFormat.save(ns.netfilter(), table, false, "-").split("\n")) {
            if (!line.startsWith("#") && !line.isEmpty()) {
                out.add(line);
            }
        }
        return out;
    }
}
