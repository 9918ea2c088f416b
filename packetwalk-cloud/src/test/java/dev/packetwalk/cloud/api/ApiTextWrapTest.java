package dev.packetwalk.cloud.api;

import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * TextWrap against Python's own textwrap.wrap: textwrap-cases.txt holds, for UUIDs, JSON, words
 * with hyphens and dashes at several widths, what Python 2.7.18 ("2") and Python 3.11 ("3") returned.
 */
class ApiTextWrapTest {
    @Test
    void wrapsAsPython2AndPython3Do() {
        int cases = 0;
        String text = null;
        int width = 0;
        List<String> py2 = new ArrayList<>();
        List<String> py3 = new ArrayList<>();
        for (String line : Resources.lines("textwrap-cases.txt")) {
            if (line.startsWith("W\t")) {
                String[] f = line.split("\t", 3);
                width = Integer.parseInt(f[1]);
                text = f[2].replace("\\t", "\t");
            } else if (line.startsWith("2\t")) {
                py2.add(line.substring(2));
            } else if (line.startsWith("3\t")) {
                py3.add(line.substring(2));
            } else if (line.equals("E")) {
                assertThat(TextWrap.wrap(text, width, Python.PY2)).as("py2 %d %s", width, text).containsExactlyElementsOf(py2);
                assertThat(TextWrap.wrap(text, width, Python.PY3)).as("py3 %d %s", width, text).containsExactlyElementsOf(py3);
                py2.clear();
                py3.clear();
                cases++;
            }
        }
        assertThat(cases).isGreaterThan(500);
    }

    @Test
    void seedRouterIdsBreakAsNeutronclientBrokeThem() {
        assertThat(TextWrap.wrap("0b0cb65f-3739-4ca8-a68b-271545681aa7", 22)).containsExactly("0b0cb65f-3739-4ca8",
                "-a68b-271545681aa7");
        assertThat(TextWrap.wrap("bfc87e1e-6b93-446f-a305-6dc6153c1198", 22)).containsExactly("bfc87e1e-6b93-446f-a30",
                "5-6dc6153c1198");
    }
}
