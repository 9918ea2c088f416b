package dev.packetwalk.cloud.scenario;

/**
 * A scenario that cannot be read: where (its source, a line and column counted from 1, or 0
 * when not known) and what is wrong. {@link #getMessage()} is the whole line a user sees, as
 * {@code scenarios/x.yaml:12:5: unknown key "segmentaton_id" in network "private" (...)}.
 */
public final class ScenarioException extends RuntimeException {
    private final String source;
    private final int line;
    private final int column;
    private final String problem;

    public ScenarioException(String source, int line, int column, String problem) {
        super(source + (line > 0 ? ":" + line + (column > 0 ? ":" + column : "") : "") + ": " + problem);
        this.source = source;
        this.line = line;
        this.column = column;
        this.problem = problem;
    }

    /** The file or resource the scenario came from, as the caller named it. */
    public String source() {
        return source;
    }

    public int line() {
        return line;
    }

    public int column() {
        return column;
    }

    /** What is wrong, without the place. */
    public String problem() {
        return problem;
    }
}
