package dev.packetwalk.cloud.agent.iptables;

import dev.packetwalk.linux.Kernel;
import dev.packetwalk.linux.Namespace;
import dev.packetwalk.linux.netfilter.Rule;
import dev.packetwalk.net.Clock;
import org.junit.jupiter.api.Test;

import java.util.List;

import static dev.packetwalk.cloud.agent.HostShell.save;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The manager's skeleton against Ocata's IptablesManager.__init__ (neutron.md §8.1), and how apply rewrites tables. */
class IptablesManagerTest {
    private final Namespace ns = new Kernel(new Clock()).root();

    @Test
    void wrapNamesAreBinaryNamesCutTo16() {
        assertThat(WrapName.OVS_AGENT.binary()).isEqualTo("neutron-openvswi");
        assertThat(WrapName.L3_AGENT.binary()).isEqualTo("neutron-l3-agent");
        assertThat(WrapName.DHCP_AGENT.binary()).isEqualTo("neutron-dhcp-age");
        assertThat(WrapName.OVS_AGENT.chain("i0e6fb773-92a4-4d1e")).isEqualTo("neutron-openvswi-i0e6fb773-9");
    }

    @Test
    void theL3SkeletonHasAllFourTables() {
        IptablesManager.create(ns, WrapName.L3_AGENT).apply();
        assertThat(save(ns, null)).containsExactly(
                "*mangle", ":PREROUTING ACCEPT [0:0]", ":INPUT ACCEPT [0:0]", ":FORWARD ACCEPT [0:0]",
                ":OUTPUT ACCEPT [0:0]", ":POSTROUTING ACCEPT [0:0]",
                ":neutron-l3-agent-FORWARD - [0:0]", ":neutron-l3-agent-INPUT - [0:0]",
                ":neutron-l3-agent-OUTPUT - [0:0]", ":neutron-l3-agent-POSTROUTING - [0:0]",
                ":neutron-l3-agent-PREROUTING - [0:0]", ":neutron-l3-agent-mark - [0:0]",
                "-A PREROUTING -j neutron-l3-agent-PREROUTING", "-A INPUT -j neutron-l3-agent-INPUT",
                "-A FORWARD -j neutron-l3-agent-FORWARD", "-A OUTPUT -j neutron-l3-agent-OUTPUT",
                "-A POSTROUTING -j neutron-l3-agent-POSTROUTING",
                "-A neutron-l3-agent-PREROUTING -j neutron-l3-agent-mark",
                "COMMIT",
                "*raw", ":PREROUTING ACCEPT [0:0]", ":OUTPUT ACCEPT [0:0]",
                ":neutron-l3-agent-OUTPUT - [0:0]", ":neutron-l3-agent-PREROUTING - [0:0]",
                "-A PREROUTING -j neutron-l3-agent-PREROUTING", "-A OUTPUT -j neutron-l3-agent-OUTPUT",
                "COMMIT",
                "*filter", ":INPUT ACCEPT [0:0]", ":FORWARD ACCEPT [0:0]", ":OUTPUT ACCEPT [0:0]",
                ":neutron-filter-top - [0:0]", ":neutron-l3-agent-FORWARD - [0:0]", ":neutron-l3-agent-INPUT - [0:0]",
                ":neutron-l3-agent-OUTPUT - [0:0]", ":neutron-l3-agent-local - [0:0]",
                "-A INPUT -j neutron-l3-agent-INPUT", "-A FORWARD -j neutron-filter-top",
                "-A FORWARD -j neutron-l3-agent-FORWARD", "-A OUTPUT -j neutron-filter-top",
                "-A OUTPUT -j neutron-l3-agent-OUTPUT", "-A neutron-filter-top -j neutron-l3-agent-local",
                "COMMIT",
                "*nat", ":PREROUTING ACCEPT [0:0]", ":INPUT ACCEPT [0:0]", ":OUTPUT ACCEPT [0:0]",
                ":POSTROUTING ACCEPT [0:0]", ":neutron-l3-agent-OUTPUT - [0:0]",
                ":neutron-l3-agent-POSTROUTING - [0:0]", ":neutron-l3-agent-PREROUTING - [0:0]",
                ":neutron-l3-agent-float-snat - [0:0]", ":neutron-l3-agent-snat - [0:0]",
                ":neutron-postrouting-bottom - [0:0]",
                "-A PREROUTING -j neutron-l3-agent-PREROUTING", "-A OUTPUT -j neutron-l3-agent-OUTPUT",
                "-A POSTROUTING -j neutron-l3-agent-POSTROUTING", "-A POSTROUTING -j neutron-postrouting-bottom",
                "-A neutron-l3-agent-snat -j neutron-l3-agent-float-snat",
                "-A neutron-postrouting-bottom -m comment --comment \"Perform source NAT on outgoing traffic.\" "
                        + "-j neutron-l3-agent-snat",
                "COMMIT");
    }

