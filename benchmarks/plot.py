#!/usr/bin/env python3
"""Draws latency, readiness and memory against collection size from the TSV that `PaperLsp.Benchmarks measure` writes
(label, figure, value, unit per line; '#' lines are notes). Writes hand-made SVG (no plotting library needed):
  python3 benchmarks/plot.py benchmarks/results/measure.tsv docs/images
Only labels starting with the given prefix (default 'bib-') are drawn; the last run of a label wins."""
import math
import sys
from pathlib import Path

COLORS = ["#1f77b4", "#d62728", "#2ca02c", "#9467bd", "#ff7f0e", "#8c564b", "#17becf", "#7f7f7f"]


def read(path, prefix):
    runs = {}
    for line in Path(path).read_text().splitlines():
        if not line.strip() or line.startswith("#"):
            continue
        label, name, value, _unit = line.split("\t")
        if label.startswith(prefix):
            runs.setdefault(label, {})[name] = float(value)
    return {int(f["papers"]): f for f in runs.values() if "papers" in f}


def svg_chart(title, unit, series, out, targets=()):
    """series: {name: [(papers, value)]}, drawn on log-log axes; targets: [(name, [(papers, value)])] dashed."""
    width, height, left, right, top, bottom = 720, 420, 70, 200, 40, 50
    points = [p for s in list(series.values()) + [t for _, t in targets] for p in s if p[1] > 0]
    if not points:
        return
    xs = [p[0] for p in points]
    ys = [p[1] for p in points]
    x0, x1 = math.floor(math.log10(min(xs))), math.ceil(math.log10(max(xs)) + 1e-9)
    y0, y1 = math.floor(math.log10(min(ys))), math.ceil(math.log10(max(ys)) + 1e-9)
    x1 = max(x1, x0 + 1)
    y1 = max(y1, y0 + 1)

    def px(x):
        return left + (math.log10(x) - x0) / (x1 - x0) * (width - left - right)

    def py(y):
        return height - bottom - (math.log10(y) - y0) / (y1 - y0) * (height - top - bottom)

    parts = [f'<svg xmlns="http://www.w3.org/2000/svg" width="{width}" height="{height}" font-family="sans-serif" font-size="12">',
             f'<rect width="{width}" height="{height}" fill="white"/>',
             f'<text x="{width / 2}" y="22" text-anchor="middle" font-size="15">{title}</text>']
    for e in range(x0, x1 + 1):
        x = px(10 ** e)
        parts.append(f'<line x1="{x:.1f}" y1="{top}" x2="{x:.1f}" y2="{height - bottom}" stroke="#ddd"/>')
        parts.append(f'<text x="{x:.1f}" y="{height - bottom + 18}" text-anchor="middle">{10 ** e:,}</text>')
    for e in range(y0, y1 + 1):
        y = py(10 ** e)
        parts.append(f'<line x1="{left}" y1="{y:.1f}" x2="{width - right}" y2="{y:.1f}" stroke="#ddd"/>')
        parts.append(f'<text x="{left - 6}" y="{y + 4:.1f}" text-anchor="end">{10 ** e:g}</text>')
    parts.append(f'<text x="{(left + width - right) / 2}" y="{height - 12}" text-anchor="middle">papers</text>')
    parts.append(f'<text x="16" y="{(top + height - bottom) / 2}" text-anchor="middle" transform="rotate(-90 16 {(top + height - bottom) / 2})">{unit}</text>')
    entries = [(n, s, False) for n, s in series.items()] + [(n, s, True) for n, s in targets]
    for i, (name, data, dashed) in enumerate(entries):
        color = COLORS[i % len(COLORS)] if not dashed else "#555"
        data = sorted(p for p in data if p[1] > 0)
        if not data:
            continue
        path = " ".join(f"{'M' if j == 0 else 'L'}{px(x):.1f},{py(y):.1f}" for j, (x, y) in enumerate(data))
        dash = ' stroke-dasharray="6,4"' if dashed else ""
        parts.append(f'<path d="{path}" fill="none" stroke="{color}" stroke-width="2"{dash}/>')
        for x, y in data:
            parts.append(f'<circle cx="{px(x):.1f}" cy="{py(y):.1f}" r="3" fill="{color}"><title>{name}: {y:g} {unit} at {x:,}</title></circle>')
        ly = top + 10 + i * 18
        parts.append(f'<line x1="{width - right + 10}" y1="{ly}" x2="{width - right + 34}" y2="{ly}" stroke="{color}" stroke-width="2"{dash}/>')
        parts.append(f'<text x="{width - right + 40}" y="{ly + 4}">{name}</text>')
    parts.append("</svg>")
    Path(out).write_text("\n".join(parts) + "\n")
    print(out)


def main():
    results = sys.argv[1] if len(sys.argv) > 1 else "benchmarks/results/measure.tsv"
    out = Path(sys.argv[2] if len(sys.argv) > 2 else "docs/images")
    prefix = sys.argv[3] if len(sys.argv) > 3 else "bib-"
    out.mkdir(parents=True, exist_ok=True)
    runs = read(results, prefix)
    sizes = sorted(runs)

    def series(name):
        return [(n, runs[n][name]) for n in sizes if name in runs[n]]

    queries = sorted({k for f in runs.values() for k in f if k.startswith("search[") and k.endswith("_p95")})
    latency = {q[len("search["):-len("]_p95")].replace("_", " ") + " p95": series(q) for q in queries}
    latency["hover p50"] = series("hover_p50")
    svg_chart("Search (top 100) and hover latency, in process", "ms", latency, out / "latency.svg",
              targets=[("target completion", [(100_000, 10), (1_000_000, 25)])])
    svg_chart("Ready after a cold start (load + index + first search)", "ms",
              {"ready": series("ready_total"), "load": series("load"), "index build": series("build")}, out / "ready.svg",
              targets=[("target", [(100_000, 3000), (1_000_000, 20000)])])
    svg_chart("Memory", "MB", {"peak RSS": series("peak_rss"), "managed heap after": series("managed_heap")}, out / "memory.svg",
              targets=[("target peak RSS", [(100_000, 300), (1_000_000, 1200)])])


if __name__ == "__main__":
    main()
