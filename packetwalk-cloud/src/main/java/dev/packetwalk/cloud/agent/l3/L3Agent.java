package dev.packetwalk.cloud.agent.l3;

import dev.packetwalk.cloud.agent.NodeContext;
import dev.packetwalk.cloud.model.Router;

/**
 * The L3 agent of a node: the legacy routers scheduled here, and in the DVR modes the local part
 * of every distributed router with a port here, with their floating IPs, and the SNAT parts
 * this node hosts.
 */
public final class L3Agent {
    private L3Agent() {
    }

    public static void render(NodeContext ctx) {
        if (!ctx.node().runsL3Agent()) {
            return;
        }
        for (Router r : ctx.placement().legacyRouters(ctx.node())) {
            LegacyRouter.render(ctx, r);
        }
        for (Router r : ctx.placement().dvrRouters(ctx.node())) {
            DvrRouter.render(ctx, r);
            if (ctx.placement().snatRouters(ctx.node()).contains(r)) {
                SnatNamespace.render(ctx, r);
            }
        }
    }
}
