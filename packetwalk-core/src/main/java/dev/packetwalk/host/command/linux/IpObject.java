package dev.packetwalk.host.command.linux;

/** One object of the {@code ip} tool ({@code link}, {@code address}, {@code route} ...). */
interface IpObject {
    /** Runs the object's command on the words after the object name; returns the status. */
    int run(IpContext ctx, IpArgs args);
}
