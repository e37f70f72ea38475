#!/usr/bin/env python3
"""Writes the inputs of the check speed table into DIR: state.yaml (the objects of
`gen_cluster.py 10000 5 100 3`: 100 Nodes, 20 Namespaces, 10,000 Services with one 5-endpoint
EndpointSlice each, every 10th Service LoadBalancer + externalTrafficPolicy Local with a skewed
spread) and state.json (the same objects as one `kubectl get -o json`-style List).
Uses ../shared/bench/gen_cluster.py for the YAML when it is there, else writes the same text itself.
Usage: gen_inputs.py DIR"""
import json, os, subprocess, sys

N, M, K, Z = 10000, 5, 100, 3


def objects():
    for j in range(K):
        yield {"apiVersion": "v1", "kind": "Node",
               "metadata": {"name": f"node-{j}", "labels": {"topology.kubernetes.io/zone": f"zone-{j % Z}"}},
               "status": {"allocatable": {"cpu": "8"}}}
    nss = max(1, N // 500)
    for i in range(nss):
        yield {"apiVersion": "v1", "kind": "Namespace", "metadata": {"name": f"scale-{i}"}}
    for i in range(N):
        ns = f"scale-{i % nss}"
        skewed = i % 10 == 0
        spec = {"type": "LoadBalancer", "externalTrafficPolicy": "Local"} if skewed else {"type": "ClusterIP"}
        spec["ports"] = [{"name": "http", "port": 80, "targetPort": 8080}]
        yield {"apiVersion": "v1", "kind": "Service", "metadata": {"name": f"svc-{i}", "namespace": ns}, "spec": spec}
        endpoints = []
        for e in range(M):
            node = (i + (0 if (skewed and e < M - 1) else e)) % K
            endpoints.append({"addresses": [f"10.{(i >> 8) & 255}.{i & 255}.{e + 1}"], "conditions": {"ready": True},
                              "nodeName": f"node-{node}", "zone": f"zone-{node % Z}"})
        yield {"apiVersion": "discovery.k8s.io/v1", "kind": "EndpointSlice",
               "metadata": {"name": f"svc-{i}-a", "namespace": ns, "labels": {"kubernetes.io/service-name": f"svc-{i}"}},
               "addressType": "IPv4", "ports": [{"name": "http", "port": 8080, "protocol": "TCP"}], "endpoints": endpoints}


def yaml_value(value, indent, out):
    pad = " " * indent
    if isinstance(value, dict):
        for key, item in value.items():
            if isinstance(item, dict) or (isinstance(item, list) and isinstance(item[0], dict)):
                out.append(f"{pad}{key}:\n")
                yaml_value(item, indent + (2 if isinstance(item, dict) else 0), out)
            else:
                out.append(f"{pad}{key}: {scalar(item)}\n")
    else:
        for item in value:
            lines = []
            yaml_value(item, indent + 2, lines)
            out.append(pad + "- " + lines[0][indent + 2:])
            out.extend(lines[1:])


def scalar(value):
    if value is True:
        return "true"
    if isinstance(value, list):
        return "[" + ", ".join(json.dumps(v) for v in value) + "]"
    return json.dumps(value) if isinstance(value, str) and value.isdigit() else str(value)


def main(directory):
    here = os.path.dirname(os.path.abspath(__file__))
    repo = os.path.normpath(os.path.join(here, "..", "..", ".."))
    shared = [os.path.join(repo, "..", "shared", "bench", "gen_cluster.py"), os.path.join(repo, "..", "..", "shared", "bench", "gen_cluster.py")]
    generator = next((path for path in shared if os.path.exists(path)), None)
    with open(os.path.join(directory, "state.yaml"), "w") as out:
        if generator:
            subprocess.run([sys.executable, generator, str(N), str(M), str(K), str(Z)], stdout=out, check=True)
        else:
            for item in objects():
                lines = ["---\n"]
                yaml_value(item, 0, lines)
                out.write("".join(lines))
    with open(os.path.join(directory, "state.json"), "w") as out:
        json.dump({"apiVersion": "v1", "kind": "List", "items": list(objects()), "metadata": {"resourceVersion": ""}}, out, indent=4)


if __name__ == "__main__":
    main(sys.argv[1])
