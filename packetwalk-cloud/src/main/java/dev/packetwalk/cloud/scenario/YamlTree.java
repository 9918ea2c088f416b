package dev.packetwalk.cloud.scenario;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import com.fasterxml.jackson.dataformat.yaml.YAMLParser;
import com.fasterxml.jackson.dataformat.yaml.snakeyaml.error.MarkedYAMLException;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Reads YAML text into a {@link YamlNode} tree with Jackson's streaming YAML parser, keeping
 * each node's place. Malformed YAML, duplicate keys, aliases and a second document are errors
 * at their place.
 */
final class YamlTree {
    private static final YAMLFactory FACTORY = new YAMLFactory();

    private final YAMLParser parser;
    private final String source;

    private YamlTree(YAMLParser parser, String source) {
        this.parser = parser;
        this.source = source;
    }

    /** The document's root, or empty when the text holds no document (or an empty one). */
    static Optional<YamlNode> parse(String text, String source) {
        try (YAMLParser parser = FACTORY.createParser(text)) {
            YamlTree tree = new YamlTree(parser, source);
            JsonToken first = parser.nextToken();
            if (first == null) {
                return Optional.empty();
            }
            YamlNode root = tree.node(first);
            if (parser.nextToken() != null) {
                throw tree.here().error("a scenario is one YAML document, but a second one starts here");
            }
            boolean blank = root instanceof YamlNode.Scalar s && s.type() == YamlNode.Type.NULL;
            return blank ? Optional.empty() : Optional.of(root);
        } catch (MarkedYAMLException e) {
            throw malformed(e, source);
        } catch (JsonProcessingException e) {
            JsonLocation at = e.getLocation();
            throw new ScenarioException(source, at == null ? 0 : at.getLineNr(), at == null ? 0 : at.getColumnNr(),
                    "malformed YAML: " + oneLine(e.getOriginalMessage()));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private YamlNode node(JsonToken token) throws IOException {
        Mark mark = here();
        if (parser.isCurrentAlias()) {
            throw mark.error("YAML aliases (*" + parser.getText() + ") are not supported: write the value out");
        }
        return switch (token) {
            case START_OBJECT -> mapping(mark);
            case START_ARRAY -> sequence(mark);
            case VALUE_STRING -> scalar(mark, YamlNode.Type.STRING);
            case VALUE_NUMBER_INT -> scalar(mark, YamlNode.Type.INTEGER);
            case VALUE_NUMBER_FLOAT -> scalar(mark, YamlNode.Type.DECIMAL);
            case VALUE_TRUE -> scalar(mark, YamlNode.Type.TRUE);
            case VALUE_FALSE -> scalar(mark, YamlNode.Type.FALSE);
            case VALUE_NULL -> scalar(mark, YamlNode.Type.NULL);
            default -> throw mark.error("unexpected YAML " + token);
        };
    }

    private YamlNode.Mapping mapping(Mark mark) throws IOException {
        Map<String, YamlNode.Entry> entries = new LinkedHashMap<>();
        for (JsonToken t = parser.nextToken(); t != JsonToken.END_OBJECT; t = parser.nextToken()) {
            YamlNode.Scalar key = scalar(here(), YamlNode.Type.STRING);
            YamlNode.Entry first = entries.get(key.text());
            if (first != null) {
                throw key.mark().error("duplicate key \"" + key.text() + "\" (first at line "
                        + first.key().mark().line() + ")");
            }
            entries.put(key.text(), new YamlNode.Entry(key, node(parser.nextToken())));
        }
        return new YamlNode.Mapping(mark, entries);
    }

    private YamlNode.Sequence sequence(Mark mark) throws IOException {
        List<YamlNode> items = new ArrayList<>();
        for (JsonToken t = parser.nextToken(); t != JsonToken.END_ARRAY; t = parser.nextToken()) {
            items.add(node(t));
        }
        return new YamlNode.Sequence(mark, items);
    }

    private YamlNode.Scalar scalar(Mark mark, YamlNode.Type type) throws IOException {
        return new YamlNode.Scalar(mark, type, parser.getText());
    }

    private Mark here() {
        JsonLocation at = parser.currentTokenLocation();
        return new Mark(source, at.getLineNr(), at.getColumnNr());
    }

    /** SnakeYAML's problem at its place (its marks count from 0), with what it was reading. */
    private static ScenarioException malformed(MarkedYAMLException e, String source) {
        String problem = "malformed YAML: " + oneLine(e.getProblem());
        if (e.getContext() != null && e.getContextMark() != null) {
            problem += " (" + oneLine(e.getContext()) + " at line " + (e.getContextMark().getLine() + 1) + ", column "
                    + (e.getContextMark().getColumn() + 1) + ")";
        } else if (e.getContext() != null) {
            problem += " (" + oneLine(e.getContext()) + ")";
        }
        var at = e.getProblemMark();
        return new ScenarioException(source, at == null ? 0 : at.getLine() + 1, at == null ? 0 : at.getColumn() + 1,
                problem);
    }

    private static String oneLine(String text) {
        return text == null ? "" : text.strip().replaceAll("\\s+", " ");
    }
}
