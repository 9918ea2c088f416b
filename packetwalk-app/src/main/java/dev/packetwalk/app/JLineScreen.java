package dev.packetwalk.app;

import dev.packetwalk.host.Screen;
import org.jline.terminal.Attributes;
import org.jline.terminal.Terminal;
import org.jline.utils.InfoCmp;

import java.io.IOException;
import java.io.UncheckedIOException;

/** The terminal as {@code watch} sees it: width, a full-screen redraw, and waiting for a key. */
final class JLineScreen implements Screen {
    private static final int DEFAULT_WIDTH = 80;

    private final Terminal terminal;
    private boolean fullScreen;

    JLineScreen(Terminal terminal) {
        this.terminal = terminal;
    }

    @Override
    public int columns() {
        int width = terminal.getWidth();
        return width > 0 ? width : DEFAULT_WIDTH;
    }

    @Override
    public void show(String frame) {
        if (!fullScreen) {
            terminal.puts(InfoCmp.Capability.enter_ca_mode);
            fullScreen = true;
        }
        terminal.puts(InfoCmp.Capability.clear_screen);
        terminal.writer().print(frame);
        terminal.flush();
    }

    @Override
    public void restore() {
        if (fullScreen) {
            terminal.puts(InfoCmp.Capability.exit_ca_mode);
            terminal.flush();
            fullScreen = false;
        }
    }

    @Override
    public boolean keyPressedWithin(long millis) {
        Attributes saved = terminal.enterRawMode();
        try {
            return terminal.reader().read(Math.max(1, millis)) >= 0;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } finally {
            terminal.setAttributes(saved);
        }
    }
}
