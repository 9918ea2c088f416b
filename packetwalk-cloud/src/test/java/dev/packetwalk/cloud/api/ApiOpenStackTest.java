package dev.packetwalk.cloud.api;

import org.junit.jupiter.api.Test;

import java.util.Arrays;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@code openstack} against the real client's output (openstack-cli.txt, Zed): the same columns
 * and fields in the same order, values formatted alike; and cliff's -f/-c handling.
 */
class ApiOpenStackTest {
    private static final OscOracle ORACLE = OscOracle.load();
    private final ApiRun controller = new ApiRun(SeedCloud.build(), "controller");

    @Test
    void portListLongHasTheRealColumns() {
        List<String> table = table("openstack port list --long");
        assertThat(OscOracle.headers(table)).containsExactlyElementsOf(OscOracle.headers(ORACLE.table("port list --long")));
        String vm = table.stream().filter(l -> l.contains(SeedCloud.VM_PORT)).findFirst().orElseThrow();
        assertThat(OscOracle.cells(vm)).containsExactly(SeedCloud.VM_PORT, "", "fa:16:3e:3b:53:26",
                "ip_address='172.19.1.3', subnet_id='" + SeedCloud.SUBNET1 + "'", "ACTIVE", "None", "compute:nova", "");
    }

    @Test
    void networkShowHasTheRealFields() {
        List<String> table = table("openstack network show net1");
        List<String> real = ORACLE.table("network show net1");
        assertThat(OscOracle.fields(table)).containsExactlyElementsOf(OscOracle.fields(real));
        for (String field : List.of("admin_state_up", "router:external", "provider:physical_network", "tags")) {
            assertThat(OscOracle.value(table, field)).as(field).isEqualTo(OscOracle.value(real, field));
        }
        assertThat(OscOracle.value(table, "provider:segmentation_id")).isEqualTo("90");
    }

    @Test
    void routerShowHasTheRealFieldsAndJson() {
        List<String> table = table("openstack router show r1");
        List<String> real = ORACLE.table("router show r1");
        assertThat(OscOracle.fields(table)).containsExactlyElementsOf(OscOracle.fields(real));
        String shape = "\\{\"network_id\": \"[0-9a-f-]{36}\", \"external_fixed_ips\": \\[\\{\"subnet_id\": \"[0-9a-f-]{36}\", "
                + "\"ip_address\": \"[0-9.]+\"}], \"enable_snat\": true}";
        assertThat(OscOracle.value(real, "external_gateway_info")).matches(shape);
        assertThat(OscOracle.value(table, "external_gateway_info")).matches(shape).contains("172.24.4.12");
        assertThat(OscOracle.value(table, "interfaces_info")).isEqualTo("[{\"port_id\": \"2c628d36-765c-420b-b008-b6311a0ed17a\", "
                + "\"ip_address\": \"172.19.1.1\", \"subnet_id\": \"" + SeedCloud.SUBNET1 + "\"}]");
    }

    @Test
    void portShowHasTheRealFields() {
        List<String> table = table("openstack port show " + SeedCloud.VM_PORT);
        List<String> real = ORACLE.table("port show vm1-port");
        assertThat(OscOracle.fields(table)).containsExactlyElementsOf(OscOracle.fields(real));
        assertThat(OscOracle.value(table, "binding_vif_details")).isEqualTo(OscOracle.value(real, "binding_vif_details")
                .replace("netdev", "system"));
        assertThat(OscOracle.value(table, "fixed_ips")).isEqualTo("ip_address='172.19.1.3', subnet_id='" + SeedCloud.SUBNET1 + "'");
    }

    /** The model gives a floating IP its external network's project (Neutron gives it the creator's). */
    @Test
    void floatingIpListHasTheRealColumns() {
        List<String> table = table("openstack floating ip list");
        assertThat(OscOracle.headers(table)).containsExactlyElementsOf(OscOracle.headers(ORACLE.table("floating ip list")));
        assertThat(OscOracle.cells(table.get(3))).containsSubsequence("172.24.4.3", "172.19.1.3", SeedCloud.VM_PORT,
                SeedCloud.PUBLIC, SeedCloud.ADMIN);
    }

    @Test
    void valueFormatPrintsMachineValuesInColumnOrder() {
        ApiRun.Result r = controller.run("openstack network show net1 -f value -c subnets -c mtu -c admin_state_up");
        assertThat(r.out()).isEqualTo("True\n1450\n['" + SeedCloud.SUBNET1 + "']\n");
        assertThat(controller.run("openstack network list -f value -c Name").out()).isEqualTo("net1\npublic\n");
    }

