package dev.packetwalk.cloud.api;

import org.junit.jupiter.api.Test;

import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** Python's str/repr/json and Python 2's dict order, against what Python 2.7.18 printed (py2dict-cases.txt). */
class ApiPythonTest {
    @Test
    void python2DictOrderAsCPythonIteratesIt() {
        List<String> lines = Resources.lines("py2dict-cases.txt");
        int cases = 0;
        for (int i = 0; i + 1 < lines.size(); i += 2) {
            List<String> inserted = Arrays.asList(lines.get(i).split("\t"));
            List<String> iterated = Arrays.asList(lines.get(i + 1).split("\t"));
            assertThat(Py2Dict.order(inserted)).as("dict of %s", inserted).containsExactlyElementsOf(iterated);
            cases++;
        }
        assertThat(cases).isEqualTo(60);
    }

    @Test
    void jsonAsEachPythonDumpsIt() {
        Map<String, Object> fixedIp = new LinkedHashMap<>();
        fixedIp.put("ip_address", "172.19.1.1");
        fixedIp.put("subnet_id", "0685edba-9a91-4bc8-badc-5427e716693a");
        assertThat(Python.PY2.json(fixedIp)).isEqualTo(
                "{\"subnet_id\": \"0685edba-9a91-4bc8-badc-5427e716693a\", \"ip_address\": \"172.19.1.1\"}");
        assertThat(Python.PY3.json(fixedIp)).isEqualTo(
                "{\"ip_address\": \"172.19.1.1\", \"subnet_id\": \"0685edba-9a91-4bc8-badc-5427e716693a\"}");
        assertThat(Python.PY2.json(List.of(1, true), 2)).isEqualTo("[\n  1, \n  true\n]");
        assertThat(Python.PY3.json(List.of(1, true), 2)).isEqualTo("[\n  1,\n  true\n]");
        assertThat(Python.PY3.json(Map.of(), 2)).isEqualTo("{}");
        assertThat(Python.PY3.json("é\"\n")).isEqualTo("\"\\u00e9\\\"\\n\"");
    }

    @Test
    void reprAndStrAsEachPythonPrintsThem() {
        assertThat(Python.PY2.str(List.of("nova"))).isEqualTo("[u'nova']");
        assertThat(Python.PY3.str(List.of("nova"))).isEqualTo("['nova']");
        assertThat(Python.PY3.repr("it's")).isEqualTo("\"it's\"");
        assertThat(Python.PY2.str(null)).isEqualTo("None");
        assertThat(Python.PY2.str(false)).isEqualTo("False");
        assertThat(Python.PY3.str(1450)).isEqualTo("1450");
    }
}
