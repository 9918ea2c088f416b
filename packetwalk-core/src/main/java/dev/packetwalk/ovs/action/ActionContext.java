package dev.packetwalk.ovs.action;

import java.util.List;

import dev.packetwalk.ovs.flow.LogLine;
import dev.packetwalk.ovs.flow.Match;
import dev.packetwalk.ovs.flow.PortNames;
import dev.packetwalk.ovs.flow.Protocol;

/**
 * What action parsing needs to know about the flow: the protocol (some actions exist only in
 * OF1.0 or OF1.1+), port names, the flow's match (prerequisites) and table (goto_table must go
 * forward); log receives ovs-ofctl's stderr lines.
 */
public record ActionContext(Protocol protocol, PortNames ports, Match match, int table, List<LogLine> log) {
}
