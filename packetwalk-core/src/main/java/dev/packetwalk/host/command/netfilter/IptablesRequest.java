package dev.packetwalk.host.command.netfilter;

import dev.packetwalk.linux.netfilter.NetfilterException;

import java.util.ArrayList;
import java.util.List;

/**
 * An iptables command line split into the command (-A, -L ...), its chain and positional
 * arguments, the listing flags, and the words of the rule specification.
 */
record IptablesRequest(char command, String table, String chain, int number, String policy,
                       boolean numeric, boolean verbose, boolean exact, boolean lineNumbers,
                       boolean zeroAfter, List<String> ruleWords) {

    private static final class Builder {
        char command;
        String table = "filter";
        String chain;
        int number = -1;
        String policy;
        boolean numeric;
        boolean verbose;
        boolean exact;
        boolean lineNumbers;
        boolean zeroAfter;
        final List<String> rule = new ArrayList<>();

        void command(char c, String word) {
            if (command != 0 && !(command == 'L' && c == 'Z')) {
                throw NetfilterException.parameter("Can't use -" + c + " with -" + command);
            }
            if (command == 'L' && c == 'Z') {
                zeroAfter = true;
                return;
            }
            command = c;
        }
    }

    private static char letter(String word) {
        return switch (word) {
            case "-A", "--append" -> 'A';
            case "-I", "--insert" -> 'I';
            case "-D", "--delete" -> 'D';
            case "-R", "--replace" -> 'R';
            case "-C", "--check" -> 'C';
            case "-N", "--new-chain", "--new" -> 'N';
            case "-X", "--delete-chain" -> 'X';
            case "-F", "--flush" -> 'F';
            case "-Z", "--zero" -> 'Z';
            case "-P", "--policy" -> 'P';
            case "-L", "--list" -> 'L';
            case "-S", "--list-rules" -> 'S';
            default -> 0;
        };
    }

    private static boolean positional(List<String> a, int i) {
        return i < a.size() && !a.get(i).startsWith("-") && !a.get(i).equals("!");
    }

    private static boolean isNumber(List<String> a, int i) {
        return i < a.size() && !a.get(i).isEmpty() && a.get(i).chars().allMatch(Character::isDigit);
    }

    static IptablesRequest parse(List<String> a) {
        Builder b = new Builder();
        int i = 0;
        while (i < a.size()) {
            String w = a.get(i++);
            char c = letter(w);
            if (c != 0) {
                b.command(c, w);
                i = positionals(b, c, a, i, w);
                continue;
            }
            switch (w) {
                case "-t", "--table" -> {
                    if (i >= a.size()) {
                        throw NetfilterException.parameter("option \"" + w + "\" requires an argument");
                    }
                    b.table = a.get(i++);
                }
                case "-n", "--numeric" -> b.numeric = true;
                case "-v", "--verbose" -> b.verbose = true;
                case "-x", "--exact" -> b.exact = true;
                case "--line-numbers" -> b.lineNumbers = true;
                case "-w", "--wait" -> {
                    if (isNumber(a, i)) {
                        i++;
                    }
                }
                case "-W", "--wait-interval" -> i++;
                case "-nv", "-vn" -> {
                    b.numeric = true;
                    b.verbose = true;
                }
                default -> b.rule.add(w);
            }
        }
        if (b.command == 0) {
            throw NetfilterException.parameter("no command specified");
        }
        return new IptablesRequest(b.command, b.table, b.chain, b.number, b.policy, b.numeric, b.verbose,
                b.exact, b.lineNumbers, b.zeroAfter, b.rule);
    }

    private static int positionals(Builder b, char c, List<String> a, int i, String w) {
        switch (c) {
            case 'A', 'C', 'N' -> {
                b.chain = required(a, i++, w);
            }
            case 'I' -> {
                b.chain = required(a, i++, w);
                if (isNumber(a, i)) {
                    b.number = Integer.parseInt(a.get(i++));
                }
            }
            case 'R' -> {
                b.chain = required(a, i++, w);
                if (!isNumber(a, i)) {
                    throw NetfilterException.parameter("-R requires a rule number");
                }
                b.number = Integer.parseInt(a.get(i++));
            }
            case 'D' -> {
                b.chain = required(a, i++, w);
                if (isNumber(a, i)) {
                    b.number = Integer.parseInt(a.get(i++));
                }
            }
            case 'P' -> {
                b.chain = required(a, i++, w);
                b.policy = required(a, i++, w);
            }
            case 'X', 'F', 'Z', 'L', 'S' -> {
                if (c == 'Z' && b.zeroAfter) {
                    return i;
                }
                if (positional(a, i)) {
                    b.chain = a.get(i++);
                    if ((c == 'L' || c == 'S' || c == 'Z') && isNumber(a, i)) {
                        b.number = Integer.parseInt(a.get(i++));
                    }
                }
            }
            default -> {
            }
        }
        return i;
    }

    private static String required(List<String> a, int i, String option) {
        if (i >= a.size()) {
            throw NetfilterException.parameter("option \"" + option + "\" requires an argument");
        }
        return a.get(i);
    }
}
