package dev.packetwalk.bench;

import dev.packetwalk.cloud.agent.Deployment;
import dev.packetwalk.cloud.lab.GeneratedCloud;
import dev.packetwalk.cloud.model.Cloud;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

import java.util.concurrent.TimeUnit;

/**
 * Time to build and render a generated DVR cloud ({@link GeneratedCloud}) of 499 hosts (9
 * network nodes, 490 computes), 5,000 VMs, 500 networks and 100 distributed routers: the model
 * through the API operations, then every node's agents. {@link #main} reports the heap the
 * rendered cloud holds and its bytes per host; given four numbers (computes, VMs, networks,
 * routers) it renders that size instead.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.SingleShotTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 1)
@Measurement(iterations = 3)
@Fork(value = 1, jvmArgs = {"-Xmx4g"})
public class CloudRenderBench {
    static final GeneratedCloud.Size SIZE = new GeneratedCloud.Size(490, 5000, 500, 100);

    @Benchmark
    public Deployment render() {
        Cloud cloud = GeneratedCloud.build(SIZE, 1);
        return Deployment.render(cloud);
    }

    /** One render, then the heap it holds: {@code java -Xmx4g -cp benchmarks.jar dev.packetwalk.bench.CloudRenderBench}. */
    public static void main(String[] args) {
        GeneratedCloud.Size size = args.length == 4 ? new GeneratedCloud.Size(Integer.parseInt(args[0]),
                Integer.parseInt(args[1]), Integer.parseInt(args[2]), Integer.parseInt(args[3])) : SIZE;
        long start = System.nanoTime();
        Deployment d = Deployment.render(GeneratedCloud.build(size, 1));
        long millis = (System.nanoTime() - start) / 1_000_000;
        for (int i = 0; i < 3; i++) {
            System.gc();
        }
        Runtime rt = Runtime.getRuntime();
        long used = rt.totalMemory() - rt.freeMemory();
        int hosts = d.hosts().size();
        System.out.printf("rendered %d hosts, %d VMs, %d networks, %d routers in %d ms; heap in use %d MiB, %d KiB per host%n",
                hosts, d.cloud().servers().size(), d.cloud().networks().size() - 1, d.cloud().routers().size(), millis,
                used >> 20, used / hosts >> 10);
    }
}
