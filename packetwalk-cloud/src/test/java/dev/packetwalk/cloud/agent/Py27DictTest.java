package dev.packetwalk.cloud.agent;

import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** Orders and hashes printed by CPython 2.7.18 (64-bit) for the same dicts. */
class Py27DictTest {
    @Test
    void hashesStringsAsCPython27() {
        assertThat(Py27Dict.hash("a")).isEqualTo(12416037344L);
        assertThat(Py27Dict.hash("qr-2c628d36-76")).isEqualTo(-564292726811621600L);
        assertThat(Py27Dict.hash("")).isZero();
    }

    @Test
    void iteratesInSlotOrder() {
        assertThat(Py27Dict.of(List.of("a", "b", "c")).keys()).containsExactly("a", "c", "b");
        assertThat(Py27Dict.of(List.of("qr-1a2e76b2-1a", "qr-df268ade-b6")).put("rfp-983bb01f-5").keys())
                .containsExactly("rfp-983bb01f-5", "qr-df268ade-b6", "qr-1a2e76b2-1a");
    }

    @Test
    void growsAfterTwoThirds() {
        List<String> keys = new ArrayList<>();
        for (int i = 0; i < 12; i++) {
            keys.add(String.format("qr-%02d", i));
        }
        assertThat(Py27Dict.of(keys).keys()).containsExactly("qr-10", "qr-11", "qr-09", "qr-08", "qr-03", "qr-02",
                "qr-01", "qr-00", "qr-07", "qr-06", "qr-05", "qr-04");
    }

    @Test
    void updateGrowsBeforeMerging() {
        assertThat(Py27Dict.of(List.of("qr-b9a4d300-68")).update(Py27Dict.of(List.of("qg-ede3b53d-da"))).keys())
                .containsExactly("qg-ede3b53d-da", "qr-b9a4d300-68");
        assertThat(Py27Dict.of(List.of("sg-00", "sg-01", "sg-02", "sg-03", "sg-04"))
                .update(Py27Dict.of(List.of("qg-774615d7-b1"))).keys())
                .containsExactly("qg-774615d7-b1", "sg-02", "sg-03", "sg-00", "sg-01", "sg-04");
    }

    @Test
    void keepsAKeyOnce() {
        assertThat(new Py27Dict().put("a").put("a").keys()).containsExactly("a");
    }
}
