package dev.packetwalk.app;

import dev.packetwalk.host.Shell;
import dev.packetwalk.host.ShellWords;
import org.jline.reader.Candidate;
import org.jline.reader.EndOfFileException;
import org.jline.reader.LineReader;
import org.jline.reader.LineReaderBuilder;
import org.jline.reader.UserInterruptException;
import org.jline.terminal.Terminal;
import org.jline.terminal.TerminalBuilder;

import java.io.IOException;
import java.io.PrintWriter;
import java.util.List;

/**
 * The interactive shell on a terminal (JLine): Debian's root prompt, history, tab completion
 * of command names, Ctrl-C cancels the line, Ctrl-D leaves a nested shell or ends the session.
 */
final class InteractiveSession {
    private final Shell shell;

    InteractiveSession(Shell shell) {
        this.shell = shell;
    }

    int run() throws IOException {
        try (Terminal terminal = TerminalBuilder.builder().system(true).build()) {
            LineReader reader = LineReaderBuilder.builder()
                    .terminal(terminal)
                    .completer((r, line, candidates) -> {
                        if (line.wordIndex() == 0) {
                            shell.commandNames().forEach(name -> candidates.add(new Candidate(name)));
                        }
                    })
                    .build();
            shell.setInteractive(true);
            shell.attach(new JLineScreen(terminal));
            PrintWriter writer = terminal.writer();
            while (!shell.exited()) {
                String line = readCommandLine(reader);
                StringBuilder out = new StringBuilder();
                StringBuilder err = new StringBuilder();
                if (line == null) {
                    shell.exit(List.of(), err);
                } else {
                    shell.runLine(line, out, err);
                }
                writer.print(out);
                writer.print(err);
                writer.flush();
            }
            return shell.status();
        }
    }

    /** One complete command line (asking for more with "> " while it is incomplete); null at Ctrl-D. */
    private String readCommandLine(LineReader reader) {
        StringBuilder text = new StringBuilder();
        String prompt = shell.prompt();
        while (true) {
            try {
                String line = reader.readLine(prompt);
                text.append(line);
                if (!ShellWords.incomplete(text.toString())) {
                    return text.toString();
                }
                text.append('\n');
                prompt = "> ";
            } catch (UserInterruptException e) {
                text.setLength(0);
                prompt = shell.prompt();
            } catch (EndOfFileException e) {
                return null;
            }
        }
    }
}
