package dev.packetwalk.cloud.scenario;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** A YAML document as a tree whose nodes know where they start in the text. */
sealed interface YamlNode {
    Mark mark();

    /** How a message shows this node: {@code "abc"} for a string, {@code 12} or {@code true} as written, or its kind. */
    String shown();

    /** A mapping, its entries in the order of the text, by key. */
    record Mapping(Mark mark, Map<String, Entry> entries) implements YamlNode {
        public Mapping {
            entries = Collections.unmodifiableMap(new LinkedHashMap<>(entries));
        }

        @Override
        public String shown() {
            return "a mapping";
        }
    }

    /** One entry of a mapping: its key (a scalar, with its own place) and its value. */
    record Entry(Scalar key, YamlNode value) {
    }

    record Sequence(Mark mark, List<YamlNode> items) implements YamlNode {
        public Sequence {
            items = List.copyOf(items);
        }

        @Override
        public String shown() {
            return "a list";
        }
    }

    /** A scalar as written, with the type YAML resolves it to. */
    record Scalar(Mark mark, Type type, String text) implements YamlNode {
        @Override
        public String shown() {
            return type == Type.STRING ? "\"" + text + "\"" : type == Type.NULL ? "null" : text;
        }
    }

    /** What a plain or quoted scalar resolves to: quoted scalars are always strings. */
    enum Type { STRING, INTEGER, DECIMAL, TRUE, FALSE, NULL }
}
