"""Turns one tool's output into 'rps<TAB>p50_ms<TAB>p99_ms<TAB>max_ms<TAB>extra' for bench/run.sh."""
import json
import os
import re
import sys

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import hdr  # noqa: E402

UNITS = {"us": 0.001, "ms": 1.0, "s": 1000.0, "m": 60000.0}


def wrk(text):
    def ms(value):
        number, unit = re.fullmatch(r"([\d.]+)(us|ms|s|m)", value).groups()
        return float(number) * UNITS[unit]

    rps = float(re.search(r"Requests/sec:\s+([\d.]+)", text).group(1))
    p50 = ms(re.search(r"^\s+50%\s+(\S+)", text, re.M).group(1))
    p99 = ms(re.search(r"^\s+99%\s+(\S+)", text, re.M).group(1))
    mx = ms(re.search(r"^\s+Latency\s+\S+\s+\S+\s+(\S+)", text, re.M).group(1))
    errors = re.search(r"Non-2xx or 3xx responses: (\d+)|Socket errors: (.*)", text)
    return rps, p50, p99, mx, (errors.group(0) if errors else "")


def autocannon(text):
    data = json.loads(text)
    rps = data["requests"]["total"] / data["duration"]
    lat = data["latency"]
    return rps, lat["p50"], lat["p99"], lat["max"], f"errors={data['errors']} non2xx={data['non2xx']}"


def sdlab(text):
    data = json.loads(text)
    lat = data["latencyMs"]
    extra = f"cpu={data['cpuPercent']}"
    if data.get("model") == "open":
        u = data["uncorrectedLatencyMs"]
        extra += (f" target={data['targetRate']} achieved={data['achievedRate']} late={data['lateStarts']}"
                  f" dropped={data['dropped']} skipped={data.get('warmUpSkipped', 0)} up50={u['p50']} up99={u['p99']} umax={u['max']}"
                  f" p999={hdr.percentile(data['latencyHistogram'], 99.9) / 1000:.3f} window={data['measuredSeconds']}")
    return data["rps"], lat["p50"], lat["p99"], lat["max"], extra


kind, path = sys.argv[1], sys.argv[2]
try:
    with open(path, encoding="utf-8") as f:
        row = {"wrk": wrk, "autocannon": autocannon, "sdlab": sdlab}[kind](f.read())
    print("\t".join(f"{v:.3f}" if isinstance(v, float) else str(v) for v in row))
except Exception as e:  # a failed run is a row of NaNs, not a dead benchmark
    print(f"nan\tnan\tnan\tnan\tfailed: {e}")
