package dev.packetwalk.host.command.text;

import dev.packetwalk.host.Command;

import java.util.Map;

/** The text utilities a person pipes command output into, by name. */
public final class TextCommands {
    private TextCommands() {
    }

    public static Map<String, Command> all() {
        return Map.<String, Command>ofEntries(
                Map.entry("grep", new Grep('G')),
                Map.entry("egrep", new Grep('E')),
                Map.entry("fgrep", new Grep('F')),
                Map.entry("head", new HeadTail(true)),
                Map.entry("tail", new HeadTail(false)),
                Map.entry("wc", new Wc()),
                Map.entry("cat", Pager.cat()),
                Map.entry("more", Pager.more()),
                Map.entry("less", Pager.less()),
                Map.entry("sort", new Sort()),
                Map.entry("uniq", new Uniq()),
                Map.entry("awk", new Awk()));
    }
}
