package dev.packetwalk.cloud.api;

import java.util.List;

/** A Nova flavor: its id, memory (MiB), vCPUs and root disk (GiB). Servers name theirs; these are DevStack's. */
record Flavor(String name, String id, int ramMb, int vcpus, int diskGb) {
    private static final List<Flavor> KNOWN = List.of(
            new Flavor("m1.tiny", "1", 512, 1, 1),
            new Flavor("m1.small", "2", 2048, 1, 20),
            new Flavor("m1.medium", "3", 4096, 2, 40),
            new Flavor("m1.large", "4", 8192, 4, 80),
            new Flavor("m1.xlarge", "5", 16384, 8, 160),
            new Flavor("m1.nano", "42", 64, 1, 0),
            new Flavor("m1.micro", "84", 128, 1, 0),
            new Flavor("cirros256", "c1", 256, 1, 0),
            new Flavor("ds512M", "d1", 512, 1, 5),
            new Flavor("ds1G", "d2", 1024, 1, 10),
            new Flavor("ds2G", "d3", 2048, 2, 10),
            new Flavor("ds4G", "d4", 4096, 4, 20));

    /** The flavor of this name; an unknown name is a one-vCPU 512 MiB flavor whose id is its name. */
    static Flavor named(String name) {
        return KNOWN.stream().filter(f -> f.name.equals(name)).findFirst().orElse(new Flavor(name, name, 512, 1, 1));
    }
}
