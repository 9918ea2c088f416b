package dev.packetwalk.cloud.scenario;

import dev.packetwalk.cloud.model.Cidr;
import dev.packetwalk.net.Ipv4;
import dev.packetwalk.net.MacAddress;

import java.time.DateTimeException;
import java.time.Instant;
import java.util.OptionalInt;
import java.util.function.Function;
import java.util.regex.Pattern;

/**
 * How a scalar of a scenario becomes a value: what it must look like (for the message when it
 * does not) and the conversion, which throws IllegalArgumentException when the text is not that.
 * Numbers and booleans must be written as such; strings may be any scalar as written.
 */
record Conversion<T>(String expected, Function<YamlNode.Scalar, T> convert) {
    private static final Pattern UUID_FORM = Pattern.compile("[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}");
    private static final Pattern TIME_FORM = Pattern.compile("\\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\d:\\d\\dZ");
    private static final Pattern HEX_COOKIE = Pattern.compile("0x[0-9a-fA-F]{1,16}");

    static final Conversion<String> TEXT = new Conversion<>("a string", YamlNode.Scalar::text);

    static final Conversion<Boolean> BOOLEAN = new Conversion<>("true or false", s -> switch (s.type()) {
        case TRUE -> true;
        case FALSE -> false;
        default -> throw new IllegalArgumentException();
    });

    static final Conversion<Long> LONG = new Conversion<>("a whole number", s -> Long.parseLong(integer(s)));

    static final Conversion<Integer> IPV4 = new Conversion<>("an IPv4 address", s -> Ipv4.parse(s.text()));

    /** A subnet's or rule's prefix, the length written out. */
    static final Conversion<Cidr> PREFIX = new Conversion<>("an IPv4 prefix like 10.0.0.0/24", Conversion::prefix);

    /** A NIC's address with the length of its network's prefix. */
    static final Conversion<Cidr> INTERFACE_ADDRESS = new Conversion<>(
            "an address with its prefix length like 10.10.0.11/24", Conversion::prefix);

    /** An address or a prefix (an allowed address pair). */
    static final Conversion<Cidr> ADDRESS_OR_PREFIX = new Conversion<>("an IPv4 address or prefix",
            s -> Cidr.parse(s.text()));

    static final Conversion<Long> MAC = new Conversion<>("a MAC address like fa:16:3e:3b:53:26", s -> {
        long bits = MacAddress.parseBits(s.text());
        if (bits < 0) {
            throw new IllegalArgumentException();
        }
        return bits;
    });

    static final Conversion<String> UUID = new Conversion<>("a UUID (8-4-4-4-12 lower-case hex digits)",
            s -> matching(UUID_FORM, s.text()));

    static final Conversion<String> TIMESTAMP = new Conversion<>("a UTC time like 2017-05-30T01:14:03Z", s -> {
        try {
            Instant.parse(matching(TIME_FORM, s.text()));
        } catch (DateTimeException e) {
            throw new IllegalArgumentException(e);
        }
        return s.text();
    });

    /** A 64-bit OpenFlow cookie: 0x and up to 16 hex digits (quoted or not), or an unsigned decimal. */
    static final Conversion<Long> COOKIE = new Conversion<>("a 64-bit cookie like 0xb950e065fe76cc7b", s ->
            HEX_COOKIE.matcher(s.text()).matches() ? Long.parseUnsignedLong(s.text().substring(2), 16)
                    : Long.parseUnsignedLong(integer(s)));

    /** A subnet's gateway: an address, or {@code none} (empty) for no gateway. */
    static final Conversion<OptionalInt> GATEWAY = new Conversion<>("an IPv4 address or none",
            s -> s.text().equals("none") ? OptionalInt.empty() : OptionalInt.of(Ipv4.parse(s.text())));

    /** A whole number from min to max. */
    static Conversion<Integer> wholeNumber(int min, int max) {
        return new Conversion<>("a whole number from " + min + " to " + max, s -> {
            int n = Integer.parseInt(integer(s));
            if (n < min || n > max) {
                throw new IllegalArgumentException();
            }
            return n;
        });
    }

    /** One of a few words, parsed by the model (whose refusal counts as not one of them). */
    static <T> Conversion<T> choice(String expected, Function<String, T> parse) {
        return new Conversion<>(expected, s -> parse.apply(s.text()));
    }

    private static String integer(YamlNode.Scalar s) {
        if (s.type() != YamlNode.Type.INTEGER) {
            throw new IllegalArgumentException();
        }
        return s.text();
    }

    private static Cidr prefix(YamlNode.Scalar s) {
        if (!s.text().contains("/")) {
            throw new IllegalArgumentException();
        }
        return Cidr.parse(s.text());
    }

    private static String matching(Pattern form, String text) {
        if (!form.matcher(text).matches()) {
            throw new IllegalArgumentException();
        }
        return text;
    }
}
