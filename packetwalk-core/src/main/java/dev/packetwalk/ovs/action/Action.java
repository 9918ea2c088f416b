package dev.packetwalk.ovs.action;

import java.util.List;

import dev.packetwalk.ovs.flow.Field;
import dev.packetwalk.ovs.flow.OfPort;
import dev.packetwalk.ovs.flow.Subfield;

/**
 * One OpenFlow action or instruction as OVS 3.1 keeps it after parsing ({@code struct ofpact}).
 * An empty action list means drop. Text forms live in {@link ActionText}; the translation
 * engine dispatches on the record type.
 */
public sealed interface Action permits Action.Output, Action.OutputField, Action.Controller, Action.Enqueue,
        Action.Resubmit, Action.GotoTable, Action.SetVlanVid, Action.SetVlanPcp, Action.StripVlan,
        Action.PushVlan, Action.ModField, Action.SetField, Action.Load, Action.Move, Action.SetTunnel,
        Learn, Action.Conjunction, Ct, Action.CtClear, Action.Note, Action.DecTtl, Action.Exit, Action.Clone,
        Action.FinTimeout, Action.Sample, Action.SetQueue, Action.PopQueue, Action.StackPush,
        Action.StackPop, Action.WriteMetadata, Action.WriteActions, Action.ClearActions, Action.Meter,
        Action.Group, Action.Multipath, Action.Bundle {

    /** {@code output:PORT}, reserved ports included (NORMAL, FLOOD, ALL, IN_PORT, LOCAL, TABLE). */
    record Output(int port, int maxLen) implements Action {
        /** maxLen when {@code max_len} was not given. */
        public static final int NO_MAX_LEN = -1;

        public static Output to(int port) {
            return new Output(port, NO_MAX_LEN);
        }

        public boolean isReserved() {
            return OfPort.reservedName(port) != null;
        }
    }

    /** {@code output:NXM_NX_REG0[0..15]}: the port number is read from the packet. */
    record OutputField(Subfield src, int maxLen) implements Action {
    }

    /** {@code CONTROLLER:maxLen} or {@code controller(...)}; reason is OVS's name (action, no_match, ...). */
    record Controller(int maxLen, String reason, int controllerId, String userdata, boolean pause, int meterId)
            implements Action {
        public static final int NO_METER = -1;

        public static Controller of(int maxLen) {
            return new Controller(maxLen, "action", 0, null, false, NO_METER);
        }

        /** True when OVS prints it in the short {@code CONTROLLER:N} form. */
        public boolean isPlain() {
            return reason.equals("action") && controllerId == 0 && userdata == null && !pause && meterId == NO_METER;
        }
    }

    /** {@code enqueue:PORT:QUEUE}. */
    record Enqueue(int port, int queue) implements Action {
    }

    /**
     * {@code resubmit(port,table[,ct])}. {@code inPort} is {@link OfPort#IN_PORT} when only a table is
     * given; {@code table} is {@link #CURRENT_TABLE} (255) when only a port is given.
     */
    record Resubmit(int inPort, int table, boolean ct) implements Action {
        public static final int CURRENT_TABLE = 255;
    }

    /** {@code goto_table:N} (an instruction; OF1.0 dumps show it as {@code resubmit(,N)}). */
    record GotoTable(int table) implements Action {
    }

    /**
     * {@code mod_vlan_vid:VID}: pushes a VLAN header first if the packet has none (pushIfNeeded).
     * flowHasVlan is what OVS's action check saw: whether a VLAN header is known to be present at
     * this point of the list (from the match's CFI bit and earlier push/strip actions); it decides
     * whether an OpenFlow 1.1+ encoding needs a {@code push_vlan} first.
     */
    record SetVlanVid(int vid, boolean pushIfNeeded, boolean flowHasVlan) implements Action {
        public static SetVlanVid of(int vid) {
            return new SetVlanVid(vid, true, false);
        }
    }

    /** {@code mod_vlan_pcp:PCP}; pushIfNeeded and flowHasVlan as in {@link SetVlanVid}. */
    record SetVlanPcp(int pcp, boolean pushIfNeeded, boolean flowHasVlan) implements Action {
        public static SetVlanPcp of(int pcp) {
            return new SetVlanPcp(pcp, true, false);
        }
    }

    /** {@code strip_vlan} / {@code pop_vlan}. */
    record StripVlan() implements Action {
    }

    /** {@code push_vlan:ETHERTYPE}. */
    record PushVlan(int ethertype) implements Action {
    }

    /**
     * The OpenFlow 1.0 header rewrites {@code mod_dl_src}, {@code mod_nw_dst}, {@code mod_tp_src} ...;
     * value is a MAC, an IPv4 address (unsigned), a TOS byte, an ECN or TTL value or an L4 port.
     */
    record ModField(ModKind kind, long value) implements Action {
    }

    /**
     * {@code set_field:VALUE[/MASK]->FIELD}: the field's bits selected by mask become value.
     * OF1.0 dumps print it as {@code load:} or {@code mod_*} (see {@link ActionText}).
     */
    record SetField(Field field, long value, long mask) implements Action {
        /**
         * {@code set_field:VALUE->FIELD}: the whole field (up to 64 bits) becomes value; a
         * {@code vlan_vid} value carries OpenFlow 1.3's present bit ({@code 0x1000 | vid}).
         */
        public static SetField of(Field field, long value) {
            long ones = SetFieldSyntax.ones(field);
            long allowed = field == Field.VLAN_VID ? 0x1fff : ones;
            if (field.width() > 64 || (value & ~allowed) != 0) {
                throw new IllegalArgumentException("set_field: 0x" + Long.toHexString(value) + " does not fit in "
                        + field.ovsName());
            }
            return new SetField(field, value, ones);
        }
    }

    /** {@code load:VALUE->DST} (NXM reg_load): value fits in dst's bits. */
    record Load(Subfield dst, long value) implements Action {
    }

    /** {@code move:SRC->DST}: equal widths. */
    record Move(Subfield src, Subfield dst) implements Action {
    }

    /** {@code set_tunnel:ID} (32-bit form) or {@code set_tunnel64:ID}. */
    record SetTunnel(long tunId, boolean is64) implements Action {
    }

    /** {@code conjunction(ID,CLAUSE/N_CLAUSES)}, clause counted from 1 as in the text. */
    record Conjunction(long id, int clause, int nClauses) implements Action {
    }

    /** {@code ct_clear}. */
    record CtClear() implements Action {
    }

    /** {@code note:HEX...}; bytes as OVS prints them, zero-padded ({@code 01.02.03.00.00.00}). */
    record Note(String hexBytes) implements Action {
    }

    /** {@code dec_ttl} or {@code dec_ttl(ID,...)}; an empty id list means the default (controller id 0). */
    record DecTtl(List<Integer> controllerIds) implements Action {
        public DecTtl {
            controllerIds = List.copyOf(controllerIds);
        }
    }

    /** {@code exit}. */
    record Exit() implements Action {
    }

    /** {@code clone(ACTIONS)}. */
    record Clone(List<Action> actions) implements Action {
        public Clone {
            actions = List.copyOf(actions);
        }
    }

    /** {@code fin_timeout(idle_timeout=N,hard_timeout=N)}; 0 means not given. */
    record FinTimeout(int idleTimeout, int hardTimeout) implements Action {
    }

    /** {@code sample(...)}. */
    record Sample(int probability, long collectorSetId, long obsDomainId, long obsPointId) implements Action {
    }

    /** {@code set_queue:N}. */
    record SetQueue(long queue) implements Action {
    }

    /** {@code pop_queue}. */
    record PopQueue() implements Action {
    }

    /** {@code push:SRC}. */
    record StackPush(Subfield src) implements Action {
    }

    /** {@code pop:DST}. */
    record StackPop(Subfield dst) implements Action {
    }

    /** {@code write_metadata:VALUE[/MASK]} (instruction). */
    record WriteMetadata(long value, long mask) implements Action {
    }

    /** {@code write_actions(ACTIONS)} (instruction). */
    record WriteActions(List<Action> actions) implements Action {
        public WriteActions {
            actions = List.copyOf(actions);
        }
    }

    /** {@code clear_actions} (instruction). */
    record ClearActions() implements Action {
    }

    /** {@code meter:N} (instruction, OF1.3+). */
    record Meter(long meterId) implements Action {
    }

    /** {@code group:N}. */
    record Group(long groupId) implements Action {
    }

    /** {@code multipath(...)}: parsed and printed only; text is the argument list as OVS prints it. */
    record Multipath(String args) implements Action {
    }

    /** {@code bundle(...)}: parsed and printed only; text is the argument list as OVS prints it. */
    record Bundle(String args) implements Action {
    }
}
