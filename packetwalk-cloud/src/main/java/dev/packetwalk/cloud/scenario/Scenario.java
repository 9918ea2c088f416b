package dev.packetwalk.cloud.scenario;

import dev.packetwalk.cloud.model.Cloud;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;

/**
 * Scenario files: a cloud described in YAML as an operator would set it up (the format is
 * documented by {@code scenarios/example.yaml}), read into a {@link Cloud} built through the
 * model's validating operations. Anything wrong — malformed YAML, an unknown or missing key, a
 * value of the wrong form, a request the model refuses — is a {@link ScenarioException} naming
 * the source, line and column; no partly built cloud is returned.
 */
public final class Scenario {
    /** Where the built-in labs are kept on the classpath. */
    public static final String LAB_FOLDER = "dev/packetwalk/cloud/lab/";

    private Scenario() {
    }

    /** Reads a scenario file; messages name it as {@code file} is written. */
    public static Cloud load(Path file) {
        String text;
        try {
            text = Files.readString(file, StandardCharsets.UTF_8);
        } catch (NoSuchFileException e) {
            throw new ScenarioException(file.toString(), 0, 0, "no such file");
        } catch (IOException e) {
            throw new ScenarioException(file.toString(), 0, 0, "cannot read the file: " + e.getMessage());
        }
        return parse(text, file.toString());
    }

    /** Reads a built-in lab: the resource {@code name} (such as {@code dvr.yaml}) of {@link #LAB_FOLDER}. */
    public static Cloud fromResource(String name) {
        String resource = LAB_FOLDER + name;
        try (InputStream in = Scenario.class.getClassLoader().getResourceAsStream(resource)) {
            if (in == null) {
                throw new ScenarioException(resource, 0, 0, "no such lab on the classpath");
            }
            return parse(new String(in.readAllBytes(), StandardCharsets.UTF_8), resource);
        } catch (IOException e) {
            throw new ScenarioException(resource, 0, 0, "cannot read the lab: " + e.getMessage());
        }
    }

    /** Reads a scenario from text; {@code sourceName} is what messages call it. */
    public static Cloud parse(String text, String sourceName) {
        YamlNode root = YamlTree.parse(text, sourceName)
                .orElseThrow(() -> new ScenarioException(sourceName, 0, 0, "the scenario is empty (it needs nodes:)"));
        return ScenarioReader.read(root);
    }
}
