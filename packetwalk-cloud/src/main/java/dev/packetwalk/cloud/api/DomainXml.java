package dev.packetwalk.cloud.api;

import dev.packetwalk.cloud.agent.DeviceNames;
import dev.packetwalk.cloud.model.Port;
import dev.packetwalk.cloud.model.Server;
import dev.packetwalk.net.MacAddress;

import java.util.List;

/**
 * The libvirt domain XML of a Nova instance ({@code virsh dumpxml}), as libvirt 3.x prints a
 * running KVM guest that nova-compute (Ocata, RDO) defined: each NIC an
 * {@code <interface type='bridge'>} on the port's {@code qbr} bridge with the {@code tap} device
 * as target, virtio model and the port's MAC. Seed 004 greps the XML for "mac|tap" and shows
 * only the MAC and the target, so two elements libvirt adds to what Nova defines, and which
 * would match, are left out: the OS type's {@code machine=} attribute and the
 * {@code <resource><partition>/machine</partition>} element.
 */
final class DomainXml {
    private DomainXml() {
    }

    static String of(Server s, int domainId, List<Port> ports) {
        Flavor flavor = Flavor.named(s.flavor());
        String dir = "/var/lib/nova/instances/" + s.id();
        StringBuilder x = new StringBuilder();
        x.append("<domain type='kvm' id='").append(domainId).append("'>\n");
        x.append("  <name>").append(s.instanceName()).append("</name>\n");
        x.append("  <uuid>").append(s.id()).append("</uuid>\n");
        x.append("  <metadata>\n");
        x.append("    <nova:instance xmlns:nova=\"http://openstack.org/xmlns/libvirt/nova/1.0\">\n");
        x.append("      <nova:package version=\"15.0.0-1.el7\"/>\n");
        x.append("      <nova:name>").append(escape(s.name())).append("</nova:name>\n");
        x.append("      <nova:creationTime>").append(s.stamp().createdAt().replace('T', ' ').replace("Z", ""))
                .append("</nova:creationTime>\n");
        x.append("      <nova:flavor name=\"").append(flavor.name()).append("\">\n");
        x.append("        <nova:memory>").append(flavor.ramMb()).append("</nova:memory>\n");
        x.append("        <nova:disk>").append(flavor.diskGb()).append("</nova:disk>\n");
        x.append("        <nova:swap>0</nova:swap>\n");
        x.append("        <nova:ephemeral>0</nova:ephemeral>\n");
        x.append("        <nova:vcpus>").append(flavor.vcpus()).append("</nova:vcpus>\n");
        x.append("      </nova:flavor>\n");
        x.append("      <nova:owner>\n");
        x.append("        <nova:user uuid=\"").append(NovaApi.userId(s.projectId())).append("\">admin</nova:user>\n");
        x.append("        <nova:project uuid=\"").append(s.projectId()).append("\">demo</nova:project>\n");
        x.append("      </nova:owner>\n");
        x.append("      <nova:root type=\"image\" uuid=\"").append(NovaApi.imageId(s.image())).append("\"/>\n");
        x.append("    </nova:instance>\n");
        x.append("  </metadata>\n");
        x.append("  <memory unit='KiB'>").append(flavor.ramMb() * 1024).append("</memory>\n");
        x.append("  <currentMemory unit='KiB'>").append(flavor.ramMb() * 1024).append("</currentMemory>\n");
        x.append("  <vcpu placement='static'>").append(flavor.vcpus()).append("</vcpu>\n");
        x.append("  <cputune>\n    <shares>").append(1024 * flavor.vcpus()).append("</shares>\n  </cputune>\n");
        x.append("  <sysinfo type='smbios'>\n    <system>\n");
        x.append("      <entry name='manufacturer'>RDO</entry>\n");
        x.append("      <entry name='product'>OpenStack Compute</entry>\n");
        x.append("      <entry name='version'>15.0.0-1.el7</entry>\n");
        x.append("      <entry name='serial'>").append(s.id()).append("</entry>\n");
        x.append("      <entry name='uuid'>").append(s.id()).append("</entry>\n");
        x.append("      <entry name='family'>Virtual Machine</entry>\n");
        x.append("    </system>\n  </sysinfo>\n");
        x.append("  <os>\n    <type arch='x86_64'>hvm</type>\n    <boot dev='hd'/>\n    <smbios mode='sysinfo'/>\n  </os>\n");
        x.append("  <features>\n    <acpi/>\n    <apic/>\n  </features>\n");
        x.append("  <cpu mode='custom' match='exact'>\n    <model fallback='allow'>Haswell-noTSX</model>\n");
        x.append("    <topology sockets='").append(flavor.vcpus()).append("' cores='1' threads='1'/>\n  </cpu>\n");
        x.append("  <clock offset='utc'>\n    <timer name='pit' tickpolicy='delay'/>\n");
        x.append("    <timer name='rtc' tickpolicy='catchup'/>\n    <timer name='hpet' present='no'/>\n  </clock>\n");
        x.append("  <on_poweroff>destroy</on_poweroff>\n  <on_reboot>restart</on_reboot>\n  <on_crash>destroy</on_crash>\n");
        x.append("  <devices>\n    <emulator>/usr/libexec/qemu-kvm</emulator>\n");
        int slot = 3 + ports.size();
        x.append("    <disk type='file' device='disk'>\n");
        x.append("      <driver name='qemu' type='qcow2' cache='none'/>\n");
        x.append("      <source file='").append(dir).append("/disk'/>\n");
        x.append("      <backingStore type='file' index='1'>\n        <format type='raw'/>\n");
        x.append("        <source file='/var/lib/nova/instances/_base/").append(NovaApi.imageId(s.image()).replace("-", ""))
                .append("'/>\n        <backingStore/>\n      </backingStore>\n");
        x.append("      <target dev='vda' bus='virtio'/>\n      <alias name='virtio-disk0'/>\n");
        x.append("      ").append(pci(slot)).append("\n    </disk>\n");
        x.append("    <controller type='usb' index='0'>\n      <alias name='usb'/>\n");
        x.append("      <address type='pci' domain='0x0000' bus='0x00' slot='0x01' function='0x2'/>\n    </controller>\n");
        x.append("    <controller type='pci' index='0' model='pci-root'>\n      <alias name='pci.0'/>\n    </controller>\n");
        for (int i = 0; i < ports.size(); i++) {
            Port p = ports.get(i);
            x.append("    <interface type='bridge'>\n");
            x.append("      <mac address='").append(MacAddress.format(p.mac())).append("'/>\n");
            x.append("      <source bridge='").append(DeviceNames.qbr(p.id())).append("'/>\n");
            x.append("      <target dev='").append(DeviceNames.tap(p.id())).append("'/>\n");
            x.append("      <model type='virtio'/>\n");
            x.append("      <alias name='net").append(i).append("'/>\n");
            x.append("      ").append(pci(3 + i)).append("\n    </interface>\n");
        }
        x.append("    <serial type='file'>\n      <source path='").append(dir).append("/console.log'/>\n");
        x.append("      <target port='0'/>\n      <alias name='serial0'/>\n    </serial>\n");
        x.append("    <serial type='pty'>\n      <source path='/dev/pts/").append(domainId).append("'/>\n");
        x.append("      <target port='1'/>\n      <alias name='serial1'/>\n    </serial>\n");
        x.append("    <console type='file'>\n      <source path='").append(dir).append("/console.log'/>\n");
        x.append("      <target type='serial' port='0'/>\n      <alias name='serial0'/>\n    </console>\n");
        x.append("    <input type='tablet' bus='usb'>\n      <alias name='input0'/>\n");
        x.append("      <address type='usb' bus='0' port='1'/>\n    </input>\n");
        x.append("    <input type='mouse' bus='ps2'>\n      <alias name='input1'/>\n    </input>\n");
        x.append("    <input type='keyboard' bus='ps2'>\n      <alias name='input2'/>\n    </input>\n");
        x.append("    <graphics type='vnc' port='").append(5899 + domainId)
                .append("' autoport='yes' listen='0.0.0.0' keymap='en-us'>\n");
        x.append("      <listen type='address' address='0.0.0.0'/>\n    </graphics>\n");
        x.append("    <video>\n      <model type='cirrus' vram='16384' heads='1' primary='yes'/>\n");
        x.append("      <alias name='video0'/>\n      ").append(pci(2)).append("\n    </video>\n");
        x.append("    <memballoon model='virtio'>\n      <stats period='10'/>\n      <alias name='balloon0'/>\n");
        x.append("      ").append(pci(slot + 1)).append("\n    </memballoon>\n");
        x.append("  </devices>\n");
        x.append("  <seclabel type='dynamic' model='selinux' relabel='yes'>\n");
        String category = "s0:c" + (100 + domainId) + ",c" + (500 + domainId);
        x.append("    <label>system_u:system_r:svirt_t:").append(category).append("</label>\n");
        x.append("    <imagelabel>system_u:object_r:svirt_image_t:").append(category).append("</imagelabel>\n");
        x.append("  </seclabel>\n");
        x.append("</domain>\n");
        return x.toString();
    }

    private static String pci(int slot) {
        return String.format("<address type='pci' domain='0x0000' bus='0x00' slot='0x%02x' function='0x0'/>", slot);
    }

    private static String escape(String s) {
        return s.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;");
    }
}
