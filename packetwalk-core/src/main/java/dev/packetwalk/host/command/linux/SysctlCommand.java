package dev.packetwalk.host.command.linux;

import dev.packetwalk.host.Command;
import dev.packetwalk.host.Invocation;
import dev.packetwalk.linux.Namespace;
import dev.packetwalk.linux.NetlinkException;
import dev.packetwalk.linux.sysctl.Sysctls;

import java.util.ArrayList;
import java.util.List;

/** {@code sysctl [-n] [-q] [-w] KEY[=VALUE]...} (procps-ng) over the namespace's sysctls. */
public final class SysctlCommand implements Command {

    @Override
    public int run(Invocation inv) {
        boolean valuesOnly = false;
        boolean quiet = false;
        boolean write = false;
        List<String> keys = new ArrayList<>();
        for (String a : inv.args()) {
            if (a.startsWith("-") && a.length() > 1 && keys.isEmpty()) {
                for (char c : a.substring(1).toCharArray()) {
                    switch (c) {
                        case 'n' -> valuesOnly = true;
                        case 'q' -> quiet = true;
                        case 'w' -> write = true;
                        case 'e', 'N' -> { }
                        default -> {
                            inv.errln("sysctl: invalid option -- '" + c + "'");
                            return 1;
                        }
                    }
                }
            } else {
                keys.add(a);
            }
        }
        Namespace ns = inv.host().kernel().namespace(inv.namespace()).orElseThrow();
        Sysctls sysctls = ns.sysctls();
        int status = 0;
        for (String arg : keys) {
            int eq = arg.indexOf('=');
            if (write && eq < 0) {
                inv.errln("sysctl: command line(0): invalid syntax, continuing...");
                status = 1;
                continue;
            }
            String key = Sysctls.normalize(eq < 0 ? arg : arg.substring(0, eq));
            String path = "/proc/sys/" + key.replace('.', '/');
            if (sysctls.get(key) == null) {
                inv.errln("sysctl: cannot stat " + path + ": No such file or directory");
                status = 1;
                continue;
            }
            if (eq >= 0) {
                String value = arg.substring(eq + 1);
                try {
                    sysctls.set(key, value);
                } catch (NetlinkException e) {
                    inv.errln("sysctl: setting key \"" + key + "\": " + e.errno().text());
                    status = 1;
                    continue;
                }
                if (!quiet) {
                    inv.println(valuesOnly ? value : key + " = " + value);
                }
            } else {
                inv.println(valuesOnly ? sysctls.get(key) : key + " = " + sysctls.get(key));
            }
        }
        return status;
    }
}
