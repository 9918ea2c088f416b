package dev.packetwalk.cloud.api;

/**
 * One {@code openstack} command ({@code network list}, {@code port show} ...), as
 * python-openstackclient 6 (Zed) defines it: a Lister with or without {@code --long}, or a
 * ShowOne of one object found by name or id.
 *
 * @param name     the command's words
 * @param metavar  a ShowOne's positional ({@code <network>}); null for a Lister
 * @param hasLong  whether a Lister takes {@code --long}
 * @param source   what it prints
 */
record OscCommand(String name, String metavar, boolean hasLong, Source source) {
    /** Where a command's table comes from: the object named by {@code argument}, or the list ({@code longForm}: --long). */
    @FunctionalInterface
    interface Source {
        OscTable fetch(OscCloud cloud, String argument, boolean longForm) throws ClientError;
    }

    static OscCommand list(String name, boolean hasLong, Source source) {
        return new OscCommand(name, null, hasLong, source);
    }

    static OscCommand show(String name, String metavar, Source source) {
        return new OscCommand(name, metavar, false, source);
    }

    boolean isShow() {
        return metavar != null;
    }

    Argparse parser() {
        Argparse p = new Argparse("openstack " + name, CliffRelease.ZED.python()).flag("-h", "--help");
        if (isShow()) {
            return CliffOutput.showOptions(p, CliffRelease.ZED).positional(metavar);
        }
        CliffOutput.listOptions(p, CliffRelease.ZED);
        return hasLong ? p.flag("--long") : p;
    }
}
