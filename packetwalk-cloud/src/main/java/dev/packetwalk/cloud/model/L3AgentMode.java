package dev.packetwalk.cloud.model;

/** The L3 agent's {@code agent_mode}. */
public enum L3AgentMode {
    LEGACY("legacy"), DVR("dvr"), DVR_SNAT("dvr_snat");

    private final String text;

    L3AgentMode(String text) {
        this.text = text;
    }

    public String text() {
        return text;
    }

    /** Whether the agent can host a legacy router or a DVR router's SNAT part. */
    public boolean hostsCentralRouters() {
        return this != DVR;
    }

    public static L3AgentMode parse(String text) {
        for (L3AgentMode m : values()) {
            if (m.text.equals(text)) {
                return m;
            }
        }
        throw new ModelException("unknown l3 agent mode \"" + text + "\" (legacy, dvr or dvr_snat)");
    }
}
