package dev.packetwalk.ovs.db;

import org.junit.jupiter.api.Test;

import java.util.HashMap;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** A transaction commits all of its changes or none of them, as ovsdb-server does. */
class OvsDbTransactionTest {
    private final OvsDb db = new OvsDb(7);
    private final SwitchConfig config = new SwitchConfig(db);

    private String state() {
        StringBuilder sb = new StringBuilder();
        for (String t : List.of("Open_vSwitch", "Bridge", "Port", "Interface", "Controller", "Manager")) {
            for (Row r : db.rows(t)) {
                sb.append(t).append(' ').append(r.uuid()).append(' ');
                r.table().columns().keySet().stream().sorted().forEach(c -> sb.append(c).append('=').append(r.get(c)).append(';'));
                sb.append('\n');
            }
        }
        return sb.toString();
    }

    @Test
    void aFailingCommandUndoesTheEarlierCommandsOfItsTransaction() {
        db.transact(true, () -> config.addBridge("br0", false));
        String before = state();
        AtomicInteger listened = new AtomicInteger();
        db.addListener(listened::incrementAndGet);

        assertThatThrownBy(() -> db.transact(true, () -> {
            config.addBridge("br1", false);
            config.addPort("br1", "p1", List.of("p1"), false);
            new TableEditor(db, new HashMap<>()).set(db.port("p1").orElseThrow().row(), "tag=5");
            config.deleteBridge("br0", false);
            config.addPort("br9", "p2", List.of("p2"), false);
        })).isInstanceOf(OvsDbException.class).hasMessage("no bridge named br9");

        assertThat(state()).isEqualTo(before);
        assertThat(db.bridge("br1")).isEmpty();
        assertThat(db.port("p1")).isEmpty();
        assertThat(db.bridge("br0")).isPresent();
        assertThat(listened).hasValue(0);
    }

    @Test
    void anIndexViolationFoundAtCommitUndoesEverything() {
        db.transact(true, () -> config.addBridge("br0", false));
        String before = state();
        TableEditor editor = new TableEditor(db, new HashMap<>());

        assertThatThrownBy(() -> db.transact(true, () -> {
            config.addPort("br0", "p1", List.of("p1"), false);
            editor.set(db.findInterface("p1").orElseThrow().row(), "name=br0");
        })).isInstanceOf(OvsDbException.class).hasMessageContaining("constraint violation");

        assertThat(state()).isEqualTo(before);
    }

    @Test
    void rowsCreatedInAFailedTransactionLeaveNoSerialBehind() {
        db.transact(true, () -> config.addBridge("br0", false));
        assertThatThrownBy(() -> db.transact(true, () -> {
            config.addPort("br0", "p1", List.of("p1"), false);
            throw new OvsDbException("stop");
        })).isInstanceOf(OvsDbException.class);
        db.transact(true, () -> config.addPort("br0", "p2", List.of("p2"), false));

        OvsDb twin = new OvsDb(7);
        SwitchConfig twinConfig = new SwitchConfig(twin);
        twin.transact(true, () -> twinConfig.addBridge("br0", false));
        twin.transact(true, () -> twinConfig.addPort("br0", "p2", List.of("p2"), false));
        assertThat(db.port("p2").orElseThrow().row().serial()).isEqualTo(twin.port("p2").orElseThrow().row().serial());
    }

    @Test
    void aCommittedTransactionAppliesEveryCommandAndCollectsUnreferencedRows() {
        db.transact(true, () -> {
            config.addBridge("br0", false);
            config.addPort("br0", "p1", List.of("p1"), false);
            config.addPort("br0", "p2", List.of("p2"), false);
        });
        assertThat(db.rows("Port")).hasSize(3);
        long nextCfg = db.root().integer("next_cfg");

        OvsDb.Commit commit = db.transact(true, () -> config.deletePort(null, "p1", false, false));

        assertThat(commit.changed()).isTrue();
        assertThat(db.port("p1")).isEmpty();
        assertThat(db.findInterface("p1")).as("garbage-collected with its port").isEmpty();
        assertThat(db.root().integer("next_cfg")).isEqualTo(nextCfg + 1);
        assertThat(db.root().integer("cur_cfg")).isEqualTo(nextCfg + 1);
    }

    @Test
    void aTransactionThatChangesNothingDoesNotReconfigure() {
        db.transact(true, () -> config.addBridge("br0", false));
        long nextCfg = db.root().integer("next_cfg");
        AtomicInteger listened = new AtomicInteger();
        db.addListener(listened::incrementAndGet);

        OvsDb.Commit commit = db.transact(true, () -> config.addBridge("br0", true));

        assertThat(commit.changed()).isFalse();
        assertThat(db.root().integer("next_cfg")).isEqualTo(nextCfg);
        assertThat(listened).hasValue(0);
    }

    @Test
    void transactionsDoNotNest() {
        assertThatThrownBy(() -> db.transact(true, () -> db.transact(true, () -> { })))
                .isInstanceOf(IllegalStateException.class);
        db.transact(true, () -> config.addBridge("br0", false));
        assertThat(db.bridge("br0")).isPresent();
    }

    @Test
    void aPatchPortsMissingPeerIsReportedUntilAReconfigurationWithNothingNewToWriteClearsIt() {
        db.transact(true, () -> {
            config.addBridge("br-int", false);
            config.addPort("br-int", "patch-tun", List.of("patch-tun"), false);
            TableEditor e = new TableEditor(db, new HashMap<>());
            e.set(db.findInterface("patch-tun").orElseThrow().row(), "type=patch");
            e.set(db.findInterface("patch-tun").orElseThrow().row(), "options:peer=patch-int");
        });
        String error = "No usable peer 'patch-int' exists in 'system' datapath.";
        assertThat(db.findInterface("patch-tun").orElseThrow().error()).isEqualTo(error);
        assertThat(db.statusRetriedAfterLastChange()).isFalse();

        TableEditor e = new TableEditor(db, new HashMap<>());
        db.transact(true, () -> e.set(db.bridge("br-int").orElseThrow().row(), "external_ids:x=1"));
        assertThat(db.findInterface("patch-tun").orElseThrow().error()).as("cleared, nothing rewrote it").isNull();

        db.transact(true, () -> e.set(db.bridge("br-int").orElseThrow().row(), "external_ids:x=2"));
        assertThat(db.findInterface("patch-tun").orElseThrow().error()).isEqualTo(error);

        db.transact(true, () -> config.addPort("br-int", "q1", List.of("q1"), false));
        assertThat(db.findInterface("patch-tun").orElseThrow().error()).as("back after the retry").isEqualTo(error);
        assertThat(db.statusRetriedAfterLastChange()).isTrue();
    }
}
