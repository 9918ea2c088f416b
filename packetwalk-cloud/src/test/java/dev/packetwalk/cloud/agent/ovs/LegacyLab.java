package dev.packetwalk.cloud.agent.ovs;

import dev.packetwalk.cloud.model.Cloud;
import dev.packetwalk.cloud.profile.ReleaseProfile;
import dev.packetwalk.cloud.scenario.Scenario;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;

/**
 * Seed 004's cloud, the {@code legacy} lab (lab/legacy.yaml): a legacy router r1 on
 * network-node SNATs c-private (172.19.1.3 on compute01, VNI 90) and holds its floating IP
 * 172.24.4.3. Its ids for the tests' lookups.
 */
final class LegacyLab {
    static final String PUBLIC = "d478a8b8-96fa-4996-a472-938215b0d1e2";
    static final String PRIVATE = "ab481d2f-05ac-4dea-a37d-0e0c8ab38444";
    static final String NET1 = "1763ddbb-7689-4266-919d-e250e7577749";
    static final String NET2 = "c218c762-e820-464b-b5b9-cfeb9eb51f89";

    private LegacyLab() {
    }

    /** The legacy lab (seed 004) as its scenario describes it, rendered by another release's agents if asked. */
    static Cloud build(ReleaseProfile profile) {
        String yaml = new String(readLab(), StandardCharsets.UTF_8).replace("profile: ocata", "profile: " + profile.name());
        return Scenario.parse(yaml, "legacy.yaml");
    }

    private static byte[] readLab() {
        try (InputStream in = LegacyLab.class.getResourceAsStream("/dev/packetwalk/cloud/lab/legacy.yaml")) {
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
