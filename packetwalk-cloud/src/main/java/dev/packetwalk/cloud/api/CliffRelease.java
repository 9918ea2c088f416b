package dev.packetwalk.cloud.api;

import java.util.List;

/**
 * What differs between the cliff the Ocata-era clients ran on (cliff 2.x under Python 2) and
 * today's (cliff 4 under Python 3, as Zed's openstack client ships it).
 *
 * @param python              the interpreter, which prints the values
 * @param fitsTerminal        cliff 2.x fits tables to the terminal whenever stdout is one; later cliff only with {@code --fit-width}
 * @param newlineAfterJson    cliff 2.x's JSON formatter ends without a newline
 * @param namesKnownColumns   later cliff's "No recognized column names" error also lists the columns it knows
 */
record CliffRelease(Python python, boolean fitsTerminal, boolean newlineAfterJson, boolean namesKnownColumns) {
    static final CliffRelease OCATA = new CliffRelease(Python.PY2, true, false, false);
    static final CliffRelease ZED = new CliffRelease(Python.PY3, false, true, true);

    static final List<String> LIST_FORMATS = List.of("csv", "json", "table", "value", "yaml");
    static final List<String> SHOW_FORMATS = List.of("json", "shell", "table", "value", "yaml");
}
