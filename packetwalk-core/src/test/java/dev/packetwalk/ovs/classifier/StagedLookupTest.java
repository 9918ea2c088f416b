package dev.packetwalk.ovs.classifier;

import dev.packetwalk.ovs.flow.Field;
import dev.packetwalk.ovs.flow.Flow;
import dev.packetwalk.ovs.flow.Match;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Megaflow bits of a lookup (OVS's find_match_wc): a subtable ruled out at a segment index
 * un-wildcards only its mask up to that segment; a searched subtable otherwise its whole mask;
 * subtables that cannot beat the match found are not looked at.
 */
class StagedLookupTest {
    /** in_port=PORT plus, when {@code arp}, dl_type=0x0806 (metadata + L2 segments). */
    private static Match inPortArp(int port, boolean arp) {
        Flow v = new Flow();
        Flow m = new Flow();
        Field.IN_PORT.set(v, port);
        Field.IN_PORT.set(m, 0xffff);
        if (arp) {
            Field.ETH_TYPE.set(v, 0x0806);
            Field.ETH_TYPE.set(m, 0xffff);
        }
        long[] vv = new long[Flow.N_WORDS];
        long[] mm = new long[Flow.N_WORDS];
        for (int i = 0; i < Flow.N_WORDS; i++) {
            vv[i] = v.word(i);
            mm[i] = m.word(i);
        }
        return Match.of(vv, mm);
    }

    private static Flow packet(int inPort, int dlType) {
        Flow f = new Flow();
        f.setInPort(inPort);
        f.setDlType(dlType);
        return f;
    }

    @Test
    void aMissAtTheMetadataSegmentLeavesL2Wildcarded() {
        Classifier<String> c = new Classifier<>();
        c.insert(inPortArp(10, true), 10, "arp");
        Flow wc = new Flow();
        assertThat(c.lookup(packet(11, 0x0800), wc)).isNull();
        assertThat(Field.IN_PORT.get(wc)).isEqualTo(0xffff);
        assertThat(Field.ETH_TYPE.get(wc)).as("never compared").isZero();
    }

    @Test
    void aMissInTheLastSegmentUnwildcardsTheWholeMask() {
        Classifier<String> c = new Classifier<>();
        c.insert(inPortArp(10, true), 10, "arp");
        Flow wc = new Flow();
        assertThat(c.lookup(packet(10, 0x0800), wc)).isNull();
        assertThat(Field.ETH_TYPE.get(wc)).isEqualTo(0xffff);
    }

    @Test
    void subtablesThatCannotWinAreNotSearched() {
        Classifier<String> c = new Classifier<>();
        c.insert(inPortArp(10, false), 9, "port");
        c.insert(inPortArp(10, true), 5, "arp");
        Flow wc = new Flow();
        assertThat(c.lookup(packet(10, 0x0806), wc).value()).isEqualTo("port");
        assertThat(Field.ETH_TYPE.get(wc)).isZero();
        c.insert(inPortArp(12, false), 9, "another port");
        assertThat(c.lookup(packet(10, 0x0806), new Flow()).value()).as("index rebuilt after insert").isEqualTo("port");
    }
}
