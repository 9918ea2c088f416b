package dev.packetwalk.cloud.scenario;

import dev.packetwalk.cloud.model.Cloud;
import dev.packetwalk.cloud.model.Stamp;

import java.util.ArrayList;
import java.util.List;

/** The keys that pin an object's API bookkeeping: created_at, updated_at and revision_number. */
final class Stamps {
    private static final List<String> KEYS = List.of("created_at", "updated_at", "revision_number");

    private Stamps() {
    }

    /** An object's keys followed by the stamp keys. */
    static List<String> with(String... keys) {
        List<String> all = new ArrayList<>(List.of(keys));
        all.addAll(KEYS);
        return List.copyOf(all);
    }

    /**
     * The pinned stamp, or null when none of its keys is given. Unpinned parts default to the
     * cloud's timestamp (updated_at to created_at) and revision 1.
     */
    static Stamp read(Fields f, Cloud cloud) {
        if (KEYS.stream().noneMatch(f::has)) {
            return null;
        }
        Stamp fallback = cloud.stamp(null);
        String created = f.get("created_at", Conversion.TIMESTAMP, fallback.createdAt());
        return new Stamp(created, f.get("updated_at", Conversion.TIMESTAMP, created),
                f.get("revision_number", Conversion.wholeNumber(1, Integer.MAX_VALUE), fallback.revision()));
    }
}
