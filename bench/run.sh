#!/usr/bin/env bash
# Load-generator benchmark: sdlab load vs wrk vs autocannon against a minimal Kestrel server (Release),
# loopback only, 100 connections, runs alternated so machine noise hits every tool alike.
#   bash bench/run.sh                 # 5 s per run, 5 repeats (about 8 minutes)
#   BENCH_SECONDS=3 BENCH_REPEATS=3 bash bench/run.sh
# Results: bench/.results/<time>/ (raw outputs, results.tsv, summary.md).
set -euo pipefail
cd "$(dirname "$0")/.."

SECONDS_PER_RUN=${BENCH_SECONDS:-5}
REPEATS=${BENCH_REPEATS:-5}
CONNECTIONS=100
OUT="bench/.results/$(date -u +%Y%m%dT%H%M%SZ)"
mkdir -p "$OUT"
TSV="$OUT/results.tsv"
printf 'case\ttool\trepeat\trps\tp50\tp99\tmax\textra\n' > "$TSV"

say() { printf '\n== %s\n' "$*" >&2; }

# --- tools -------------------------------------------------------------------------------------------
if ! command -v wrk >/dev/null; then
  say "installing wrk (apt)"
  apt-get update -qq && apt-get install -y -qq wrk >/dev/null
fi
AUTOCANNON=bench/node_modules/.bin/autocannon
if [ ! -x "$AUTOCANNON" ]; then
  say "installing autocannon (npm, under bench/node_modules)"
  npm install --prefix bench --no-save --no-audit --no-fund --loglevel=error autocannon@8 >/dev/null
fi

say "building the server and sdlab (Release)"
# A separate artifacts folder: never collides with the repository's own Debug/Release builds.
dotnet publish bench/server -c Release --artifacts-path bench/.artifacts -v q -nologo >/dev/null
dotnet publish src/SysDesignLab.Cli -c Release --artifacts-path bench/.artifacts -v q -nologo >/dev/null
SERVER=bench/.artifacts/publish/BenchServer/release/BenchServer
SDLAB=bench/.artifacts/publish/SysDesignLab.Cli/release/sdlab

PORT=$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1])')
BASE="http://127.0.0.1:$PORT"
"$SERVER" --urls "$BASE" > "$OUT/server.log" 2>&1 &
SERVER_PID=$!
cleanup() { kill -CONT "$SERVER_PID" 2>/dev/null || true; kill "$SERVER_PID" 2>/dev/null || true; wait "$SERVER_PID" 2>/dev/null || true; }
trap cleanup EXIT
for _ in $(seq 50); do curl -fs "$BASE/" >/dev/null 2>&1 && break; sleep 0.2; done
curl -fs "$BASE/slow" >/dev/null

say "warming the server up (not measured)"
wrk -t2 -c$CONNECTIONS -d3s "$BASE/" >/dev/null
wrk -t2 -c$CONNECTIONS -d2s "$BASE/slow" >/dev/null

record() { # case tool repeat file kind
  python3 bench/parse.py "$5" "$4" | { read -r line; printf '%s\t%s\t%s\t%s\n' "$1" "$2" "$3" "$line" >> "$TSV"; }
}

ours() { # case tool repeat url [extra args...]
  local c=$1 t=$2 r=$3 url=$4; shift 4
  # --warmup 1s keeps our JIT out of the figures; wrk (C) and autocannon (warm V8 after the first run) need none.
  "$SDLAB" load --url "$url" -c $CONNECTIONS -d "${SECONDS_PER_RUN}s" --warmup 1s --json "$OUT/$c-$t-$r.json" "$@" > "$OUT/$c-$t-$r.log" 2>&1 || true
  record "$c" "$t" "$r" "$OUT/$c-$t-$r.json" sdlab
}
wrk_run() { # case tool repeat url threads
  wrk -t"$5" -c$CONNECTIONS -d"${SECONDS_PER_RUN}s" --latency "$4" > "$OUT/$1-$2-$3.txt" 2>&1
  record "$1" "$2" "$3" "$OUT/$1-$2-$3.txt" wrk
}
autocannon_run() { # case tool repeat url
  "$AUTOCANNON" -c $CONNECTIONS -d "$SECONDS_PER_RUN" -j "$4" > "$OUT/$1-$2-$3.json" 2>/dev/null
  record "$1" "$2" "$3" "$OUT/$1-$2-$3.json" autocannon
}

for r in $(seq "$REPEATS"); do
  say "A (trivial endpoint) and B (/slow, 20 ms), repeat $r/$REPEATS"
  ours A sdlab "$r" "$BASE/"
  # The same generator without inline socket completions (sdlab load relaunches itself with them unless
  # the variable is set): the measurement behind that choice.
  DOTNET_SYSTEM_NET_SOCKETS_INLINE_COMPLETIONS=0 ours A sdlab-no-inline "$r" "$BASE/"
  wrk_run A wrk-t1 "$r" "$BASE/" 1
  wrk_run A wrk-t2 "$r" "$BASE/" 2
  autocannon_run A autocannon "$r" "$BASE/"
  ours B sdlab "$r" "$BASE/slow"
  wrk_run B wrk-t2 "$r" "$BASE/slow" 2
  autocannon_run B autocannon "$r" "$BASE/slow"
done

CAPACITY=$(python3 bench/summarize.py "$TSV" --capacity)
RATE=$(python3 -c "print(round($CAPACITY * 0.5))")
say "C and D: open model at $RATE req/s (50% of the measured $CAPACITY req/s)"
for r in $(seq "$REPEATS"); do
  # C: freeze the server for 1 s in the middle of the measured part (1 s warm-up + ~0.5 s start-up).
  ( sleep $(python3 -c "print(1.5 + $SECONDS_PER_RUN / 2 - 0.5)"); kill -STOP "$SERVER_PID"; sleep 1; kill -CONT "$SERVER_PID" ) &
  PAUSER=$!
  ours C sdlab-open "$r" "$BASE/" --rate "$RATE"
  wait "$PAUSER"
  ours D sdlab-open "$r" "$BASE/" --rate "$RATE"
done

python3 bench/summarize.py "$TSV" | tee "$OUT/summary.md"
echo "raw results: $OUT" >&2
