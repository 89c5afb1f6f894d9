"""Medians and ratios of bench/run.sh's results.tsv, as Markdown (or --capacity: our median A req/s)."""
import csv
import re
import statistics
import sys
from collections import defaultdict

rows = list(csv.DictReader(open(sys.argv[1], encoding="utf-8"), delimiter="\t"))
by = defaultdict(list)
for row in rows:
    by[(row["case"], row["tool"])].append(row)


def med(case, tool, field):
    values = [float(r[field]) for r in by[(case, tool)] if r[field] != "nan"]
    return statistics.median(values) if values else float("nan")


def extra(case, tool, key):
    values = []
    for r in by[(case, tool)]:
        m = re.search(rf"\b{key}=([\d.]+)", r["extra"])
        if m:
            values.append(float(m.group(1)))
    return statistics.median(values) if values else float("nan")


if "--capacity" in sys.argv:
    print(round(med("A", "sdlab", "rps")))
    sys.exit()

n = len(by[("A", "sdlab")])
print(f"Medians of {n} runs each.\n")
print("A: trivial endpoint, 100 connections\n")
print("| tool | req/s | p50 ms | p99 ms | our generator's CPU |")
print("|---|---:|---:|---:|---:|")
for tool in ["sdlab", "sdlab-no-inline", "wrk-t1", "wrk-t2", "autocannon"]:
    cpu = extra("A", tool, "cpu") if tool.startswith("sdlab") else float("nan")
    print(f"| {tool} | {med('A', tool, 'rps'):.0f} | {med('A', tool, 'p50'):.2f} | {med('A', tool, 'p99'):.2f} | "
          + (f"{cpu:.0f}%" if cpu == cpu else "") + " |")
ours = med("A", "sdlab", "rps")
print(f"\nours / wrk -t1 = {ours / med('A', 'wrk-t1', 'rps'):.2f}× (target ≥ 0.85×); "
      f"ours / wrk -t2 = {ours / med('A', 'wrk-t2', 'rps'):.2f}×; "
      f"ours / autocannon = {ours / med('A', 'autocannon', 'rps'):.2f}× (target ≥ 1.3×); "
      f"as shipped (own process, inline completions) / without inline completions = {ours / med('A', 'sdlab-no-inline', 'rps'):.2f}×\n")

print("B: /slow (20 ms server delay), 100 connections\n")
print("| tool | req/s | p50 ms | p99 ms |")
print("|---|---:|---:|---:|")
for tool in ["sdlab", "wrk-t2", "autocannon"]:
    print(f"| {tool} | {med('B', tool, 'rps'):.0f} | {med('B', tool, 'p50'):.2f} | {med('B', tool, 'p99'):.2f} |")
w = "wrk-t2"
print(f"\nours − wrk: p50 {med('B', 'sdlab', 'p50') - med('B', w, 'p50'):+.2f} ms (target ±1), "
      f"p99 {med('B', 'sdlab', 'p99') - med('B', w, 'p99'):+.2f} ms (target ±2), "
      f"req/s {100 * (med('B', 'sdlab', 'rps') / med('B', w, 'rps') - 1):+.1f}% (target ±2%)\n")

target = extra("C", "sdlab-open", "target")
print(f"C: open model at {target:.0f} req/s (50% of capacity), server stopped (SIGSTOP) for 1 s mid-run\n")
print("| repeat | corrected p99 ms | corrected p99.9 ms | corrected max ms | uncorrected p99 ms | uncorrected max ms | late starts |")
print("|---|---:|---:|---:|---:|---:|---:|")
for r in by[("C", "sdlab-open")]:
    get = lambda k: re.search(rf"\b{k}=([\d.]+)", r["extra"]).group(1) if re.search(rf"\b{k}=", r["extra"]) else "nan"
    print(f"| {r['repeat']} | {float(r['p99']):.0f} | {float(get('p999')):.0f} | {float(r['max']):.0f} | {float(get('up99')):.1f} | "
          f"{float(get('umax')):.0f} | {get('late')} |")
# What a correct tool must report (docs/benchmarks.md): a request due t seconds into a pause of P waits P - t, and
# after the resume the backlog drains at capacity C while requests keep arriving at R = u*C, so latencies fall
# evenly from P to 0 over P/(1-u) seconds of requests. The share of a window W above x is (P - x) / ((1 - u) W),
# hence the q-quantile is P - (1 - q)(1 - u) W. Here u = 0.5 (the rate is half our measured capacity).
pause, u = 1000.0, 0.5
window = extra("C", "sdlab-open", "window") * 1000
expect = lambda q: pause - (1 - q) * (1 - u) * window
print(f"\nmedians: corrected p99 {med('C', 'sdlab-open', 'p99'):.0f} ms, p99.9 {extra('C', 'sdlab-open', 'p999'):.0f} ms, "
      f"max {med('C', 'sdlab-open', 'max'):.0f} ms; uncorrected p99 {extra('C', 'sdlab-open', 'up99'):.1f} ms (target: well below)")
print(f"a correct tool reports for a {pause / 1000:.0f} s pause in a {window / 1000:.1f} s window: p99 ≈ {expect(0.99):.0f} ms, "
      f"p99.9 ≈ {expect(0.999):.0f} ms, max ≈ {pause:.0f} ms, each plus the normal response time of a few ms "
      f"(issue target: corrected p99 ≥ 1000 ms, which a 1 s pause in a {window / 1000:.0f} s window cannot give without overstating)\n")

achieved = extra("D", "sdlab-open", "achieved")
print("D: open model without a pause, same rate\n")
print(f"target {target:.0f} req/s, median achieved {achieved:.1f} req/s = {100 * (achieved / target - 1):+.2f}% (target ±1%); "
      f"median late starts {extra('D', 'sdlab-open', 'late'):.0f}; median left unsent by the warm-up and skipped "
      f"{extra('D', 'sdlab-open', 'skipped'):.0f}; corrected p50/p99 "
      f"{med('D', 'sdlab-open', 'p50'):.2f}/{med('D', 'sdlab-open', 'p99'):.2f} ms, uncorrected p50/p99 "
      f"{extra('D', 'sdlab-open', 'up50'):.2f}/{extra('D', 'sdlab-open', 'up99'):.2f} ms")
