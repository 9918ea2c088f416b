package dev.packetwalk.host.command.shell;

import dev.packetwalk.host.Command;
import dev.packetwalk.host.Invocation;

/** GNU {@code sleep}: advances the host's virtual clock by the sum of its intervals. */
final class Sleep implements Command {
    private static final String TRY = "Try 'sleep --help' for more information.";

    @Override
    public int run(Invocation inv) {
        if (inv.args().isEmpty()) {
            inv.errln("sleep: missing operand").errln(TRY);
            return 1;
        }
        double seconds = 0;
        for (String arg : inv.args()) {
            double interval = seconds(arg);
            if (Double.isNaN(interval)) {
                inv.errln("sleep: invalid time interval \u2018" + arg + "\u2019").errln(TRY);
                return 1;
            }
            seconds += interval;
        }
        long nanos = (long) Math.ceil(seconds * 1e9);
        inv.host().clock().advanceTo(inv.host().clock().nanos() + nanos);
        return 0;
    }

    /** Seconds in one interval ({@code 1.5}, {@code 2m}, {@code .5}); NaN when invalid. */
    private static double seconds(String arg) {
        if (!arg.matches("(\\d+\\.?\\d*|\\.\\d+)([eE][+-]?\\d+)?[smhd]?")) {
            return Double.NaN;
        }
        char unit = arg.charAt(arg.length() - 1);
        double scale = switch (unit) {
            case 'm' -> 60;
            case 'h' -> 3600;
            case 'd' -> 86400;
            default -> 1;
        };
        String number = Character.isLetter(unit) && unit != 'e' && unit != 'E'
                ? arg.substring(0, arg.length() - 1) : arg;
        return Double.parseDouble(number) * scale;
    }
}
