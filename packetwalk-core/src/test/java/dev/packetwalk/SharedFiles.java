package dev.packetwalk;

import java.nio.file.Path;

/**
 * The project's shared reference material (../shared beside the repository): the real tools'
 * captured outputs and the seed walkthroughs that tests take their golden text from.
 */
public final class SharedFiles {
    private SharedFiles() {
    }

    /** The shared folder: the system property {@code packetwalk.root} (set by the build) + {@code ../shared}. */
    public static Path root() {
        return Path.of(System.getProperty("packetwalk.root", "."), "..", "shared").normalize();
    }

    /** Real OVS 3.1 outputs ({@code reference/ovs-captures}). */
    public static Path ovsCaptures() {
        return root().resolve("reference").resolve("ovs-captures");
    }

    /** The walkthroughs the labs reproduce ({@code seeds}). */
    public static Path seeds() {
        return root().resolve("seeds");
    }
}
