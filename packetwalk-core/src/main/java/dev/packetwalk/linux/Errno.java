package dev.packetwalk.linux;

/** The kernel's error numbers that networking calls return, with their strerror texts. */
public enum Errno {
    EPERM("Operation not permitted"),
    ENOENT("No such file or directory"),
    ESRCH("No such process"),
    EAGAIN("Resource temporarily unavailable"),
    EACCES("Permission denied"),
    EEXIST("File exists"),
    EXDEV("Invalid cross-device link"),
    ENODEV("No such device"),
    EINVAL("Invalid argument"),
    ERANGE("Numerical result out of range"),
    EOPNOTSUPP("Operation not supported"),
    EADDRNOTAVAIL("Cannot assign requested address"),
    ENETDOWN("Network is down"),
    ENETUNREACH("Network is unreachable"),
    EHOSTUNREACH("No route to host"),
    EBUSY("Device or resource busy");

    private final String text;

    Errno(String text) {
        this.text = text;
    }

    /** What strerror(3) says. */
    public String text() {
        return text;
    }
}
