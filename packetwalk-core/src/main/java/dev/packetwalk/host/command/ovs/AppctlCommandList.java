package dev.packetwalk.host.command.ovs;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;

/** {@code ovs-appctl list-commands}: the list real ovs-vswitchd 3.1 prints (a resource captured from it). */
final class AppctlCommandList {
    private AppctlCommandList() {
    }

    static String text() {
        try (InputStream in = AppctlCommandList.class.getResourceAsStream("appctl-commands.txt")) {
            return in == null ? "The available commands are:\n" : new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            return "The available commands are:\n";
        }
    }
}
