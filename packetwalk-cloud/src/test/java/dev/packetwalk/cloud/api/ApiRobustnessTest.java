package dev.packetwalk.cloud.api;

import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Random;

import static org.assertj.core.api.Assertions.assertThat;

/** Bad input gets the tool's own error, never an exception: odd command lines, and random ones. */
class ApiRobustnessTest {
    private static final List<String> WORDS = List.of("neutron", "nova", "openstack", "virsh", "net-list", "net-show",
            "port-show", "router-port-list", "l3-agent-list-hosting-router", "show", "list", "interface-list", "network",
            "port", "router", "floating", "ip", "security", "group", "server", "dumpxml", "domiflist", "-f", "json", "value",
            "table", "yaml", "csv", "shell", "-c", "id", "ID", "name", "--max-width", "0", "-1", "99999999999", "--fit-width",
            "--long", "-F", "--field", "--", "=", "--x=y", "r1", "net1", "c-private", "instance-00000003", "1", "'", "\"\"",
            "--sort-column", "--sort-descending", "--wrap", "--all-tenants", "--tenant", "-P", "--sort-key", "--sort-dir",
            "desc", "--all", "--noindent", "--prefix", "-h", "--print-empty", "--device_owner", "list=true");

    private final ApiRun node = new ApiRun(SeedCloud.build(), "compute01", Terminal.of(40));

    @Test
    void oddLines() {
        for (String line : List.of("neutron", "nova", "openstack", "virsh", "neutron net-show ''", "neutron net-list -c",
                "neutron net-list --max-width 99999999999", "nova show c-private --wrap 99999999999",
                "nova show c-private --wrap 12", "neutron router-show r1 -F nothing", "neutron net-list -f value -c nope",
                "openstack network show net1 -c nope", "openstack floating ip show 172.24.4.3",
                "openstack port list --sort-column nope", "virsh dumpxml --domain instance-00000003", "neutron net-list --",
                "neutron net-list -- --name net1", "neutron port-list --fixed-ips", "openstack network list --max-width 1",
                "neutron router-list --max-width 10", "nova list --all-tenants 0", "neutron help net-list")) {
            assertNoCrash(line);
        }
    }

    @Test
    void randomLines() {
        Random random = new Random(42);
        for (int i = 0; i < 1500; i++) {
            StringBuilder line = new StringBuilder(WORDS.get(random.nextInt(4)));
            int n = random.nextInt(6);
            for (int w = 0; w < n; w++) {
                line.append(' ').append(WORDS.get(random.nextInt(WORDS.size())));
            }
            assertNoCrash(line.toString());
        }
    }

    private void assertNoCrash(String line) {
        ApiRun.Result r = node.run(line);
        assertThat(r.err()).as(line).doesNotContain("internal error").doesNotContain("Exception");
        assertThat(r.status()).as(line).isIn(0, 1, 2);
    }
}
