package dev.packetwalk.host.command.linux;

import dev.packetwalk.host.Command;
import dev.packetwalk.host.Invocation;
import dev.packetwalk.linux.Namespace;

/**
 * {@code cat}: copies standard input when given no files (or {@code -}); reads the
 * namespace's /proc/sys/net files; any other path does not exist on the emulated host.
 */
public final class CatCommand implements Command {
    private static final String PROC_SYS = "/proc/sys/";

    @Override
    public int run(Invocation inv) {
        if (inv.args().isEmpty()) {
            inv.print(inv.stdin());
            return 0;
        }
        Namespace ns = inv.host().kernel().namespace(inv.namespace()).orElseThrow();
        int status = 0;
        for (String path : inv.args()) {
            if (path.equals("-")) {
                inv.print(inv.stdin());
                continue;
            }
            String value = path.startsWith(PROC_SYS)
                    ? ns.sysctls().get(path.substring(PROC_SYS.length()).replace('/', '.'))
                    : null;
            if (value == null) {
                inv.errln("cat: " + path + ": No such file or directory");
                status = 1;
            } else {
                inv.println(value);
            }
        }
        return status;
    }
}
