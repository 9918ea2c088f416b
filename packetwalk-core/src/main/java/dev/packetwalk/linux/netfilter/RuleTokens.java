package dev.packetwalk.linux.netfilter;

import java.util.List;

/** The words of a rule specification, read front to back. */
public final class RuleTokens {
    private final List<String> words;
    private int next;

    public RuleTokens(List<String> words) {
        this.words = words;
    }

    public boolean hasNext() {
        return next < words.size();
    }

    public String peek() {
        return hasNext() ? words.get(next) : null;
    }

    public String next() {
        return words.get(next++);
    }

    /** The argument of {@code option}, or the "requires an argument" error. */
    public String argument(String option) {
        if (!hasNext()) {
            throw NetfilterException.parameter("option \"" + option + "\" requires an argument");
        }
        return next();
    }

    /** True when the next word is "!", which it consumes. */
    public boolean bang() {
        if ("!".equals(peek())) {
            next++;
            return true;
        }
        return false;
    }
}
