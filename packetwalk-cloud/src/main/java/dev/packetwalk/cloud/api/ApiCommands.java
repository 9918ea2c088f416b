package dev.packetwalk.cloud.api;

import dev.packetwalk.cloud.model.Cloud;
import dev.packetwalk.host.Command;

import java.util.Map;

/**
 * The API-side read commands a node of the cloud offers, by name, to install on its host:
 * {@code neutron} (python-neutronclient 6.1), {@code nova} (python-novaclient 7.1),
 * {@code openstack} (python-openstackclient 6, as Zed ships it) and {@code virsh} (libvirt 3.x,
 * showing the domains of the node it runs on). They read the cloud each time they run, so they
 * always print its current state.
 */
public final class ApiCommands {
    private ApiCommands() {
    }

    /** The commands, printing tables at their natural width (as into a pipe). */
    public static Map<String, Command> all(Cloud cloud) {
        return all(cloud, Terminal.NONE);
    }

    /** The commands, fitting the Ocata clients' tables to {@code terminal} when they write to it. */
    public static Map<String, Command> all(Cloud cloud, Terminal terminal) {
        NeutronApi neutron = new NeutronApi(cloud);
        NovaApi nova = new NovaApi(cloud);
        return Map.of(
                "neutron", new NeutronCli(neutron, terminal),
                "nova", new NovaCli(nova),
                "openstack", new OpenStackCli(new OscCloud(neutron, nova), terminal),
                "virsh", new Virsh(nova));
    }
}
