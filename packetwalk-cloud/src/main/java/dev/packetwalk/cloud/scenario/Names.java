package dev.packetwalk.cloud.scenario;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Supplier;

/** The objects of one kind a scenario defines, by name: the id each got, and where its name is written. */
final class Names {
    private final String kind;
    private final Map<String, Defined> byName = new LinkedHashMap<>();

    private record Defined(String id, Mark mark) {
    }

    /** {@code kind} as messages say it ({@code security group}). */
    Names(String kind) {
        this.kind = kind;
    }

    /** Checks that the name is new, creates the object, and remembers the id it got. */
    String define(Value name, Supplier<String> create) {
        String text = name.as(Conversion.TEXT);
        Defined first = byName.get(text);
        if (first != null) {
            throw name.mark().error(kind + " \"" + text + "\" is defined twice (first at line " + first.mark().line() + ")");
        }
        String id = create.get();
        byName.put(text, new Defined(id, name.mark()));
        return id;
    }

    /** The id of the object a reference names. */
    String id(Value reference) {
        String text = reference.as(Conversion.TEXT);
        Defined d = byName.get(text);
        if (d == null) {
            throw reference.error("unknown " + kind + " \"" + text + "\" ("
                    + (byName.isEmpty() ? "no " + kind + "s are defined" : "known " + kind + "s: "
                    + String.join(", ", byName.keySet())) + ")");
        }
        return d.id();
    }

    boolean contains(String name) {
        return byName.containsKey(name);
    }
}
