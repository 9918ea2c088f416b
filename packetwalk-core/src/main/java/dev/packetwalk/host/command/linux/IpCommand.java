package dev.packetwalk.host.command.linux;

import dev.packetwalk.host.Command;
import dev.packetwalk.host.Invocation;
import dev.packetwalk.linux.Namespace;
import dev.packetwalk.linux.NetlinkException;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * {@code ip} from iproute2 6.1: global options ({@code -n NS}, {@code -o}, {@code -4},
 * {@code -6}, {@code -br}, {@code -d}), then an object, abbreviated as iproute2 allows.
 */
public final class IpCommand implements Command {
    /** Objects in iproute2's table order: an abbreviation picks the first it prefixes. */
    private final Map<String, IpObject> objects = new LinkedHashMap<>();

    public IpCommand() {
        objects.put("address", new IpAddress());
        objects.put("addrlabel", null);
        objects.put("maddress", null);
        objects.put("route", new IpRoute());
        objects.put("rule", new IpRule());
        objects.put("neighbor", new IpNeigh());
        objects.put("neighbour", new IpNeigh());
        objects.put("ntable", null);
        objects.put("link", new IpLink());
        objects.put("tunnel", null);
        objects.put("tuntap", new IpTuntap());
        objects.put("netns", new IpNetns());
    }


    @Override
    public int run(Invocation inv) {
        List<String> argv = inv.args();
        int i = 0;
        String nsName = inv.namespace();
        int family = 0;
        boolean oneline = false;
        boolean brief = false;
        boolean details = false;
        while (i < argv.size() && argv.get(i).startsWith("-") && argv.get(i).length() > 1) {
            String opt = argv.get(i).replaceFirst("^--?", "");
            switch (opt) {
                case "4" -> family = 4;
                case "6" -> family = 6;
                case "o", "oneline" -> oneline = true;
                case "br", "brief" -> brief = true;
                case "d", "details" -> details = true;
                case "n", "netns" -> {
                    if (i + 1 >= argv.size()) {
                        inv.errln("No netns name specified");
                        return 1;
                    }
                    nsName = argv.get(++i);
                }
                default -> {
                    inv.errln("Option \"" + argv.get(i) + "\" is unknown, try \"ip -help\".");
                    return 255;
                }
            }
            i++;
        }
        Optional<Namespace> ns = inv.host().kernel().namespace(nsName);
        if (ns.isEmpty()) {
            inv.errln("Cannot open network namespace \"" + nsName
                    + "\": No such file or directory");
            return 255;
        }
        if (i >= argv.size()) {
            inv.errln("Usage: ip [ OPTIONS ] OBJECT { COMMAND | help }");
            return 255;
        }
        String word = argv.get(i);
        IpObject obj = null;
        boolean known = false;
        for (Map.Entry<String, IpObject> e : objects.entrySet()) {
            if (IpArgs.matches(word, e.getKey())) {
                obj = e.getValue();
                known = true;
                break;
            }
        }
        if (obj == null) {
            inv.errln(known ? "ip " + word + ": not emulated by Packetwalk"
                    : "Object \"" + word + "\" is unknown, try \"ip help\".");
            return 1;
        }
        IpContext ctx = new IpContext(inv, ns.get(), family, oneline, brief, details);
        try {
            return obj.run(ctx, new IpArgs(argv.subList(i + 1, argv.size())));
        } catch (IpFailure f) {
            inv.errln(f.getMessage());
            return f.status();
        } catch (NetlinkException e) {
            inv.errln(e.iprouteMessage() + (e.extack() != null ? "." : ""));
            return 2;
        }
    }
}
