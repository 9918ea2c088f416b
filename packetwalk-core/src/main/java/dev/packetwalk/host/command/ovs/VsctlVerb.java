package dev.packetwalk.host.command.ovs;

import java.util.List;
import java.util.Set;

/** One ovs-vsctl command word: its argument counts, the options it takes, and what it does. */
record VsctlVerb(String name, int minArgs, int maxArgs, Set<String> options, Action action) {
    /** Runs the command inside the command line's transaction, printing into {@code ctx.out()}. */
    @FunctionalInterface
    interface Action {
        void run(VsctlContext ctx, List<String> args);
    }

    static VsctlVerb of(String name, int min, int max, String options, Action action) {
        return new VsctlVerb(name, min, max,
                options.isEmpty() ? Set.of() : Set.of(options.split(" ")), action);
    }
}
