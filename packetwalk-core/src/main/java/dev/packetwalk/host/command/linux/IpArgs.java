package dev.packetwalk.host.command.linux;

import dev.packetwalk.linux.link.NetDevice;
import dev.packetwalk.linux.Namespace;
import dev.packetwalk.net.Ipv4;

import java.util.List;

/** A cursor over the words of an iproute2 command line, with its argument parsers. */
final class IpArgs {
    private final List<String> words;
    private int pos;

    IpArgs(List<String> words) {
        this.words = words;
    }

    boolean hasNext() {
        return pos < words.size();
    }

    String peek() {
        return words.get(pos);
    }

    String next() {
        return words.get(pos++);
    }

    /** The argument after a keyword; "Command line is not complete" when there is none. */
    String value() {
        if (!hasNext()) {
            throw IpFailure.incomplete();
        }
        return next();
    }

    List<String> rest() {
        return words.subList(pos, words.size());
    }

    /** iproute2's matches(): {@code word} is a non-empty prefix of {@code keyword}. */
    static boolean matches(String word, String keyword) {
        return !word.isEmpty() && keyword.startsWith(word);
    }

    /** Parses {@code A.B.C.D[/LEN]}; returns {addr, len} with len -1 when not given. */
    static int[] prefix(String text, String kind) {
        String addr = text;
        int len = -1;
        int slash = text.indexOf('/');
        if (slash >= 0) {
            addr = text.substring(0, slash);
            String l = text.substring(slash + 1);
            if (!l.matches("[0-9]{1,2}") || Integer.parseInt(l) > 32) {
                throw IpFailure.badPrefix(kind, text);
            }
            len = Integer.parseInt(l);
        }
        long v = Ipv4.parseOrMinusOne(addr);
        if (v < 0) {
            throw IpFailure.badPrefix(kind, text);
        }
        return new int[] {(int) v, len};
    }

    /** A destination prefix where {@code default}/{@code all}/{@code any} mean 0/0. */
    static int[] destination(String text) {
        if (text.equals("default") || text.equals("all") || text.equals("any")) {
            return new int[] {0, 0};
        }
        int[] p = prefix(text, "any valid");
        return new int[] {p[0], p[1] < 0 ? 32 : p[1]};
    }

    /** A plain IPv4 address. */
    static int address(String text, String kind) {
        int[] p = prefix(text, kind);
        if (p[1] >= 0) {
            throw IpFailure.badPrefix(kind, text);
        }
        return p[0];
    }

    static NetDevice device(Namespace ns, String name) {
        NetDevice d = ns.links().byName(name);
        if (d == null) {
            throw IpFailure.noDevice(name);
        }
        return d;
    }
}
