package dev.packetwalk.linux.ipset;

import dev.packetwalk.net.Clock;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.ToIntFunction;

/** The ipsets of one network namespace, in creation order. */
public final class IpSets {
    private final Clock clock;
    private final Map<String, IpSet> sets = new LinkedHashMap<>();
    private ToIntFunction<String> references = name -> 0;

    public IpSets(Clock clock) {
        this.clock = clock;
    }

    /** Who counts the iptables rules that use a set ("References:"). */
    public void referencesFrom(ToIntFunction<String> counter) {
        this.references = counter;
    }

    public int references(String name) {
        return references.applyAsInt(name);
    }

    /** The set called {@code name}, or null. */
    public IpSet get(String name) {
        return sets.get(name);
    }

    public IpSet require(String name) {
        IpSet s = sets.get(name);
        if (s == null) {
            throw new IpSetException("The set with the given name does not exist");
        }
        return s;
    }

    public List<IpSet> all() {
        return new ArrayList<>(sets.values());
    }

    /**
     * Creates a set, as "ipset create NAME TYPE [family ...] [hashsize ...] ..." does; with
     * {@code exist} an existing set of the same type is kept and returned.
     */
    public IpSet create(String name, IpSetType type, IpSetOptions options, boolean exist) {
        if (name.length() > 31) {
            throw new IpSetException("Syntax error: setname '" + name + "' is longer than 31 characters");
        }
        IpSet old = sets.get(name);
        if (old != null) {
            if (exist && old.type() == type) {
                return old;
            }
            throw new IpSetException("Set cannot be created: set with the same name already exists");
        }
        IpSet s = new IpSet(name, type, options, clock);
        sets.put(name.intern(), s);
        return s;
    }

    /** Creates a set with ipset's defaults for {@code family} (Neutron's NIPv4/NIPv6 sets: hash:net). */
    public IpSet create(String name, IpSetType type, IpSetFamily family) {
        return create(name, type, family == IpSetFamily.INET ? IpSetOptions.INET : IpSetOptions.INET6, false);
    }

    /** Destroys one set, or all with null; a set used by iptables cannot go. */
    public void destroy(String name) {
        for (IpSet s : name == null ? all() : List.of(require(name))) {
            if (references(s.name()) > 0) {
                throw new IpSetException("Set cannot be destroyed: it is in use by a kernel component");
            }
        }
        if (name == null) {
            sets.clear();
        } else {
            sets.remove(name);
        }
    }

    /**
     * Exchanges two sets of the same type and family: each name then holds the other's
     * members and options (Neutron refills a set through a temporary "-n" set and a swap).
     */
    public void swap(String a, String b) {
        IpSet sa = require(a);
        IpSet sb = require(b);
        if (sa.type() != sb.type() || sa.family() != sb.family()) {
            throw new IpSetException("The sets cannot be swapped: their type does not match");
        }
        Map<String, IpSet> copy = new LinkedHashMap<>();
        for (Map.Entry<String, IpSet> e : sets.entrySet()) {
            IpSet v = e.getKey().equals(a) ? sb : e.getKey().equals(b) ? sa : e.getValue();
            copy.put(e.getKey(), v.renamed(e.getKey()));
        }
        sets.clear();
        sets.putAll(copy);
    }

    /** Packet-side lookup for the set match; false for a missing set. */
    public boolean contains(String name, int addr, int proto, int port) {
        IpSet s = sets.get(name);
        return s != null && s.contains(addr, proto, port);
    }
}