    @Test
    void aStatelessManagerWritesFilterAndRawOnly() {
        IptablesManager.stateless(ns, WrapName.OVS_AGENT).apply();
        assertThat(save(ns, null)).filteredOn(l -> l.startsWith("*")).containsExactly("*raw", "*filter");
        assertThatThrownBy(() -> IptablesManager.stateless(ns, WrapName.OVS_AGENT).nat())
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void rulesGoOnlyIntoChainsTheManagerAdded() {
        IptablesManager m = IptablesManager.stateless(ns, WrapName.OVS_AGENT);
        assertThatThrownBy(() -> m.filter().addRule("sg-chain", Rule.builder().jump("ACCEPT")))
                .hasMessageContaining("Unknown chain: 'sg-chain'");
    }

    @Test
    void topRulesComeFirstAndDuplicatesOnce() {
        IptablesManager m = IptablesManager.stateless(ns, WrapName.OVS_AGENT);
        m.filter().addUnwrappedRule("INPUT", Rule.builder().protocol("udp").jump("DROP"));
        m.filter().addUnwrappedTopRule("INPUT", Rule.builder().protocol("tcp").jump("DROP"));
        m.filter().addUnwrappedRule("INPUT", Rule.builder().protocol("udp").jump("DROP"));
        m.apply();
        assertThat(save(ns, "filter")).filteredOn(l -> l.startsWith("-A INPUT")).containsExactly(
                "-A INPUT -p tcp -j DROP", "-A INPUT -j neutron-openvswi-INPUT", "-A INPUT -p udp -j DROP");
    }

    @Test
    void emptyChainDropsWhatWasAdded() {
        IptablesManager m = IptablesManager.create(ns, WrapName.L3_AGENT);
        m.nat().emptyChain("snat");
        m.apply();
        assertThat(save(ns, "nat")).noneMatch(l -> l.startsWith("-A neutron-l3-agent-snat"));
    }

    @Test
    void otherAgentsRulesStayAfterOurs() {
        IptablesManager.create(ns, WrapName.L3_AGENT).apply();
        IptablesManager.create(ns, WrapName.DHCP_AGENT).apply();
        List<String> filter = save(ns, "filter");
        assertThat(filter).filteredOn(l -> l.startsWith("-A FORWARD") || l.startsWith("-A neutron-filter-top"))
                .containsExactly("-A FORWARD -j neutron-filter-top", "-A FORWARD -j neutron-dhcp-age-FORWARD",
                        "-A FORWARD -j neutron-l3-agent-FORWARD",
                        "-A neutron-filter-top -j neutron-dhcp-age-local",
                        "-A neutron-filter-top -j neutron-l3-agent-local");
    }

    @Test
    void chainsWithTheWrapNameThatAreNoLongerOursGo() {
        IptablesManager first = IptablesManager.stateless(ns, WrapName.OVS_AGENT);
        first.filter().addChain("i0e6fb773-9");
        first.filter().addRule("FORWARD", Rule.builder().jump(first.filter().wrapped("i0e6fb773-9")));
        first.filter().addRule("i0e6fb773-9", Rule.builder().jump("DROP"));
        first.apply();
        IptablesManager.stateless(ns, WrapName.OVS_AGENT).apply();
        assertThat(save(ns, "filter")).noneMatch(l -> l.contains("i0e6fb773-9"));
    }

    @Test
    void applyingTheSameAgainChangesNothingAndKeepsCounters() {
        IptablesManager.create(ns, WrapName.L3_AGENT).apply();
        Rule snat = ns.netfilter().table("nat").chain("neutron-l3-agent-snat").rules().get(0);
        snat.setCounters(7, 420);
        IptablesManager.create(ns, WrapName.L3_AGENT).apply();
        Rule after = ns.netfilter().table("nat").chain("neutron-l3-agent-snat").rules().get(0);
        assertThat(after.packets()).isEqualTo(7);
        assertThat(after.bytes()).isEqualTo(420);
    }
}
