package dev.coreos4j.benchmarks;

import java.time.Instant;
import java.time.temporal.ChronoUnit;

/**
 * A generated {@code oc get nodes,mcp,infrastructure -o json} dump of a large cluster, shaped like a real OpenShift
 * 4 cluster's: every node carries the OVN-Kubernetes, machine-api and MCO annotations, the kubelet's labels, five
 * conditions, addresses, capacity, node info and a list of cached images (the kubelet reports up to 50; managedFields
 * are left out, as {@code oc get} leaves them out). 3 masters, 10% infra nodes, the rest workers, in three zones; mid-rollout: a twentieth of the
 * workers is already on the new config or working towards it.
 */
public final class ClusterDump {

    /** The instant the dump is imported at. */
    public static final Instant NOW = Instant.parse("2026-03-02T10:00:00Z");

    private ClusterDump() {}

    /** The dump of a cluster of {@code nodes} nodes (at least 4) with 40 images each, as one {@code List} document. */
    public static String generate(int nodes) {
        return generate(nodes, 40);
    }

    /** The dump of a cluster of {@code nodes} nodes (at least 4) with {@code images} cached images each. */
    public static String generate(int nodes, int images) {
        StringBuilder b = new StringBuilder(nodes * 7000);
        b.append("{\n  \"apiVersion\": \"v1\",\n  \"kind\": \"List\",\n  \"items\": [\n");
        b.append(infrastructure()).append(",\n");
        b.append(pool("master", "node-role.kubernetes.io/master", "rendered-master-b", "rendered-master-a", "1"))
                .append(",\n");
        b.append(pool("worker", "node-role.kubernetes.io/worker", "rendered-worker-b", "rendered-worker-a", "\"10%\""))
                .append(",\n");
        b.append(pool("infra", "node-role.kubernetes.io/infra", "rendered-infra-b", "rendered-infra-a", "2"));
        int infra = Math.max(1, nodes / 10);
        for (int i = 0; i < nodes; i++) {
            String role = i < 3 ? "master" : i < 3 + infra ? "infra" : "worker";
            b.append(",\n").append(node(i, role, images));
        }
        b.append("\n  ]\n}\n");
        return b.toString();
    }

    private static String infrastructure() {
        return "{\"apiVersion\": \"config.openshift.io/v1\", \"kind\": \"Infrastructure\", \"metadata\": {\"name\":"
                + " \"cluster\"}, \"spec\": {\"platformSpec\": {\"type\": \"AWS\"}}, \"status\": {\"controlPlaneTopology\":"
                + " \"HighlyAvailable\", \"infrastructureTopology\": \"HighlyAvailable\", \"platform\": \"AWS\"}}";
    }

    private static String pool(String name, String label, String target, String previous, String max) {
        return "{\"apiVersion\": \"machineconfiguration.openshift.io/v1\", \"kind\": \"MachineConfigPool\","
                + " \"metadata\": {\"name\": \"" + name + "\", \"creationTimestamp\": \"2024-01-04T14:27:26Z\","
                + " \"labels\": {\"machineconfiguration.openshift.io/mco-built-in\": \"\"}},"
                + " \"spec\": {\"configuration\": {\"name\": \"" + target + "\", \"source\": [{\"apiVersion\":"
                + " \"machineconfiguration.openshift.io/v1\", \"kind\": \"MachineConfig\", \"name\": \"00-" + name
                + "\"}]}, \"machineConfigSelector\": {\"matchLabels\": {\"machineconfiguration.openshift.io/role\": \""
                + name + "\"}}, \"maxUnavailable\": " + max + ", \"nodeSelector\": {\"matchLabels\": {\"" + label
                + "\": \"\"}}, \"paused\": false}, \"status\": {\"configuration\": {\"name\": \"" + previous
                + "\"}, \"machineCount\": 0, \"observedGeneration\": 3}}";
    }

