package dev.packetwalk.host;

import java.util.ArrayList;
import java.util.List;

/**
 * One parsed command line: pipelines joined by {@code ;}, {@code &&} and {@code ||}. Words are
 * kept raw (quoted); they are expanded only when their command runs, as bash does.
 */
record CommandList(List<Entry> entries) {

    /** A pipeline and the operator before it (null after {@code ;} or at the start). */
    record Entry(String connector, List<SimpleCommand> pipeline) {
        boolean runsAfter(int status) {
            return connector == null || connector.equals("&&") == (status == 0);
        }
    }

    /** Raw words (assignments first, then the command and its arguments) and redirections. */
    record SimpleCommand(List<String> words, List<Redirection> redirections) {
        boolean isEmpty() {
            return words.isEmpty() && redirections.isEmpty();
        }
    }

    /** Parses the tokens of one complete command line; throws bash's syntax errors. */
    static CommandList parse(List<ShellWords.Token> tokens) {
        List<Entry> entries = new ArrayList<>();
        List<SimpleCommand> pipeline = new ArrayList<>();
        List<String> words = new ArrayList<>();
        List<Redirection> redirections = new ArrayList<>();
        String connector = null;
        for (int i = 0; i < tokens.size(); i++) {
            ShellWords.Token t = tokens.get(i);
            if (!t.isOperator()) {
                words.add(t.text());
                continue;
            }
            if (t.isRedirection()) {
                if (i + 1 >= tokens.size()) {
                    throw ShellSyntaxException.unexpectedToken("newline");
                }
                ShellWords.Token target = tokens.get(++i);
                if (target.isOperator()) {
                    throw ShellSyntaxException.unexpectedToken(target.text());
                }
                redirections.add(Redirection.of(t.text(), target.text()));
                continue;
            }
            SimpleCommand command = new SimpleCommand(List.copyOf(words), List.copyOf(redirections));
            words.clear();
            redirections.clear();
            switch (t.text()) {
                case "|", "&&", "||", ";" -> {
                    if (command.isEmpty()) {
                        throw ShellSyntaxException.unexpectedToken(t.text());
                    }
                    pipeline.add(command);
                    if (!t.text().equals("|")) {
                        entries.add(new Entry(connector, List.copyOf(pipeline)));
                        pipeline.clear();
                        connector = t.text().equals(";") ? null : t.text();
                    }
                }
                case "&" -> throw new ShellSyntaxException("background jobs (&) are not emulated", false);
                default -> throw ShellSyntaxException.unexpectedToken(t.text());
            }
        }
        SimpleCommand last = new SimpleCommand(List.copyOf(words), List.copyOf(redirections));
        if (!last.isEmpty()) {
            pipeline.add(last);
            entries.add(new Entry(connector, List.copyOf(pipeline)));
        } else if (!pipeline.isEmpty() || connector != null) {
            throw new ShellSyntaxException("syntax error: unexpected end of file", false);
        }
        return new CommandList(List.copyOf(entries));
    }
}
