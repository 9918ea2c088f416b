package dev.packetwalk.net.pcap;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.util.List;
import java.util.Random;

import net.jqwik.api.Example;

import dev.packetwalk.net.packet.Frame;
import dev.packetwalk.net.packet.SampleTraffic;

class PcapRoundTripTest {
    @Example
    void framesAndMicrosecondTimesReadBack() throws Exception {
        List<Frame> frames = SampleTraffic.mixed(new Random(3), 200);
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (PcapWriter w = new PcapWriter(bytes)) {
            for (int i = 0; i < frames.size(); i++) {
                w.write(i * 1_234_567L, frames.get(i));
            }
        }
        List<PcapReader.Record> back = PcapReader.read(new ByteArrayInputStream(bytes.toByteArray()));
        assertThat(back).hasSameSizeAs(frames);
        for (int i = 0; i < frames.size(); i++) {
            assertThat(back.get(i).frame()).isEqualTo(frames.get(i));
            assertThat(back.get(i).nanos()).isEqualTo(i * 1_234_567L / 1000 * 1000);
        }
    }
}
