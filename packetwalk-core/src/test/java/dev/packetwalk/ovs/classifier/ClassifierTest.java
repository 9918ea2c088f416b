package dev.packetwalk.ovs.classifier;

import dev.packetwalk.ovs.flow.Flow;
import dev.packetwalk.ovs.flow.Match;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;

import static org.assertj.core.api.Assertions.assertThat;

class ClassifierTest {
    private static final long MAC_MASK = 0xffff_ffff_ffffL << 16;

    private static Match inPort(int port) {
        long[] v = new long[Flow.N_WORDS];
        long[] m = new long[Flow.N_WORDS];
        v[Flow.W_PORT_MARK] = (long) port << 32;
        m[Flow.W_PORT_MARK] = 0xffff_ffffL << 32;
        return Match.of(v, m);
    }

    private static Match dlSrc(long mac) {
        long[] v = new long[Flow.N_WORDS];
        long[] m = new long[Flow.N_WORDS];
        v[Flow.W_DL_SRC] = mac << 16;
        m[Flow.W_DL_SRC] = MAC_MASK;
        return Match.of(v, m);
    }

    private static Flow flow(int inPort, long dlSrc) {
        Flow f = new Flow();
        f.setInPort(inPort);
        f.setDlSrc(dlSrc);
        return f;
    }

    @Test
    void highestPriorityWins() {
        Classifier<String> c = new Classifier<>();
        c.insert(Match.CATCH_ALL, 0, "normal");
        c.insert(inPort(1), 100, "port1");
        c.insert(dlSrc(1), 50, "mac1");
        assertThat(c.lookup(flow(1, 1)).value()).isEqualTo("port1");
        assertThat(c.lookup(flow(2, 1)).value()).isEqualTo("mac1");
        assertThat(c.lookup(flow(2, 2)).value()).isEqualTo("normal");
    }

    @Test
    void sameMatchAndPriorityReplaces() {
        Classifier<String> c = new Classifier<>();
        assertThat(c.insert(inPort(1), 10, "a")).isNull();
        assertThat(c.insert(inPort(1), 10, "b")).isEqualTo("a");
        assertThat(c.insert(inPort(1), 11, "c")).isNull();
        assertThat(c.size()).isEqualTo(2);
        assertThat(c.lookup(flow(1, 0)).value()).isEqualTo("c");
        assertThat(c.remove(inPort(1), 11)).isEqualTo("c");
        assertThat(c.lookup(flow(1, 0)).value()).isEqualTo("b");
    }

    /** ovs.md §3.1: between equal priorities, the subtable created first wins. */
    @Test
    void tiesGoToTheSubtableCreatedFirst() {
        Classifier<String> c = new Classifier<>();
        c.insert(inPort(1), 10, "in_port");
        c.insert(dlSrc(1), 10, "dl_src");
        assertThat(c.lookup(flow(1, 1)).value()).isEqualTo("in_port");

        Classifier<String> swapped = new Classifier<>();
        swapped.insert(dlSrc(1), 10, "dl_src");
        swapped.insert(inPort(1), 10, "in_port");
        assertThat(swapped.lookup(flow(1, 1)).value()).isEqualTo("dl_src");
    }

    /** ovs.md §3.1: a higher rule in the dl_src subtable moves it first, so its priority-10 rule wins ties. */
    @Test
    void aHigherRuleReordersSubtables() {
        Classifier<String> c = new Classifier<>();
        c.insert(inPort(1), 10, "in_port");
        c.insert(dlSrc(1), 10, "dl_src");
        c.insert(dlSrc(9), 20, "other");
        assertThat(c.lookup(flow(1, 1)).value()).isEqualTo("dl_src");
    }

    /** Against a linear reference model (OVS's tcls) with distinct priorities, as OVS's random tests do. */
    @Test
    void agreesWithALinearModel() {
        Random rnd = new Random(42);
        for (int round = 0; round < 30; round++) {
            Classifier<Integer> c = new Classifier<>();
            List<Object[]> model = new ArrayList<>();
            List<Integer> priorities = new ArrayList<>();
            for (int p = 0; p < 400; p++) {
                priorities.add(p);
            }
            java.util.Collections.shuffle(priorities, rnd);
            for (int i = 0; i < 200; i++) {
                Match m = ClassifierWorkload.randomMatch(rnd, rnd.nextInt(8));
                int prio = priorities.get(i);
                c.insert(m, prio, i);
                model.add(new Object[] {m, prio, i});
            }
            // remove a few
            for (int i = 0; i < 30; i++) {
                Object[] doomed = model.remove(rnd.nextInt(model.size()));
                assertThat(c.remove((Match) doomed[0], (Integer) doomed[1])).isEqualTo(doomed[2]);
            }
            for (int i = 0; i < 2000; i++) {
                Flow f = ClassifierWorkload.randomFlow(rnd);
                Integer expected = null;
                int best = -1;
                for (Object[] r : model) {
                    if (((Match) r[0]).matches(f) && (Integer) r[1] > best) {
                        best = (Integer) r[1];
                        expected = (Integer) r[2];
                    }
                }
                Entry<Integer> e = c.lookup(f);
                assertThat(e == null ? null : e.value()).isEqualTo(expected);
            }
            assertThat(c.entries()).hasSize(model.size());
        }
    }
}
