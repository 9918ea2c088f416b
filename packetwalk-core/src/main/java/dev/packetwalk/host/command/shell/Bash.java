package dev.packetwalk.host.command.shell;

import dev.packetwalk.host.Command;
import dev.packetwalk.host.Invocation;
import dev.packetwalk.host.Shell;

import java.util.List;

/**
 * {@code bash} (and {@code sh}): with no script, a nested interactive shell in the invocation's
 * namespace (what {@code ip netns exec NS bash} gives); with {@code -c CMD}, runs CMD in a
 * child shell there.
 */
final class Bash implements Command {
    @Override
    public int run(Invocation inv) {
        List<String> args = inv.args();
        if (args.isEmpty() || args.equals(List.of("-i")) || args.equals(List.of("-l"))) {
            if (!inv.stdin().isEmpty()) {
                // `... | bash`: the piped text is the script
                Shell child = inv.shell().commandStringShell(inv.name());
                child.enterNamespace(inv.namespace());
                return child.runScript(inv.stdin(), inv.out(), inv.err());
            }
            inv.shell().enterNested(inv.namespace());
            return 0;
        }
        if (args.get(0).equals("-c")) {
            if (args.size() < 2) {
                inv.errln(inv.name() + ": -c: option requires an argument");
                return 2;
            }
            Shell child = inv.shell().commandStringShell(inv.name());
            child.enterNamespace(inv.namespace());
            return child.runLine(args.get(1), inv.out(), inv.err());
        }
        inv.errln(inv.name() + ": " + args.get(0) + ": No such file or directory");
        return 127;
    }
}
