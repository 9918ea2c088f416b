package dev.packetwalk.app;

import org.junit.jupiter.api.Test;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The README's examples, run as written: every fenced block that starts with
 * {@code $ ./packetwalk ...} (with an optional {@code <<'EOF'} script) must print exactly the
 * lines that follow it, so the README cannot go stale. A line the README ends with {@code ...}
 * stands for any line that starts with what comes before it.
 */
class ReadmeTest {
    /** One example: the launcher's arguments, the script it reads, and what it prints. */
    private record Example(int line, List<String> args, String stdin, List<String> output) {
    }

    @Test
    void everyExampleInTheReadmePrintsWhatTheReadmeShows() throws IOException {
        Path readme = Path.of(System.getProperty("packetwalk.root", "."), "README.md");
        List<Example> examples = examples(Files.readAllLines(readme));
        assertThat(examples).hasSizeGreaterThanOrEqualTo(4);
        for (Example e : examples) {
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            ByteArrayOutputStream err = new ByteArrayOutputStream();
            int status = Main.run(e.args().toArray(String[]::new),
                    new ByteArrayInputStream(e.stdin().getBytes(StandardCharsets.UTF_8)),
                    new PrintStream(out, true, StandardCharsets.UTF_8), new PrintStream(err, true, StandardCharsets.UTF_8));
            String where = "README.md:" + e.line() + " " + String.join(" ", e.args());
            assertThat(err.toString(StandardCharsets.UTF_8)).as(where).isEmpty();
            assertThat(status).as(where).isZero();
            List<String> printed = out.toString(StandardCharsets.UTF_8).lines().toList();
            assertThat(printed).as(where).hasSameSizeAs(e.output());
            for (int i = 0; i < printed.size(); i++) {
                String shown = e.output().get(i);
                if (shown.endsWith("...")) {
                    assertThat(printed.get(i)).as(where).startsWith(shown.substring(0, shown.length() - 3));
                } else {
                    assertThat(printed.get(i)).as(where).isEqualTo(shown);
                }
            }
        }
    }

    private static List<Example> examples(List<String> lines) {
        List<Example> out = new ArrayList<>();
        for (int i = 0; i < lines.size(); i++) {
            if (!lines.get(i).equals("```") || i + 1 >= lines.size() || !lines.get(i + 1).startsWith("$ ./packetwalk ")) {
                continue;
            }
            int start = i + 1;
            String command = lines.get(start).substring("$ ./packetwalk ".length());
            StringBuilder stdin = new StringBuilder();
            int j = start + 1;
            if (command.endsWith(" <<'EOF'")) {
                command = command.substring(0, command.length() - " <<'EOF'".length());
                for (; !lines.get(j).equals("EOF"); j++) {
                    stdin.append(lines.get(j)).append('\n');
                }
                j++;
            }
            List<String> output = new ArrayList<>();
            for (; !lines.get(j).equals("```"); j++) {
                output.add(lines.get(j));
            }
            out.add(new Example(start + 1, Arrays.asList(command.split(" ")), stdin.toString(), output));
            i = j;
        }
        return out;
    }
}
