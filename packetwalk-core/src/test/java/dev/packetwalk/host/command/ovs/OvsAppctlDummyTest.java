package dev.packetwalk.host.command.ovs;

import dev.packetwalk.host.Host;
import dev.packetwalk.host.Hosts;
import dev.packetwalk.host.Shell;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@code ovs-appctl time/warp} and {@code time/stop} on the host's virtual clock, with the
 * arithmetic and errors of OVS 3.1's timeval.c (outputs and errors captured from a private
 * ovs-vswitchd --enable-dummy; the same lines run against it in TraceDifferentialTest).
 */
class OvsAppctlDummyTest {
    @ParameterizedTest
    @CsvSource(delimiter = ';', value = {
        "time/warp 1500;1500;warped\\n;;0",
        "time/warp 2500 1000;2500;warped\\n;;0",
        "time/warp 0 1500;1500;warped\\n;;0",
        "time/warp 12x;12;warped\\n;;0",
        "time/warp abc;0;;invalid MSECS\\novs-appctl: ovs-vswitchd: server returned an error\\n;2",
        "time/warp -5 300;0;;invalid MSECS\\novs-appctl: ovs-vswitchd: server returned an error\\n;2",
        "time/warp;0;;\"time/warp\" command requires at least 1 arguments\\n"
                + "ovs-appctl: ovs-vswitchd: server returned an error\\n;2",
        "time/warp 1 2 3;0;;\"time/warp\" command takes at most 2 arguments\\n"
                + "ovs-appctl: ovs-vswitchd: server returned an error\\n;2",
        "time/stop;0;;;0",
        "time/stop x;0;;\"time/stop\" command takes at most 0 arguments\\n"
                + "ovs-appctl: ovs-vswitchd: server returned an error\\n;2",
        "revalidator/wait;0;;;0"})
    void advancesTheVirtualClock(String command, long millis, String out, String err, int status) {
        Host host = Hosts.dummyDatapath("h");
        StringBuilder o = new StringBuilder();
        StringBuilder e = new StringBuilder();
        int rc = new Shell(host).runScript("ovs-appctl " + command, o, e);
        assertThat(rc).isEqualTo(status);
        assertThat(o.toString()).isEqualTo(out == null ? "" : out.replace("\\n", "\n"));
        assertThat(e.toString()).isEqualTo(err == null ? "" : err.replace("\\n", "\n"));
        assertThat(host.clock().millis()).isEqualTo(millis);
    }
}
