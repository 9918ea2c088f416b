package dev.packetwalk.cloud.model;

/** A Neutron agent as {@code neutron agent-list} shows it: its id, type, binary and node. */
public record Agent(String id, AgentType type, String host) {
    /** The agent kinds a node can run, with their API type names and binaries. */
    public enum AgentType {
        OPEN_VSWITCH("Open vSwitch agent", "neutron-openvswitch-agent", ""),
        L3("L3 agent", "neutron-l3-agent", "nova"),
        DHCP("DHCP agent", "neutron-dhcp-agent", "nova"),
        METADATA("Metadata agent", "neutron-metadata-agent", "");

        private final String typeName;
        private final String binary;
        private final String availabilityZone;

        AgentType(String typeName, String binary, String availabilityZone) {
            this.typeName = typeName;
            this.binary = binary;
            this.availabilityZone = availabilityZone;
        }

        public String typeName() {
            return typeName;
        }

        public String binary() {
            return binary;
        }

        public String availabilityZone() {
            return availabilityZone;
        }
    }
}
