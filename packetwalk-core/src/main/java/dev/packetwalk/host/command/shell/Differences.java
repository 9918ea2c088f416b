package dev.packetwalk.host.command.shell;

/** {@code watch -d}: characters that changed since the last run, in reverse video. */
final class Differences {
    private static final String ON = "\033[7m";
    private static final String OFF = "\033[27m";

    private Differences() {
    }

    static String highlight(String previous, String current) {
        StringBuilder result = new StringBuilder();
        String[] before = previous.split("\n", -1);
        String[] now = current.split("\n", -1);
        for (int line = 0; line < now.length; line++) {
            if (line > 0) {
                result.append('\n');
            }
            String old = line < before.length ? before[line] : "";
            String text = now[line];
            boolean on = false;
            for (int i = 0; i < text.length(); i++) {
                boolean changed = i >= old.length() || old.charAt(i) != text.charAt(i);
                if (changed != on) {
                    result.append(changed ? ON : OFF);
                    on = changed;
                }
                result.append(text.charAt(i));
            }
            if (on) {
                result.append(OFF);
            }
        }
        return result.toString();
    }
}