    @Test
    void jsonFormatPrintsRawValuesIndented() {
        ApiRun.Result r = controller.run("openstack network list -f json -c ID -c Subnets");
        assertThat(r.out()).isEqualTo("""
                [
                  {
                    "ID": "1763ddbb-7689-4266-919d-e250e7577749",
                    "Subnets": [
                      "0685edba-9a91-4bc8-badc-5427e716693a"
                    ]
                  },
                  {
                    "ID": "d478a8b8-96fa-4996-a472-938215b0d1e2",
                    "Subnets": [
                      "b193dc42-77ac-44cb-8622-f15331cf6319"
                    ]
                  }
                ]
                """);
        assertThat(controller.run("openstack router show r1 -f json -c admin_state_up -c ha --noindent").out())
                .isEqualTo("{\"admin_state_up\": true, \"ha\": false}\n");
    }

    @Test
    void serverListAndShow() {
        List<String> list = table("openstack server list");
        assertThat(OscOracle.headers(list)).containsExactly("ID", "Name", "Status", "Networks", "Image", "Flavor");
        assertThat(OscOracle.cells(list.get(3))).containsSubsequence("c-private", "ACTIVE", "net1=172.19.1.3, 172.24.4.3",
                "cirros", "m1.tiny");
        List<String> show = table("openstack server show c-private");
        assertThat(OscOracle.value(show, "OS-EXT-SRV-ATTR:instance_name")).isEqualTo("instance-00000003");
        assertThat(OscOracle.value(show, "OS-EXT-STS:power_state")).isEqualTo("Running");
        assertThat(OscOracle.value(show, "security_groups")).isEqualTo("name='default'");
    }

    @Test
    void unknownObjectsAndColumnsFailAsTheClientFails() {
        ApiRun.Result net = controller.run("openstack network show nope");
        assertThat(net.status()).isEqualTo(1);
        assertThat(net.err()).isEqualTo("Error while executing command: No Network found for nope\n");
        assertThat(controller.run("openstack port show nope").err()).isEqualTo("No Port found for nope\n");
        assertThat(controller.run("openstack server show nope").err())
                .isEqualTo("No server with a name or ID of 'nope' exists.\n");
        ApiRun.Result column = controller.run("openstack network list -c bogus");
        assertThat(column.status()).isEqualTo(1);
        assertThat(column.err()).isEqualTo(
                "No recognized column names in ['bogus']. Recognized columns are ('ID', 'Name', 'Subnets').\n");
    }

    @Test
    void usageErrorsAndUnknownCommands() {
        ApiRun.Result missing = controller.run("openstack network show");
        assertThat(missing.status()).isEqualTo(2);
        assertThat(missing.err()).startsWith("usage: openstack network show [-h] [-f {json,shell,table,value,yaml}]\n")
                .endsWith("                              <network>\n"
                        + "openstack network show: error: the following arguments are required: <network>\n");
        ApiRun.Result format = controller.run("openstack network list -f xml");
        assertThat(format.status()).isEqualTo(2);
        assertThat(format.err()).endsWith("openstack network list: error: argument -f/--format: invalid choice: 'xml' "
                + "(choose from 'csv', 'json', 'table', 'value', 'yaml')\n");
        ApiRun.Result unknown = controller.run("openstack network frob");
        assertThat(unknown.status()).isEqualTo(2);
        assertThat(unknown.out()).isEqualTo("openstack: 'network frob' is not an openstack command. See 'openstack --help'.\n"
                + "Did you mean one of these?\n  network list\n  network show\n");
    }

    @Test
    void fitsTheTableOnlyWhenAsked() {
        ApiRun narrow = new ApiRun(SeedCloud.build(), "controller", Terminal.of(60));
        List<String> natural = lines(narrow.run("openstack router show r1").out());
        assertThat(natural.stream().mapToInt(String::length).max().orElse(0)).isGreaterThan(60);
        List<String> fitted = lines(narrow.run("openstack router show r1 --fit-width").out());
        assertThat(fitted).allMatch(l -> l.length() <= 60);
        assertThat(lines(narrow.run("openstack router show r1 --max-width 70").out())).allMatch(l -> l.length() <= 70);
    }

    private List<String> table(String command) {
        ApiRun.Result r = controller.run(command);
        assertThat(r.err()).isEmpty();
        assertThat(r.status()).isZero();
        return lines(r.out());
    }

    private static List<String> lines(String out) {
        return Arrays.asList(out.split("\n"));
    }
}
