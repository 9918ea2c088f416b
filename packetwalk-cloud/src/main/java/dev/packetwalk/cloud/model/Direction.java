package dev.packetwalk.cloud.model;

/** A security group rule's direction: ingress (to the VM) or egress (from it). */
public enum Direction {
    INGRESS, EGRESS;

    public String text() {
        return this == INGRESS ? "ingress" : "egress";
    }

    public static Direction parse(String text) {
        return switch (text) {
            case "ingress" -> INGRESS;
            case "egress" -> EGRESS;
            default -> throw new ModelException("unknown direction \"" + text + "\" (ingress or egress)");
        };
    }
}
