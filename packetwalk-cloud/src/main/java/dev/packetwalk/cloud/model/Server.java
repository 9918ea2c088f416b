package dev.packetwalk.cloud.model;

import java.util.List;

/**
 * A Nova server (VM): where it runs, its libvirt instance name ({@code instance-00000003}) and
 * its ports, in the order of its NICs.
 */
public record Server(String id, String name, String projectId, String host, String instanceName,
        List<String> portIds, String flavor, String image, Stamp stamp) {
    public Server {
        portIds = List.copyOf(portIds);
    }
}
