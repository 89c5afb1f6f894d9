#!/usr/bin/env bash
# Flakiness, measured: runs each scenario's trust pair (the naive app fails its check, the
# reference solution passes) N times, each in a fresh test process (so each measures its own
# naive baseline), round by round over the scenarios, and prints pass counts with the spread of
# the figures the bounds judge. The table so far is rewritten after every round
# (.sdlab/trust-runs/table.txt), so an interrupted run still tells what it measured.
# Usage: bash scripts/trust-runs.sh N [01 03 …]   (about 2 minutes per pair; nothing else should run)
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$root"
export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1 MSBUILDTERMINALLOGGER=off
runs="${1:?usage: trust-runs.sh N [scenario numbers…]}"
shift
ids=()
if [[ $# -eq 0 ]]; then
  for dir in scenarios/[0-9][0-9]-*/; do ids+=("$(basename "$dir")"); done
else
  for number in "$@"; do ids+=("$(basename "$(ls -d scenarios/"$number"-*/ | head -1)")"); done
fi

echo "› Building (Release)…"
dotnet build SysDesignLab.slnx -c Release -nologo -v quiet
logs="$root/.sdlab/trust-runs"
results="$root/.sdlab/test-results"
mkdir -p "$logs"
# One figure from a check's JSON report (the first occurrence is the load's own), e.g. goodput.
figure() { grep -o "\"$2\": *[0-9.]*" "$1" 2>/dev/null | head -1 | sed 's/.*: *//'; }

declare -A passes total naive_rps solution_rps solution_p95
write_table() {
  {
    printf '%-22s %-9s %s\n' scenario passed "naive goodput (req/s) | solution goodput (req/s) | solution p95 (ms), per run"
    for id in "${ids[@]}"; do
      printf '%-22s %-9s%s |%s |%s\n' "$id" "${passes[$id]:-0}/${total[$id]:-0}" "${naive_rps[$id]:-}" "${solution_rps[$id]:-}" "${solution_p95[$id]:-}"
    done
  } >"$logs/table.txt"
}
for ((i = 1; i <= runs; i++)); do
  for id in "${ids[@]}"; do
    started=$SECONDS
    rm -f "$results/$id-naive.json" "$results/$id-solution.json"
    set +e
    dotnet test tests/SysDesignLab.Cli.Tests -c Release --no-build -nologo \
      --filter "Kind=Trust&DisplayName~$id" --logger "console;verbosity=normal" >"$logs/$id-$i.log" 2>&1
    code=$?
    set -e
    verdict=FAILED
    if [[ $code -eq 0 ]] && grep -qE '^\s+Passed ' "$logs/$id-$i.log"; then
      verdict=passed
      passes[$id]=$(( ${passes[$id]:-0} + 1 ))
    fi
    total[$id]=$(( ${total[$id]:-0} + 1 ))
    naive_rps[$id]+=" $(figure "$results/$id-naive.json" goodput)"
    solution_rps[$id]+=" $(figure "$results/$id-solution.json" goodput)"
    solution_p95[$id]+=" $(figure "$results/$id-solution.json" p95)"
    echo "  round $i/$runs, $id: $verdict in $((SECONDS - started)) s (log: $logs/$id-$i.log)"
  done
  write_table
done
echo
cat "$logs/table.txt"
