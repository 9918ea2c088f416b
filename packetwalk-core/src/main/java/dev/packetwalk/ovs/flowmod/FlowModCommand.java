package dev.packetwalk.ovs.flowmod;

/**
 * What a flow text is parsed for — it decides which keywords ovs-ofctl accepts (its F_* field
 * sets): an add takes actions, timeouts, priority, flags and importance; a modify the same but
 * importance; a delete or a dump only a match (a strict delete also the priority).
 */
public enum FlowModCommand {
    ADD("ADD", true, true, true, true),
    MODIFY("MOD", true, true, true, false),
    MODIFY_STRICT("MOD_STRICT", true, true, true, false),
    DELETE("DEL", false, false, false, false),
    DELETE_STRICT("DEL_STRICT", false, true, false, false),
    DUMP("DUMP", false, false, false, false);

    private final String label;
    private final boolean actions;
    private final boolean priority;
    private final boolean timeoutsAndFlags;
    private final boolean importance;

    FlowModCommand(String label, boolean actions, boolean priority, boolean timeoutsAndFlags, boolean importance) {
        this.label = label;
        this.actions = actions;
        this.priority = priority;
        this.timeoutsAndFlags = timeoutsAndFlags;
        this.importance = importance;
    }

    /** The word ovs-ofctl prints for the flow_mod command ({@code ADD}, {@code MOD_STRICT}, ...). */
    public String label() {
        return label;
    }

    public boolean takesActions() {
        return actions;
    }

    public boolean takesPriority() {
        return priority;
    }

    public boolean takesTimeoutsAndFlags() {
        return timeoutsAndFlags;
    }

    public boolean takesImportance() {
        return importance;
    }

    public boolean isStrict() {
        return this == MODIFY_STRICT || this == DELETE_STRICT;
    }

    public boolean isModify() {
        return this == MODIFY || this == MODIFY_STRICT;
    }

    /** Cookies without a mask set the flow's cookie, so only adds and modifies take them. */
    public boolean setsCookie() {
        return this == ADD || isModify();
    }
}
