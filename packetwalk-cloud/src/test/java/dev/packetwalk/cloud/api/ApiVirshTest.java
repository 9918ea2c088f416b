package dev.packetwalk.cloud.api;

import org.junit.jupiter.api.Test;

import java.util.Arrays;

import static org.assertj.core.api.Assertions.assertThat;

/** {@code virsh} on the nodes of seed 004's cloud: each node lists only its own instances. */
class ApiVirshTest {
    private final ApiRun compute01 = new ApiRun(SeedCloud.build(), "compute01");

    @Test
    void listShowsTheNodesDomains() {
        assertThat(compute01.run("virsh list").out()).isEqualTo("""
                 Id    Name                           State
                ----------------------------------------------------
                 1     instance-00000003              running

                """);
        assertThat(new ApiRun(SeedCloud.build(), "network-node").run("virsh list --all").out()).isEqualTo("""
                 Id    Name                           State
                ----------------------------------------------------

                """);
    }

    @Test
    void domiflistShowsTheTapOnItsLinuxBridge() {
        assertThat(compute01.run("virsh domiflist instance-00000003").out()).isEqualTo("""
                Interface  Type       Source     Model       MAC
                -------------------------------------------------------
                tapf7eae624-34 bridge     qbrf7eae624-34 virtio      fa:16:3e:3b:53:26

                """);
        assertThat(compute01.run("virsh domiflist 1").out()).contains("tapf7eae624-34");
    }

    @Test
    void dumpxmlIsADomainWithOneBridgeInterfacePerPort() {
        String xml = compute01.run("virsh dumpxml instance-00000003").out();
        assertThat(xml).startsWith("<domain type='kvm' id='1'>\n  <name>instance-00000003</name>\n").endsWith("</domain>\n\n");
        assertThat(xml).contains("""
                    <interface type='bridge'>
                      <mac address='fa:16:3e:3b:53:26'/>
                      <source bridge='qbrf7eae624-34'/>
                      <target dev='tapf7eae624-34'/>
                      <model type='virtio'/>
                """);
        assertThat(Arrays.stream(xml.split("\n")).filter(l -> l.matches(".*(mac|tap).*"))).hasSize(2);
    }

    @Test
    void errorsAsVirshPrintsThem() {
        ApiRun.Result missing = compute01.run("virsh dumpxml instance-00000009");
        assertThat(missing.status()).isEqualTo(1);
        assertThat(missing.err()).isEqualTo("error: failed to get domain 'instance-00000009'\n"
                + "error: Domain not found: no domain with matching name 'instance-00000009'\n");
        ApiRun.Result elsewhere = new ApiRun(SeedCloud.build(), "network-node").run("virsh dumpxml instance-00000003");
        assertThat(elsewhere.status()).isEqualTo(1);
        assertThat(compute01.run("virsh domiflist").err()).isEqualTo("error: command 'domiflist' requires <domain> option\n");
        assertThat(compute01.run("virsh frob").err()).isEqualTo("error: unknown command: 'frob'\n");
    }
}
