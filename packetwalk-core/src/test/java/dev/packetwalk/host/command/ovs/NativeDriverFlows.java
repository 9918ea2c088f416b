package dev.packetwalk.host.command.ovs;

import java.util.List;

import dev.packetwalk.net.Ipv4;
import dev.packetwalk.net.Ipv6;
import dev.packetwalk.ovs.action.Action;
import dev.packetwalk.ovs.action.Learn;
import dev.packetwalk.ovs.action.ModKind;
import dev.packetwalk.ovs.flow.Field;
import dev.packetwalk.ovs.flow.Match;
import dev.packetwalk.ovs.flow.OfPort;
import dev.packetwalk.ovs.flow.Subfield;
import dev.packetwalk.ovs.flowmod.FlowMod;

/**
 * Seed 004's compute-node flows as Neutron's native OpenFlow driver sends them (OpenFlow 1.3,
 * goto_table instructions, push_vlan/set_field, learn), each built with the typed API and
 * written as the text {@code ovs-ofctl -O OpenFlow13 add-flow} takes for the same flow.
 */
final class NativeDriverFlows {
    /** One flow: its bridge, its add-flow text and the typed flow mod. */
    record Case(String bridge, String text, FlowMod typed) {
    }

    static final long INT_COOKIE = 0xb950e065fe76cc7bL;
    static final long TUN_COOKIE = 0x876248e21ebb5890L;
    private static final long VM = 0xfa163e3b5326L;
    private static final long GW = 0xfa163eca72d8L;
    private static final long RESPONDER = 0xfa163e5c9e2dL;

    private NativeDriverFlows() {
    }

    private static Subfield whole(Field f) {
        return Subfield.of(f);
    }

