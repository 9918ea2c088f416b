package dev.packetwalk.cloud.scenario;

import dev.packetwalk.cloud.model.ModelException;

import java.util.ArrayList;
import java.util.List;

/**
 * A node of a scenario with the words a message names it by: the object it belongs to
 * ({@code network "private"}, empty at the top level) and its key ({@code mtu}).
 */
record Value(YamlNode node, String owner, String key) {
    Mark mark() {
        return node.mark();
    }

    boolean isNull() {
        return node instanceof YamlNode.Scalar s && s.type() == YamlNode.Type.NULL;
    }

    /** The scalar converted, or an error saying what it must be. */
    <T> T as(Conversion<T> conversion) {
        if (node instanceof YamlNode.Scalar s && s.type() != YamlNode.Type.NULL) {
            try {
                return conversion.convert().apply(s);
            } catch (IllegalArgumentException | ModelException e) {
                // not what the key needs: reported below
            }
        }
        throw invalid(conversion.expected());
    }

    /** The items of a list, each named as an entry of this key. */
    List<Value> items() {
        if (!(node instanceof YamlNode.Sequence seq)) {
            throw invalid("a list");
        }
        List<Value> items = new ArrayList<>();
        for (YamlNode item : seq.items()) {
            items.add(new Value(item, owner, key + " entry"));
        }
        return items;
    }

    /** The entries of a mapping whose keys are data (device names, networks), not fixed keys. */
    List<Member> members() {
        if (!(node instanceof YamlNode.Mapping map)) {
            throw invalid("a mapping");
        }
        List<Member> members = new ArrayList<>();
        for (YamlNode.Entry e : map.entries().values()) {
            members.add(new Member(new Value(e.key(), owner, key + " key"),
                    new Value(e.value(), owner, key + "." + e.key().text())));
        }
        return members;
    }

    /** One entry of a data mapping: its key and its value, both values of the scenario. */
    record Member(Value key, Value value) {
    }

    ScenarioException invalid(String expected) {
        return error(key + " must be " + expected + ", not " + node.shown());
    }

    /** An error at this value, prefixed with its owner. */
    ScenarioException error(String problem) {
        return mark().error(owner.isEmpty() ? problem : owner + ": " + problem);
    }
}
