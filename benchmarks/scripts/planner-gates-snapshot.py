#!/usr/bin/env python3
"""Writes a generated cluster snapshot (JSON) for `coreos4j plan` with the gates of issue #19 switched on.

Usage: planner-gates-snapshot.py NODES KIND > snapshot.json
  KIND is one of:
    none     no gates: pools of 100 nodes, maxUnavailable 10%, 4 zones
    pdbs     one PDB per 10 nodes (app=app-K, maxUnavailable 1), each node runs 2 covered pods
    limits   cluster and zone limits of 1 (one node at a time: as many waves as nodes)
    windows  one maintenance window per 4 nodes governing every pool, all closed now except the last
    windows-limit  windows plus a cluster limit of 10% (a coupling gate: every simulated step reads the windows)
    locks    every worker pool in one of 10 FleetLock groups of 5 slots
    all      pdbs + windows + one FleetLock group of 5 slots per pool + cluster limit 10% and zone limit 5%
             (what PlannerGatesBenchmark plans)
"""
import json
import sys


def main():
    n = int(sys.argv[1])
    kind = sys.argv[2]
    pools_n = max(1, n // 100)
    now = "2026-03-02T10:00:00Z"  # a Monday
    pools = []
    for p in range(pools_n):
        pool = {"name": "pool-%04d" % p, "maxUnavailable": "10%",
                "target": {"config": "rendered-pool-%d-b" % p}}
        if kind == "locks":
            pool["lockGroup"] = "g%d" % (p % 10)
        elif kind == "all":
            pool["lockGroup"] = "lock-%04d" % p
        pools.append(pool)
    nodes = []
    for i in range(n):
        p = i % pools_n
        age = (i * 2654435761) % 100000
        node = {"name": "node-%06d" % i, "pool": "pool-%04d" % p, "zone": "zone-%d" % (i % 4),
                "created": "2026-%02d-%02dT%02d:%02d:00Z" % (1 + age % 2, 1 + age % 28, age % 24, age % 60),
                "currentConfig": "rendered-pool-%d-a" % p}
        if kind in ("pdbs", "all"):
            node["pods"] = [{"name": "pod-%d-%d" % (i, k), "labels": {"app": "app-%d" % ((i + k) // 10),
                                                                       "tier": "web"}} for k in range(2)]
        nodes.append(node)
    snap = {"now": now, "pools": pools, "nodes": nodes}
    if kind in ("pdbs", "all"):
        snap["pdbs"] = [{"name": "pdb-%d" % k, "selector": {"app": "app-%d" % k}, "maxUnavailable": 1}
                        for k in range(n // 10 + 1)]
    if kind in ("windows", "windows-limit"):
        windows = []
        for k in range(1, max(1, n // 4)):
            windows.append({"days": ["Sat", "Sun"], "start": "%02d:%02d" % (k % 24, k % 60), "lengthMinutes": 60,
                            "timeZone": "Europe/Berlin"})
        # the open one last: every closed one is read before it
        windows.append({"days": ["Mon"], "start": "09:00", "lengthMinutes": 600})
        snap["windows"] = windows
    if kind == "all":
        windows = []
        for k in range(max(1, n // 4)):
            p = k % pools_n
            if k < pools_n:
                windows.append({"days": ["Mon"], "start": "09:00", "lengthMinutes": 600,
                                "pools": ["pool-%04d" % p]})
            else:
                windows.append({"days": ["Sat", "Sun"], "start": "%02d:%02d" % (k % 24, k % 60),
                                "lengthMinutes": 60, "timeZone": "Europe/Berlin", "pools": ["pool-%04d" % p]})
        snap["windows"] = windows
    if kind == "locks":
        snap["locks"] = [{"group": "g%d" % g, "slots": 5, "holders": []} for g in range(10)]
    elif kind == "all":
        snap["locks"] = [{"group": "lock-%04d" % g, "slots": 5, "holders": []} for g in range(pools_n)]
    if kind == "windows-limit":
        snap["limits"] = {"maxUnavailable": "10%"}
    if kind == "limits":
        snap["limits"] = {"maxUnavailable": 1, "maxUnavailablePerZone": 1}
    elif kind == "all":
        snap["limits"] = {"maxUnavailable": "10%", "maxUnavailablePerZone": "5%"}
    json.dump(snap, sys.stdout)


if __name__ == "__main__":
    main()
