package dev.packetwalk.ovs.xlate;

import dev.packetwalk.ovs.flow.Field;
import dev.packetwalk.ovs.flow.Flow;

/** What crossing a patch port clears: metadata, tunnel, registers, action-set output, conntrack. */
final class PatchReset {
    private PatchReset() {
    }

    static void apply(Flow f) {
        f.setWord(Flow.W_METADATA, 0);
        for (int i = 0; i < 8; i++) {
            f.setWord(Flow.W_REGS + i, 0);
        }
        f.setWord(Flow.W_TUN_ID, 0);
        f.setWord(Flow.W_TUN_IPS, 0);
        f.setWord(Flow.W_TUN_META, 0);
        Field.ACTSET_OUTPUT.set(f, 0);
        Conntrack.clear(f);
    }
}
