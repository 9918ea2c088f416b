package dev.packetwalk.net.packet;

import static org.assertj.core.api.Assertions.assertThat;

import net.jqwik.api.ForAll;
import net.jqwik.api.From;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.Arbitrary;

class FrameRoundTripProperties {
    @Provide
    Arbitrary<Frame> frames() {
        return FrameArbitraries.frames();
    }

    @Property(tries = 600)
    void decodeOfWriteIsIdentity(@ForAll("frames") Frame f) {
        byte[] b = f.toBytes();
        assertThat(b).hasSize(f.length());
        assertThat(FrameDecoder.decode(b)).isEqualTo(f);
    }

    @Property(tries = 300)
    void writesIntoCallersArrayAtAnOffset(@ForAll("frames") Frame f) {
        byte[] buf = new byte[f.length() + 37];
        int n = f.write(buf, 37);
        assertThat(n).isEqualTo(f.length());
        assertThat(FrameDecoder.decode(buf, 37, n)).isEqualTo(f);
    }

    @Property(tries = 600)
    void checksumsVerify(@ForAll("frames") Frame f) {
        ChecksumAudit.verifyFrame(f.toBytes(), 0, f.length());
    }
}
