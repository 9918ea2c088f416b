package dev.packetwalk.host.command.shell;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * The header line of {@code watch}, against the real procps-ng watch run on an 80-column
 * pseudo-terminal (util-linux {@code script}): the first frame's row 1 is rebuilt from the
 * cursor moves watch sends, and our header for the same host name and time must equal it.
 */
class WatchHeaderTest {
    private static final Pattern MOVE = Pattern.compile("\033\\[(\\d+);(\\d+)H");
    private static final Pattern OTHER_ESCAPE = Pattern.compile("\033(\\[[0-9;?]*[A-Za-z]|\\(B)");
    private static final Pattern RIGHT = Pattern.compile("(\\S+): (\\w{3} \\w{3} [ \\d]\\d \\d\\d:\\d\\d:\\d\\d \\d{4})$");

    @BeforeAll
    static void needsWatchAndScript() {
        assumeTrue(new File("/usr/bin/watch").canExecute(), "procps watch is not installed");
        assumeTrue(new File("/usr/bin/script").canExecute(), "util-linux script is not installed");
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "0.5  | echo hi",
        "2    | ovs-ofctl dump-flows br-tun table=0",
        "2    | ovs-ofctl dump-flows br-tun table=21",
        "0.05 | echo aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa",
        "1.25 | true",
        "1    | echo aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa",
        "1    | echo aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa",
    })
    void headerIsTheRealOne(String interval, String command) throws Exception {
        String real = realHeader(interval, command);
        Matcher right = RIGHT.matcher(real);
        assertThat(right.find()).as("real header: %s", real).isTrue();
        LocalDateTime time = LocalDateTime.parse(right.group(2).replaceAll(" +", " "),
                DateTimeFormatter.ofPattern("EEE MMM d HH:mm:ss yyyy", Locale.US));
        WatchHeader ours = new WatchHeader(Watch.WatchRequest.parse(List.of("-n", interval, command))
                .interval(), command, right.group(1), time.atZone(ZoneOffset.UTC));
        assertThat(ours.render(80)).isEqualTo(real);
    }

    /** Row 1 of watch's first frame on an 80x24 pseudo-terminal. */
    private static String realHeader(String interval, String command) throws IOException, InterruptedException {
        String inner = "stty cols 80 rows 24; watch -n " + interval + " '" + command + "'";
        Process p = new ProcessBuilder("timeout", "-s", "KILL", "1.5", "script", "-qfc", inner, "/dev/null")
                .redirectErrorStream(true).start();
        p.getOutputStream().close();
        byte[] bytes = p.getInputStream().readAllBytes();
        p.waitFor(10, TimeUnit.SECONDS);
        String screen = new String(bytes, StandardCharsets.UTF_8);
        int start = screen.indexOf("\033[H\033[2J");
        assumeTrue(start >= 0, "real watch drew no screen (no pseudo-terminal?): " + screen);
        char[] row = new char[80];
        Arrays.fill(row, ' ');
        int col = 0;
        String rest = screen.substring(start + "\033[H\033[2J".length());
        int i = 0;
        while (i < rest.length()) {
            Matcher move = MOVE.matcher(rest).region(i, rest.length());
            Matcher other = OTHER_ESCAPE.matcher(rest).region(i, rest.length());
            if (move.lookingAt()) {
                if (!move.group(1).equals("1")) {
                    break;
                }
                col = Integer.parseInt(move.group(2)) - 1;
                i = move.end();
            } else if (other.lookingAt()) {
                i = other.end();
            } else {
                if (col < 80) {
                    row[col++] = rest.charAt(i);
                }
                i++;
            }
        }
        return new String(row).stripTrailing();
    }
}