    private static String node(int i, String role, int images) {
        String name = String.format("ip-10-0-%d-%d.ec2.internal", i / 250, i % 250);
        String zone = "us-east-1" + "abc".charAt(i % 3);
        String old = "rendered-" + role + "-a";
        String next = "rendered-" + role + "-b";
        boolean moved = !role.equals("master") && i % 20 == 0;
        boolean working = !role.equals("master") && i % 20 == 1;
        String current = moved ? next : old;
        String desired = moved || working ? next : old;
        String state = working ? "Working" : "Done";
        Instant created = NOW.minus(1000 + (i * 2654435761L) % 100_000, ChronoUnit.MINUTES);
        String ip = "10.0." + (i / 250) + "." + (i % 250);
        StringBuilder b = new StringBuilder(7000);
        b.append("    {\n      \"apiVersion\": \"v1\",\n      \"kind\": \"Node\",\n      \"metadata\": {\n");
        b.append("        \"annotations\": {\n");
        annotation(
                b,
                "cloud.network.openshift.io/egress-ipconfig",
                "[{\\\"interface\\\":\\\"eni-0" + i
                        + "\\\",\\\"ifaddr\\\":{\\\"ipv4\\\":\\\"10.0.0.0/19\\\"},\\\"capacity\\\":{\\\"ipv4\\\":14,\\\"ipv6\\\":15}}]");
        annotation(b, "csi.volume.kubernetes.io/nodeid", "{\\\"ebs.csi.aws.com\\\":\\\"i-0" + i + "\\\"}");
        annotation(b, "k8s.ovn.org/host-cidrs", "[\\\"" + ip + "/19\\\"]");
        annotation(
                b,
                "k8s.ovn.org/l3-gateway-config",
                "{\\\"default\\\":{\\\"mode\\\":\\\"shared\\\",\\\"bridge-id\\\":"
                        + "\\\"br-ex\\\",\\\"interface-id\\\":\\\"br-ex_" + name
                        + "\\\",\\\"mac-address\\\":\\\"0e:1f:2a:3b:4c:5d\\\","
                        + "\\\"ip-addresses\\\":[\\\"" + ip
                        + "/19\\\"],\\\"next-hops\\\":[\\\"10.0.0.1\\\"],\\\"node-port-enable\\\":"
                        + "\\\"true\\\",\\\"vlan-id\\\":\\\"0\\\"}}");
        annotation(b, "k8s.ovn.org/node-chassis-id", "5c3d" + i + "-17aa-4425-a989-e5f681672a6f");
        annotation(
                b,
                "k8s.ovn.org/node-gateway-router-lrp-ifaddrs",
                "{\\\"default\\\":{\\\"ipv4\\\":\\\"100.64.0." + (i % 250) + "/16\\\"}}");
        annotation(b, "k8s.ovn.org/node-id", Integer.toString(i + 2));
        annotation(b, "k8s.ovn.org/node-masquerade-subnet", "{\\\"ipv4\\\":\\\"169.254.0.0/17\\\"}");
        annotation(b, "k8s.ovn.org/node-primary-ifaddr", "{\\\"ipv4\\\":\\\"" + ip + "/19\\\"}");
        annotation(b, "k8s.ovn.org/node-subnets", "{\\\"default\\\":[\\\"10.128." + (i % 250) + ".0/23\\\"]}");
        annotation(
                b,
                "k8s.ovn.org/node-transit-switch-port-ifaddr",
                "{\\\"ipv4\\\":\\\"100.88.0." + (i % 250) + "/16\\\"}");
        annotation(b, "k8s.ovn.org/remote-zone-migrated", name);
        annotation(b, "k8s.ovn.org/zone-name", name);
        annotation(b, "machine.openshift.io/machine", "openshift-machine-api/cluster-" + role + "-" + i);
        annotation(b, "machineconfiguration.openshift.io/controlPlaneTopology", "HighlyAvailable");
        annotation(b, "machineconfiguration.openshift.io/currentConfig", current);
        annotation(b, "machineconfiguration.openshift.io/desiredConfig", desired);
        annotation(b, "machineconfiguration.openshift.io/desiredDrain", "uncordon-" + current);
        annotation(b, "machineconfiguration.openshift.io/lastAppliedDrain", "uncordon-" + current);
        annotation(b, "machineconfiguration.openshift.io/lastSyncedControllerConfigResourceVersion", "2418" + i);
        annotation(b, "machineconfiguration.openshift.io/reason", "");
        annotation(b, "machineconfiguration.openshift.io/state", state);
        b.append("          \"volumes.kubernetes.io/controller-managed-attach-detach\": \"true\"\n        },\n");
        b.append("        \"creationTimestamp\": \"").append(created).append("\",\n");
        b.append("        \"labels\": {\n");
        label(b, "beta.kubernetes.io/arch", "amd64");
        label(b, "beta.kubernetes.io/instance-type", "m6i.xlarge");
        label(b, "beta.kubernetes.io/os", "linux");
        label(b, "failure-domain.beta.kubernetes.io/region", "us-east-1");
        label(b, "failure-domain.beta.kubernetes.io/zone", zone);
        label(b, "kubernetes.io/arch", "amd64");
        label(b, "kubernetes.io/hostname", name);
        label(b, "kubernetes.io/os", "linux");
        label(b, "node-role.kubernetes.io/" + role, "");
        if (role.equals("master")) {
            label(b, "node-role.kubernetes.io/control-plane", "");
        }
        if (role.equals("infra")) {
            label(b, "node-role.kubernetes.io/worker", "");
        }
        label(b, "node.kubernetes.io/instance-type", "m6i.xlarge");
        label(b, "node.openshift.io/os_id", "rhcos");
        label(b, "topology.ebs.csi.aws.com/zone", zone);
        label(b, "topology.kubernetes.io/region", "us-east-1");
        b.append("          \"topology.kubernetes.io/zone\": \"").append(zone).append("\"\n        },\n");
        b.append("        \"name\": \"").append(name).append("\",\n");
        b.append("        \"resourceVersion\": \"").append(1192119588L + i).append("\",\n");
        b.append("        \"uid\": \"c0aa2f3d-71ed-428d-9d11-")
                .append(String.format("%012d", i))
                .append("\"\n");
        b.append("      },\n      \"spec\": {\n        \"providerID\": \"aws:///")
                .append(zone)
                .append("/i-0")
                .append(i)
                .append("\"");
        if (role.equals("master")) {
            b.append(
                    ",\n        \"taints\": [{\"effect\": \"NoSchedule\", \"key\": \"node-role.kubernetes.io/master\"}]");
        }
        b.append("\n      },\n      \"status\": {\n");
        b.append("        \"addresses\": [{\"address\": \"")
                .append(ip)
                .append("\", \"type\": \"InternalIP\"},")
                .append(" {\"address\": \"")
                .append(name)
                .append("\", \"type\": \"Hostname\"},")
                .append(" {\"address\": \"")
                .append(name)
                .append("\", \"type\": \"InternalDNS\"}],\n");
        String res = "{\"cpu\": \"3500m\", \"ephemeral-storage\": \"114381692328\", \"hugepages-1Gi\": \"0\","
                + " \"hugepages-2Mi\": \"0\", \"memory\": \"15252768Ki\", \"pods\": \"250\"}";
        b.append("        \"allocatable\": ").append(res).append(",\n");
        b.append("        \"capacity\": ").append(res).append(",\n");
        b.append("        \"conditions\": [\n");
        condition(b, "MemoryPressure", "False", "KubeletHasSufficientMemory", ",");
        condition(b, "DiskPressure", "False", "KubeletHasNoDiskPressure", ",");
        condition(b, "PIDPressure", "False", "KubeletHasSufficientPID", ",");
        condition(b, "Ready", i % 97 == 5 ? "False" : "True", "KubeletReady", "");
        b.append("        ],\n");
        b.append("        \"daemonEndpoints\": {\"kubeletEndpoint\": {\"Port\": 10250}},\n");
        b.append("        \"images\": [\n");
        for (int k = 0; k < images; k++) {
            b.append("          {\"names\": [\"quay.io/openshift-release-dev/ocp-v4.0-art-dev@sha256:")
                    .append(String.format("%064x", (long) k * 7919 + 13))
                    .append("\"], \"sizeBytes\": ")
                    .append(400_000_000L + k * 1_234_567L)
                    .append("}")
                    .append(k < images - 1 ? ",\n" : "\n");
        }
        b.append("        ],\n");
        b.append("        \"nodeInfo\": {\"architecture\": \"amd64\", \"bootID\": \"b0")
                .append(i)
                .append("\", \"containerRuntimeVersion\": \"cri-o://1.31.6-3.rhaos4.18.git2c1d2a4.el9\","
                        + " \"kernelVersion\": \"5.14.0-427.65.1.el9_4.x86_64\", \"kubeProxyVersion\":"
                        + " \"v1.31.7\", \"kubeletVersion\": \"v1.31.7\", \"machineID\": \"ec2")
                .append(i)
                .append("\", \"operatingSystem\": \"linux\", \"osImage\": \"Red Hat Enterprise Linux CoreOS"
                        + " 418.94.202504170303-0\", \"systemUUID\": \"ec2")
                .append(i)
                .append("\"}\n");
        b.append("      }\n    }");
        return b.toString();
    }

    private static void annotation(StringBuilder b, String key, String value) {
        b.append("          \"").append(key).append("\": \"").append(value).append("\",\n");
    }

    private static void label(StringBuilder b, String key, String value) {
        b.append("          \"").append(key).append("\": \"").append(value).append("\",\n");
    }

    private static void condition(StringBuilder b, String type, String status, String reason, String sep) {
        b.append("          {\"lastHeartbeatTime\": \"2026-03-02T09:58:12Z\", \"lastTransitionTime\":"
                        + " \"2026-01-04T14:30:00Z\", \"message\": \"kubelet reports ")
                .append(type)
                .append("\", \"reason\": \"")
                .append(reason)
                .append("\", \"status\": \"")
                .append(status)
                .append("\", \"type\": \"")
                .append(type)
                .append("\"}")
                .append(sep)
                .append('\n');
    }
}
