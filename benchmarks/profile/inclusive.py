#!/usr/bin/env python3
"""Inclusive wall time (ms) per method from a dotnet-trace Speedscope export, per thread.

  dotnet-trace collect -o run.nettrace -- dotnet paperlsp.dll search ...
  dotnet-trace convert --format Speedscope run.nettrace -o run
  benchmarks/profile/inclusive.py run.speedscope.json [PATTERN ...]

Prints, for every thread, the methods matching any PATTERN (substring; all when none) with the wall time they were on
the stack. dotnet-trace samples thread time, so waiting shows as time in wait frames (Monitor.Wait, WaitOne, ...).
"""
import json
import sys
from collections import defaultdict

data = json.load(open(sys.argv[1]))
patterns = sys.argv[2:]
frames = [f["name"] for f in data["shared"]["frames"]]
for profile in data["profiles"]:
    total = defaultdict(float)
    opened = {}
    depth = defaultdict(int)
    for event in profile["events"]:
        frame, at = event["frame"], event["at"]
        if event["type"] == "O":
            depth[frame] += 1
            if depth[frame] == 1:
                opened[frame] = at
        else:
            depth[frame] -= 1
            if depth[frame] == 0 and frame in opened:
                total[frame] += at - opened.pop(frame)
    rows = [(t, frames[f]) for f, t in total.items() if not patterns or any(p in frames[f] for p in patterns)]
    if not rows:
        continue
    print(f"== {profile['name']}: {profile['endValue'] - profile['startValue']:.0f} ms")
    for t, name in sorted(rows, reverse=True)[:40]:
        print(f"{t:9.1f} ms  {name[:150]}")