    static List<Case> all() {
        long[] target = Ipv6.parse("fe80::f816:3eff:fe5c:9e2d");
        Learn learn = Learn.builder().table(20).hardTimeout(300).priority(1).cookie(TUN_COOKIE)
                .matchField(new Subfield(Field.VLAN_TCI, 0, 12))
                .matchField(whole(Field.ETH_DST), whole(Field.ETH_SRC))
                .loadValue(whole(Field.VLAN_TCI), 0)
                .loadField(whole(Field.TUN_ID), whole(Field.TUN_ID))
                .output(whole(Field.IN_PORT_OXM))
                .build();
        return List.of(
                new Case("br-int", "table=0,priority=9,in_port=2,actions=goto_table:25",
                        FlowMod.builder().priority(9).match(Match.builder().inPort(2).build())
                                .actions(new Action.GotoTable(25)).build()),
                new Case("br-int", "cookie=0xb950e065fe76cc7b,table=0,priority=10,arp,in_port=2,actions=goto_table:24",
                        FlowMod.builder().cookie(INT_COOKIE).priority(10).match(Match.builder().arp().inPort(2).build())
                                .actions(new Action.GotoTable(24)).build()),
                new Case("br-int", "table=0,priority=0,actions=NORMAL",
                        FlowMod.builder().priority(0).actions(Action.Output.to(OfPort.NORMAL)).build()),
                new Case("br-int", "table=0,priority=3,in_port=1,dl_vlan=100,actions=mod_vlan_vid:2,NORMAL",
                        FlowMod.builder().priority(3).match(Match.builder().inPort(1).dlVlan(100).build())
                                .actions(Action.SetVlanVid.of(2), Action.Output.to(OfPort.NORMAL)).build()),
                new Case("br-int", "table=0,priority=3,in_port=1,vlan_tci=0x0000/0x1fff,actions=mod_vlan_vid:3,NORMAL",
                        FlowMod.builder().priority(3).match(Match.builder().inPort(1).vlanTci(0, 0x1fff).build())
                                .actions(Action.SetVlanVid.of(3), Action.Output.to(OfPort.NORMAL)).build()),
                new Case("br-int", "table=0,priority=4,in_port=2,dl_vlan=5,actions=set_field:0x5->reg6,goto_table:23",
                        FlowMod.builder().priority(4).match(Match.builder().inPort(2).dlVlan(5).build())
                                .actions(Action.SetField.of(Field.REG6, 5), new Action.GotoTable(23)).build()),
                new Case("br-int", "table=0,priority=5,in_port=3,actions=mod_dl_src:fa:16:3e:00:00:01,goto_table:1",
                        FlowMod.builder().priority(5).match(Match.builder().inPort(3).build())
                                .actions(new Action.ModField(ModKind.DL_SRC, 0xfa163e000001L), new Action.GotoTable(1))
                                .build()),
                new Case("br-int", "table=23,priority=0,actions=drop", FlowMod.builder().table(23).priority(0).build()),
                new Case("br-int", "table=24,priority=2,arp,in_port=2,arp_spa=172.19.1.3,actions=goto_table:25",
                        FlowMod.builder().table(24).priority(2)
                                .match(Match.builder().arp().inPort(2).arpSpa(Ipv4.parse("172.19.1.3")).build())
                                .actions(new Action.GotoTable(25)).build()),
                new Case("br-int", "table=24,priority=2,icmp6,in_port=2,icmp_type=136,"
                        + "nd_target=fe80::f816:3eff:fe5c:9e2d,actions=goto_table:25",
                        FlowMod.builder().table(24).priority(2).match(Match.builder().icmp6().inPort(2).icmpType(136)
                                .ndTarget(target[0], target[1]).build()).actions(new Action.GotoTable(25)).build()),
                new Case("br-int", "table=25,priority=2,in_port=2,dl_src=fa:16:3e:3b:53:26,actions=NORMAL",
                        FlowMod.builder().table(25).priority(2).match(Match.builder().inPort(2).dlSrc(VM).build())
                                .actions(Action.Output.to(OfPort.NORMAL)).build()),
                new Case("br-int", "cookie=0x1234,table=3,priority=5,idle_timeout=60,in_port=3,actions=output:4",
                        FlowMod.builder().cookie(0x1234).table(3).priority(5).idleTimeout(60)
                                .match(Match.builder().inPort(3).build()).actions(Action.Output.to(4)).build()),
                new Case("br-tun", "table=0,priority=1,in_port=1,actions=goto_table:2",
                        FlowMod.builder().priority(1).match(Match.builder().inPort(1).build())
                                .actions(new Action.GotoTable(2)).build()),
                new Case("br-tun", "table=2,priority=0,dl_dst=00:00:00:00:00:00/01:00:00:00:00:00,actions=goto_table:20",
                        FlowMod.builder().table(2).priority(0).match(Match.builder().dlDst(0, 1L << 40).build())
                                .actions(new Action.GotoTable(20)).build()),
                new Case("br-tun", "table=2,priority=0,dl_dst=01:00:00:00:00:00/01:00:00:00:00:00,actions=goto_table:22",
                        FlowMod.builder().table(2).priority(0).match(Match.builder().dlDst(1L << 40, 1L << 40).build())
                                .actions(new Action.GotoTable(22)).build()),
                new Case("br-tun", "cookie=0x876248e21ebb5890,table=4,priority=1,tun_id=0x5a,"
                        + "actions=push_vlan:0x8100,set_field:4098->vlan_vid,goto_table:10",
                        FlowMod.builder().cookie(TUN_COOKIE).table(4).priority(1).match(Match.builder().tunId(0x5a).build())
                                .actions(new Action.PushVlan(0x8100), Action.SetField.of(Field.VLAN_VID, 0x1002),
                                        new Action.GotoTable(10)).build()),
                new Case("br-tun", "table=4,priority=2,tun_id=0x5b,actions=mod_vlan_vid:3,goto_table:10",
                        FlowMod.builder().table(4).priority(2).match(Match.builder().tunId(0x5b).build())
                                .actions(Action.SetVlanVid.of(3), new Action.GotoTable(10)).build()),
                new Case("br-tun", "cookie=0x876248e21ebb5890,table=10,priority=1,actions=learn(table=20,hard_timeout=300,"
                        + "priority=1,cookie=0x876248e21ebb5890,NXM_OF_VLAN_TCI[0..11],NXM_OF_ETH_DST[]=NXM_OF_ETH_SRC[],"
                        + "load:0->NXM_OF_VLAN_TCI[],load:NXM_NX_TUN_ID[]->NXM_NX_TUN_ID[],output:OXM_OF_IN_PORT[]),output:1",
                        FlowMod.builder().cookie(TUN_COOKIE).table(10).priority(1).actions(learn, Action.Output.to(1)).build()),
                new Case("br-tun", "table=20,priority=2,dl_vlan=2,dl_dst=fa:16:3e:ca:72:d8,"
                        + "actions=pop_vlan,set_field:0x5a->tun_id,output:2",
                        FlowMod.builder().table(20).priority(2).match(Match.builder().dlVlan(2).dlDst(GW).build())
                                .actions(new Action.StripVlan(), Action.SetField.of(Field.TUN_ID, 0x5a), Action.Output.to(2))
                                .build()),
                new Case("br-tun", "table=20,priority=1,hard_timeout=300,vlan_tci=0x0002/0x0fff,dl_dst=fa:16:3e:65:8c:df,"
                        + "actions=load:0->NXM_OF_VLAN_TCI[],load:0x5a->NXM_NX_TUN_ID[],output:2",
                        FlowMod.builder().table(20).priority(1).hardTimeout(300)
                                .match(Match.builder().vlanTci(2, 0x0fff).dlDst(0xfa163e658cdfL).build())
                                .actions(new Action.Load(whole(Field.VLAN_TCI), 0), new Action.Load(whole(Field.TUN_ID), 0x5a),
                                        Action.Output.to(2)).build()),
                new Case("br-tun", "table=21,priority=1,arp,dl_vlan=1,arp_tpa=192.168.1.5,"
                        + "actions=move:NXM_OF_ETH_SRC[]->NXM_OF_ETH_DST[],set_field:fa:16:3e:5c:9e:2d->eth_src,"
                        + "set_field:2->arp_op,move:NXM_NX_ARP_SHA[]->NXM_NX_ARP_THA[],move:NXM_OF_ARP_SPA[]->NXM_OF_ARP_TPA[],"
                        + "set_field:fa:16:3e:5c:9e:2d->arp_sha,set_field:192.168.1.5->arp_spa,IN_PORT",
                        FlowMod.builder().table(21).priority(1)
                                .match(Match.builder().arp().dlVlan(1).arpTpa(Ipv4.parse("192.168.1.5")).build())
                                .actions(new Action.Move(whole(Field.ETH_SRC), whole(Field.ETH_DST)),
                                        Action.SetField.of(Field.ETH_SRC, RESPONDER), Action.SetField.of(Field.ARP_OP, 2),
                                        new Action.Move(whole(Field.ARP_SHA), whole(Field.ARP_THA)),
                                        new Action.Move(whole(Field.ARP_SPA), whole(Field.ARP_TPA)),
                                        Action.SetField.of(Field.ARP_SHA, RESPONDER),
                                        Action.SetField.of(Field.ARP_SPA, Ipv4.parse("192.168.1.5") & 0xffff_ffffL),
                                        Action.Output.to(OfPort.IN_PORT)).build()),
                new Case("br-tun", "table=22,priority=1,dl_vlan=2,actions=strip_vlan,set_field:0x5a->tun_id,output:2,output:3",
                        FlowMod.builder().table(22).priority(1).match(Match.builder().dlVlan(2).build())
                                .actions(new Action.StripVlan(), Action.SetField.of(Field.TUN_ID, 0x5a), Action.Output.to(2),
                                        Action.Output.to(3)).build()));
    }
}
