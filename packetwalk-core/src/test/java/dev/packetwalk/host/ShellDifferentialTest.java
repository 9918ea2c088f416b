package dev.packetwalk.host;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * The same small scripts through the machine's bash (with GNU grep/coreutils) and through
 * {@link Shell}: stdout, stderr and exit status must be identical.
 */
class ShellDifferentialTest {
    private static final String LINES = "echo -e 'foo\\nbar\\nFoo bar\\nfoobar\\nbaz\\n"
            + "  n_packets=0, x\\na.b\\naxb\\nfoo-bar_1' | ";
    private static final String NUMBERS = "echo -e '10 b\\n9 a\\n-1 c\\n2.5 a\\nabc z\\n9 a\\n007 q' | ";

    @BeforeAll
    static void needsBash() {
        assumeTrue(RealBash.available(), "/bin/bash is not installed");
    }

    @ParameterizedTest
    @ValueSource(strings = {
        "echo hello world\necho -n a; echo b\necho -- -n\necho -nE x; echo\necho \"a  b\"   c",
        "echo -e 'a\\tb\\x41\\101\\c' z; echo\necho -e 'x\\\\y' \"\\$HOME\" '\\q'",
        "echo 'single $X \"q\"' a\\ b \"a\\\"b\" \"it's\" 'x'\"y\"z",
        "X=5; echo $X ${X}x \"$X\" '$X' \\$X\nY=\"a   b\"; echo $Y; echo \"$Y\"\necho [$UNSET] [\"\"] [$UNSET\"\"]",
        "echo ~ ~/x \"~\" a~",
        "false; echo $?; true; echo $?; nosuch; echo $?\n/usr/bin/nosuch; echo $?",
        "true && echo a || echo b; false && echo c || echo d\nfalse || false && echo e; true || echo f; echo g",
        "# comment\necho a # trailing\n\n   \necho b#c\n  echo   indented",
        "echo a \\\n  b\necho \"multi\nline\"\necho 'x\\\ny'\necho one |\ngrep one",
        "echo a; exit 3; echo b",
        "false\nexit",
        "exit 300",
        "exit 1 2\necho still $?\nexit foo\necho no",
        "echo a && && b\necho after",
        "echo x | | grep x",
        "echo a ;; echo b",
        "echo 'unterminated\necho more",
        "echo hi |",
        "echo a\necho 'b\nc",
        "echo a\necho a &&",
        "echo a \\",
        "nosuch 2>/dev/null; echo $?\nnosuch 2>&1 | grep -c found\necho hi >/dev/null\necho x &>/dev/null; echo y 2>&1\necho err >&2; echo both 1>&2",
        "nosuch 2>&1 >/dev/null | wc -l\necho z > /dev/stderr",
        "echo -e 'b\\na\\nc\\nb\\nB\\n_x\\n10\\n9' | sort\necho -e 'b\\na\\nb' | sort -r\necho -e 'b\\na\\nb' | sort -u",
        NUMBERS + "sort -n",
        NUMBERS + "sort -rn",
        NUMBERS + "sort -k2",
        NUMBERS + "sort -k2,2 -k1n",
        NUMBERS + "sort -nu",
        "echo -e 'a:3\\nb:1\\nc:2\\nd:10' | sort -t: -k2n\necho -e 'x\\nX\\ny' | sort -f",
        "echo -e 'a\\na\\nb\\nc\\nc\\nc\\na' | uniq -c\necho -e 'a\\na\\nb' | uniq -d\necho -e 'a\\na\\nb' | uniq -u",
        LINES + "grep foo",
        LINES + "grep -i foo",
        LINES + "grep -v foo",
        LINES + "grep -c o; echo $?",
        LINES + "grep -vc o",
        LINES + "grep -w foo",
        LINES + "grep -o 'o\\+'",
        LINES + "grep -on 'ba.'",
        LINES + "grep -n bar",
        LINES + "grep -x foo",
        LINES + "grep -F 'a.b'",
        LINES + "grep 'a.b'",
        LINES + "grep -E 'fo+|ba[rz]'",
        LINES + "egrep 'x|bar$'",
        LINES + "grep -e foo -e baz",
        LINES + "grep 'fo\\{2\\}'",
        LINES + "grep '^[[:upper:]]'",
        LINES + "grep -E '(o)\\1'",
        LINES + "grep 'f\\(o\\)\\1b'",
        LINES + "grep '[^a-z ]'",
        LINES + "grep -v n_packets=0",
        LINES + "grep '\\.'",
        LINES + "grep 'bar\\|baz'",
        LINES + "grep '\\<bar'",
        LINES + "grep 'a|b'; echo $?",
        LINES + "grep -E 'a{1'; echo $?",
        LINES + "grep -A1 bar",
        LINES + "grep -B1 -n baz",
        LINES + "grep -C1 a.b",
        LINES + "grep -m1 o",
        LINES + "grep -q bar; echo $?",
        LINES + "grep nothing; echo $?",
        LINES + "grep -iw 'FOO' -",
        LINES + "grep -- -bar",
        LINES + "grep 'a\\(b'; echo $?",
        LINES + "grep -E 'a(b'",
        LINES + "grep '[a'",
        LINES + "grep '[:space:]'",
        LINES + "grep 'a\\{1'",
        LINES + "grep 'x\\'",
        LINES + "grep '\\(a\\)\\2'",
        LINES + "grep",
        LINES + "grep --foo x",
        LINES + "grep -e",
        LINES + "grep foo nofile; echo $?",
        LINES + "head -2",
        LINES + "head -n 3",
        LINES + "head -n -7",
        LINES + "head -n x",
        LINES + "tail -2",
        LINES + "tail -n +8",
        LINES + "tail -n 1",
        LINES + "tail -3 | head -1",
        "echo -n -e 'a\\nb' | tail -1; echo\necho -n -e 'a\\nb' | head -1",
        LINES + "wc",
        LINES + "wc -l",
        LINES + "wc -w",
        LINES + "wc -c",
        LINES + "wc -lc",
        "echo -n abc | wc\necho | wc -l\nwc -l < /dev/null",
        LINES + "cat | more | less | cat -",
        "cat nofile; echo $?\nmore nofile; echo $?",
        "bash -c 'echo a; nosuch; exit 4'; echo $?\nsh -c 'nosuch; /x/y; echo $?; exit foo'; echo $?",
        "sh -c 'echo a && && b'; echo $?\nsh -c 'echo |'; echo $?\nbash -c 'echo a ;; b'; echo $?",
        LINES + "awk '{print $1}'",
        LINES + "awk '{ print $2, $1; print NR \": \" NF }'",
        LINES + "awk '/^fo+/ {print $NF}'",
        LINES + "awk '/bar/'",
        LINES + "awk -F: '{print $1,$2}'; echo 'a:b:c' | awk -F : '{print $(NF-1) \"-\" $NF}'",
        "echo ' x  y ' | awk '{print $2 $1, NF; print}'",
    })
    void sameAsBash(String script) {
        RealBash.Result real = RealBash.run(script + "\n");
        StringBuilder out = new StringBuilder();
        StringBuilder err = new StringBuilder();
        int status = new Shell(Hosts.unshared("localhost")).runScript(script + "\n", out, err);
        assertThat(out.toString()).as("stdout of:\n%s", script).isEqualTo(real.out());
        assertThat(err.toString()).as("stderr of:\n%s", script).isEqualTo(real.err());
        assertThat(status).as("status of:\n%s", script).isEqualTo(real.status());
    }
}
