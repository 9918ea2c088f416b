package dev.packetwalk.cloud.model;

import java.util.List;

/** A security group and its rules. */
public record SecurityGroup(String id, String name, String projectId, String description,
        List<SecurityGroupRule> rules, Stamp stamp) {
    public SecurityGroup {
        rules = List.copyOf(rules);
    }

    public SecurityGroup withRules(List<SecurityGroupRule> newRules) {
        return new SecurityGroup(id, name, projectId, description, newRules, stamp);
    }
}
