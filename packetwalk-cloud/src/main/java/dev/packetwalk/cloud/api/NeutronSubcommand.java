package dev.packetwalk.cloud.api;

import java.util.List;

/** One {@code neutron} sub-command ({@code net-list}, {@code port-show} ...): its parser, and what it prints. */
sealed interface NeutronSubcommand permits NeutronList, NeutronShow {
    /** The interpreter and cliff neutronclient 6.x runs on. */
    CliffRelease CLIFF = CliffRelease.OCATA;

    String name();

    /** The sub-command's argparse parser, named {@code neutron NAME}. */
    Argparse parser();

    /** Runs the parsed command and returns its standard output. */
    String print(NeutronApi api, Argparse.Parsed args, CliffOutput out) throws ClientError;

    /** The options neutronclient adds to every list and show command. */
    static Argparse common(Argparse parser) {
        return parser.choice(List.of("json"), "--request-format").flag("-D", "--show-details").append("FIELD", "-F", "--field");
    }
}
