package dev.packetwalk.cloud.seed;

import dev.packetwalk.cloud.agent.Deployment;
import dev.packetwalk.cloud.lab.Lab;
import dev.packetwalk.host.Shell;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;

class Seed004Probe {
    @Test
    void probe() {
        Deployment d = Deployment.render(Lab.named("legacy").orElseThrow().cloud());
        for (SeedTranscript.Exchange e : SeedTranscript.read("004_2c52dabca35841a1.txt")) {
            String node = switch (e.prompt()) {
                case "compute01", "compute-node" -> "compute01";
                case "network-node" -> "network-node";
                case "controller" -> "controller";
                default -> e.command().startsWith("ip ") ? "network-node" : "controller";
            };
            StringBuilder out = new StringBuilder();
            StringBuilder err = new StringBuilder();
            new Shell(d.host(node).orElseThrow()).runScript(e.command() + "\n", out, err);
            List<String> ours = new ArrayList<>(out.toString().lines().map(Seed004Probe::norm).toList());
            List<String> missing = new ArrayList<>();
            for (String l : e.output()) {
                String n = norm(l);
                if (n.isEmpty() || n.equals("...")) {
                    continue;
                }
                int at = ours.indexOf(n);
                if (at < 0) {
                    missing.add(n);
                } else {
                    ours.subList(0, at + 1).clear();
                }
            }
            System.out.println("=== " + e.line() + " " + node + "# " + e.command() + "  missing " + missing.size()
                    + (err.length() > 0 ? " ERR " + err : ""));
            missing.forEach(m -> System.out.println("  - " + m));
        }
    }

    static String norm(String s) {
        return s.strip().replaceAll("\\s+", " ");
    }
}
