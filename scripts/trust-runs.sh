#!/usr/bin/env bash
# Flakiness, measured: runs each scenario's trust pair (the naive app fails its check, the
# reference solution passes) N times, each in a fresh test process (so each measures its own
# naive baseline), and prints pass counts with the spread of the figures the bounds judge.
# Usage: bash scripts/trust-runs.sh N [01 03 …]   (about 3–4 minutes per pair; nothing else should run)
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$root"
export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1 MSBUILDTERMINALLOGGER=off
runs="${1:?usage: trust-runs.sh N [scenario numbers…]}"
shift
numbers=("$@")
if [[ ${#numbers[@]} -eq 0 ]]; then
  for dir in scenarios/[0-9][0-9]-*/; do numbers+=("$(basename "$dir" | cut -c1-2)"); done
fi

echo "› Building (Release)…"
dotnet build SysDesignLab.slnx -c Release -nologo -v quiet
logs="$root/.sdlab/trust-runs"
results="$root/.sdlab/test-results"
mkdir -p "$logs"
# One figure from a check's JSON report, e.g. field load goodput.
figure() { grep -o "\"$2\": *[0-9.]*" "$1" | head -1 | sed 's/.*: *//'; }

rows=()
for number in "${numbers[@]}"; do
  id=$(basename "$(ls -d scenarios/"$number"-*/ | head -1)")
  passes=0 naive_rps="" solution_rps="" solution_p95=""
  for ((i = 1; i <= runs; i++)); do
    started=$SECONDS
    set +e
    dotnet test tests/SysDesignLab.Cli.Tests -c Release --no-build -nologo \
      --filter "Kind=Trust&DisplayName~$id" --logger "console;verbosity=normal" >"$logs/$id-$i.log" 2>&1
    code=$?
    set -e
    verdict=failed
    if [[ $code -eq 0 ]] && grep -qE '^\s+Passed ' "$logs/$id-$i.log"; then verdict=passed; passes=$((passes + 1)); fi
    naive_rps+=" $(figure "$results/$id-naive.json" goodput)"
    solution_rps+=" $(figure "$results/$id-solution.json" goodput)"
    solution_p95+=" $(figure "$results/$id-solution.json" p95)"
    echo "  $id run $i/$runs: $verdict in $((SECONDS - started)) s"
  done
  rows+=("$(printf '%-22s %3s/%-3s  naive goodput:%s | solution goodput:%s | solution p95 ms:%s' "$id" "$passes" "$runs" "$naive_rps" "$solution_rps" "$solution_p95")")
done
echo
printf '%s\n' "${rows[@]}"
