package dev.packetwalk.app;

import picocli.CommandLine.Option;

import java.io.File;

/** Where hosts come from: {@code --bare}, a built-in lab, a scenario file or node dumps. */
final class Source {
    @Option(names = "--bare", description = "one empty host with Open vSwitch installed")
    boolean bare;

    @Option(names = "--lab", paramLabel = "NAME", description = "a built-in lab (see `packetwalk labs`)")
    String lab;

    @Option(names = "--scenario", paramLabel = "FILE", description = "a scenario file (YAML)")
    File scenario;

    @Option(names = "--dumps", paramLabel = "DIR", description = "dumps taken on real nodes")
    File dumps;

    /** Why this source cannot be used yet, or null when it is {@code --bare}. */
    String unavailableReason() {
        if (lab != null) {
            return "--lab " + lab + " needs the cloud layer, which is not built yet; use --bare";
        }
        if (scenario != null) {
            return "--scenario " + scenario + " needs the cloud layer, which is not built yet; use --bare";
        }
        if (dumps != null) {
            return "--dumps " + dumps + " needs the importers, which are not built yet; use --bare";
        }
        return bare ? null : "the default lab (dvr) is not built yet; use --bare for one empty host";
    }
}
