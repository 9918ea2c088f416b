package dev.packetwalk.host.command.ovs;

import dev.packetwalk.ovs.db.OvsDb;
import dev.packetwalk.ovs.db.RecordPrinter;
import dev.packetwalk.ovs.db.SwitchConfig;
import dev.packetwalk.ovs.db.TableEditor;
import dev.packetwalk.ovs.db.Uuid;

import java.util.Map;

/** What one ovs-vsctl command sees: the database, its options, the line's symbols, its output. */
record VsctlContext(OvsDb db, Map<String, String> options, Map<String, Uuid> symbols,
                    StringBuilder out, RecordPrinter tables) {
    boolean has(String option) {
        return options.containsKey(option);
    }

    String option(String option) {
        return options.get(option);
    }

    SwitchConfig config() {
        return new SwitchConfig(db);
    }

    TableEditor editor() {
        return new TableEditor(db, symbols);
    }

    void println(String line) {
        out.append(line).append('\n');
    }
}
