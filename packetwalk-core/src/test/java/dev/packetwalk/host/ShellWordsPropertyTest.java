package dev.packetwalk.host;

import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.CharRange;
import net.jqwik.api.constraints.Chars;
import net.jqwik.api.constraints.StringLength;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** Quoting round trips: whatever a word holds, quoting it the POSIX way gives it back intact. */
class ShellWordsPropertyTest {

    @Property
    void singleQuotedWordsComeBackUnchanged(@ForAll @CharRange(from = ' ', to = '~') @Chars({'\t', '\n'})
                                            @StringLength(max = 30) String text) {
        String quoted = "'" + text.replace("'", "'\\''") + "'";
        assertThat(ShellWords.split(quoted)).containsExactly(new ShellWords.Token(text, false));
        assertThat(ShellWords.incomplete(quoted)).isFalse();
    }

    @Property
    void backslashEscapedWordsComeBackUnchanged(@ForAll @CharRange(from = '!', to = '~')
                                                @StringLength(min = 1, max = 30) String text) {
        StringBuilder escaped = new StringBuilder();
        text.chars().forEach(c -> escaped.append('\\').append((char) c));
        assertThat(ShellWords.split(escaped + " x")).containsExactly(
                new ShellWords.Token(text, false), new ShellWords.Token("x", false));
    }

    @Property
    void doubleQuotedParametersAreOneField(@ForAll @CharRange(from = ' ', to = '~')
                                           @StringLength(max = 30) String value) {
        List<String> fields = WordExpansion.fields("\"$V\"", name -> name.equals("V") ? value : null);
        assertThat(fields).containsExactly(value);
    }
}
