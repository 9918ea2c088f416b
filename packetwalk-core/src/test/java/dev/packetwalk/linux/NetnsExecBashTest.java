package dev.packetwalk.linux;

import dev.packetwalk.host.Hosts;
import dev.packetwalk.host.Shell;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * {@code ip netns exec NS bash} opens a shell inside the namespace that reads the lines after
 * it, until {@code exit} — what the seeds do to step into a qrouter namespace. Compared with
 * real bash reading the same script from a pipe.
 */
class NetnsExecBashTest {
    private static final String SCRIPT = String.join("\n",
            "ip netns add pwt-ns1",
            "ip netns exec pwt-ns1 ip link add d0 type veth peer name d1",
            "ip netns exec pwt-ns1 bash",
            "ip -o link | wc -l",
            "ip netns exec pwt-ns1 bash -c 'ip -o link show lo | wc -l'",
            "exit",
            "ip -o link show d0 2>&1",
            "echo 'ip -o link | wc -l' | ip netns exec pwt-ns1 bash",
            "ip netns exec pwt-ns1 nosuch; echo status $?",
            "ip netns del pwt-ns1",
            "");

    @Test
    void nestedShellRunsTheFollowingLinesInTheNamespace() {
        StringBuilder out = new StringBuilder();
        StringBuilder err = new StringBuilder();
        new Shell(Hosts.unshared("h")).runScript(SCRIPT, out, err);
        assertThat(out.toString() + err).isEqualTo("3\n1\nDevice \"d0\" does not exist.\n3\nstatus 1\n"
                + "exec of \"nosuch\" failed: No such file or directory\n");

        String reason = RealKernel.unavailableReason();
        assumeTrue(reason == null, reason);
        String real = RealKernel.runPiped(SCRIPT);
        assertThat(out.toString()).isEqualTo(real.replace("exec of \"nosuch\" failed: No such file or directory\n", ""));
    }
}
