package dev.packetwalk.host.command.shell;

import dev.packetwalk.host.Command;
import dev.packetwalk.host.Invocation;

/** {@code hostname}: the host's name ({@code -s} short, {@code -f} long; no domain is set). */
final class Hostname implements Command {
    @Override
    public int run(Invocation inv) {
        String name = inv.host().name();
        if (inv.args().isEmpty()) {
            inv.println(name);
            return 0;
        }
        String option = inv.args().get(0);
        switch (option) {
            case "-s", "--short" -> inv.println(name.contains(".") ? name.substring(0, name.indexOf('.')) : name);
            case "-f", "--fqdn", "--long" -> inv.println(name);
            case "-d", "--domain" -> inv.println(name.contains(".") ? name.substring(name.indexOf('.') + 1) : "");
            default -> {
                if (option.startsWith("-")) {
                    inv.errln("hostname: invalid option -- '" + option.substring(1, 2) + "'");
                    return 255;
                }
                inv.errln("hostname: changing the host name is not emulated");
                return 1;
            }
        }
        return 0;
    }
}
