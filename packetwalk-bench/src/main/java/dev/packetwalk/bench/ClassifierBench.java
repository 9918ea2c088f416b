package dev.packetwalk.bench;

import dev.packetwalk.ovs.classifier.Classifier;
import dev.packetwalk.ovs.classifier.ClassifierWorkload;
import dev.packetwalk.ovs.classifier.Entry;
import dev.packetwalk.ovs.flow.Flow;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OperationsPerInvocation;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

import java.util.Random;

/**
 * Lookups per second on the workload of OVS's {@code ovstest test-classifier benchmark
 * 1000 10 10 1} (1,000 rules, 10 priorities, 10 masks), which OVS's C classifier runs at about
 * 3.6 M lookups/s "without wildcards" on this machine (ovs.md §4.3).
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.Throughput)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(1)
public class ClassifierBench {
    private static final int BATCH = 1024;

    @Param({"1000:10:10", "10000:10:10", "1000:1:1"})
    public String shape;

    private Classifier<Integer> classifier;
    private Flow[] flows;

    @Setup
    public void setUp() {
        String[] p = shape.split(":");
        Random rnd = new Random(1);
        classifier = ClassifierWorkload.build(rnd, Integer.parseInt(p[0]), Integer.parseInt(p[1]),
                Integer.parseInt(p[2]));
        flows = new Flow[BATCH];
        for (int i = 0; i < BATCH; i++) {
            flows[i] = ClassifierWorkload.randomFlow(rnd);
        }
    }

    /** One operation is one lookup; the score is lookups per second. */
    @Benchmark
    @OperationsPerInvocation(BATCH)
    public int lookup() {
        int hits = 0;
        for (Flow f : flows) {
            Entry<Integer> e = classifier.lookup(f);
            if (e != null) {
                hits++;
            }
        }
        return hits;
    }
}
