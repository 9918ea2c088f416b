package dev.packetwalk.host.command.linux;

import dev.packetwalk.host.Invocation;
import dev.packetwalk.linux.Namespace;

/**
 * One {@code ip} run: the invocation, the namespace it works in (after {@code -n}) and the
 * global options: family filter (0, 4 or 6), one-line, brief and details output.
 */
record IpContext(Invocation inv, Namespace ns, int family, boolean oneline, boolean brief,
                 boolean details) {

    void print(String text) {
        inv.out().append(text);
    }
}
