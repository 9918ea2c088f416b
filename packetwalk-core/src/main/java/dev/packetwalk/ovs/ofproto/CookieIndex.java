package dev.packetwalk.ovs.ofproto;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * A bridge's rules by cookie, in the order OVS's cookie index yields them: the first rule
 * with a cookie stays first, and each later one goes right after it (so the rest come
 * newest first). A {@code cookie=V/-1} selection walks this order across all tables, and
 * it includes the bridge's internal rules.
 */
final class CookieIndex {
    private final Map<Long, List<Rule>> byCookie = new HashMap<>();

    void insert(Rule rule) {
        List<Rule> chain = byCookie.computeIfAbsent(rule.cookie(), c -> new ArrayList<>(2));
        chain.add(chain.isEmpty() ? 0 : 1, rule);
    }

    void remove(Rule rule) {
        List<Rule> chain = byCookie.get(rule.cookie());
        if (chain == null) {
            return;
        }
        for (int i = 0; i < chain.size(); i++) {
            if (chain.get(i) == rule) {
                chain.remove(i);
                break;
            }
        }
        if (chain.isEmpty()) {
            byCookie.remove(rule.cookie());
        }
    }

    List<Rule> withCookie(long cookie) {
        return byCookie.getOrDefault(cookie, List.of());
    }

    void clear() {
        byCookie.clear();
    }
}
