package dev.packetwalk.cloud.scenario;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A YAML mapping read as one object of a scenario: its keys checked against those its kind
 * has, its values found by key (a null value counts as absent) and converted with errors that
 * name the object, the key and the place.
 */
final class Fields {
    private final YamlNode.Mapping mapping;
    private final String label;
    private final String owner;

    private Fields(YamlNode.Mapping mapping, String label, String owner) {
        this.mapping = mapping;
        this.label = label;
        this.owner = owner;
    }

    /** The document's top level: messages about its values name only their keys. */
    static Fields document(YamlNode root, List<String> keys) {
        return new Fields(mapping(new Value(root, "", "the scenario"), "the scenario", keys), "the scenario", "");
    }

    /** {@code value} as an object that a message calls {@code label}, with the given keys. */
    static Fields of(Value value, String label, List<String> keys) {
        return new Fields(mapping(value, label, keys), label, label);
    }

    /** An object of a kind that has a {@code name}: a message calls it {@code kind "name"}. */
    static Fields named(Value value, String kind, List<String> keys) {
        String label = kind;
        if (value.node() instanceof YamlNode.Mapping map && map.entries().get("name") != null
                && map.entries().get("name").value() instanceof YamlNode.Scalar name
                && name.type() != YamlNode.Type.NULL) {
            label = kind + " \"" + name.text() + "\"";
        }
        return of(value, label, keys);
    }

    /** How messages name this object. */
    String label() {
        return label;
    }

    Mark mark() {
        return mapping.mark();
    }

    Optional<Value> optional(String key) {
        YamlNode.Entry e = mapping.entries().get(key);
        Value v = e == null ? null : new Value(e.value(), owner, key);
        return v == null || v.isNull() ? Optional.empty() : Optional.of(v);
    }

    boolean has(String key) {
        return optional(key).isPresent();
    }

    Value required(String key) {
        return optional(key).orElseThrow(() -> mark().error("missing key \"" + key + "\" in " + label));
    }

    /** The converted value, or null when the key is absent. */
    <T> T get(String key, Conversion<T> conversion) {
        return get(key, conversion, null);
    }

    <T> T get(String key, Conversion<T> conversion, T fallback) {
        return optional(key).map(v -> v.as(conversion)).orElse(fallback);
    }

    <T> T require(String key, Conversion<T> conversion) {
        return required(key).as(conversion);
    }

    /** The items of a list, empty when the key is absent. */
    List<Value> list(String key) {
        return optional(key).map(Value::items).orElse(List.of());
    }

    /** The entries of a data mapping (keys are names, not fixed keys), empty when absent. */
    List<Value.Member> members(String key) {
        return optional(key).map(Value::members).orElse(List.of());
    }

    /** A data mapping converted, in the order of the text; empty when absent. */
    <T> Map<String, T> map(String key, Conversion<String> keyForm, Conversion<T> valueForm) {
        Map<String, T> map = new LinkedHashMap<>();
        for (Value.Member m : members(key)) {
            map.put(m.key().as(keyForm), m.value().as(valueForm));
        }
        return map;
    }

    /** A nested object that messages call {@code key of <this object>}, if present. */
    Optional<Fields> object(String key, List<String> keys) {
        return object(key, key + " of " + label, keys);
    }

    /** A nested object that messages call {@code objectLabel}, if present. */
    Optional<Fields> object(String key, String objectLabel, List<String> keys) {
        return optional(key).map(v -> of(v, objectLabel, keys));
    }

    private static YamlNode.Mapping mapping(Value value, String label, List<String> keys) {
        if (!(value.node() instanceof YamlNode.Mapping map)) {
            throw value.invalid("a mapping");
        }
        for (YamlNode.Entry e : map.entries().values()) {
            if (!keys.contains(e.key().text())) {
                throw e.key().mark().error("unknown key \"" + e.key().text() + "\" in " + label + " (expected one of: "
                        + String.join(", ", keys) + ")");
            }
        }
        return map;
    }
}
