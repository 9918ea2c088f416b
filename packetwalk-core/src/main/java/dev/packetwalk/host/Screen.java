package dev.packetwalk.host;

/**
 * The screen of an interactive session, as commands that redraw it ({@code watch}) see it.
 * The application provides it; scripts have none.
 */
public interface Screen {
    /** Width in columns. */
    int columns();

    /** Clears the screen and shows {@code frame}; the first call takes over the whole screen. */
    void show(String frame);

    /** Waits up to {@code millis} for a key; true when one was pressed (and consumed). */
    boolean keyPressedWithin(long millis);

    /** Gives the screen back as it was before the first {@link #show}. */
    void restore();
}
