#!/usr/bin/env bash
# The lab's whole test suite: installs what it needs (PostgreSQL, Redis, RabbitMQ, Chromium from apt), builds, runs unit and
# integration tests (real PostgreSQL started by the lab's orchestrator), then the scenario checks on
# their own so nothing else competes for the CPU while they measure: every trust pair (naive app
# fails its check, reference solution passes) and the fix tests (valid fixes pass, tempting wrong
# ones fail) of each scenario changed since its last audit (scripts/audit.sh; SDLAB_ALL_FIX_TESTS=1
# runs them all).
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$root"
export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1 DOTNET_SKIP_FIRST_TIME_EXPERIENCE=1 MSBUILDTERMINALLOGGER=off

have_postgres() {
  ls /usr/lib/postgresql/*/bin/initdb >/dev/null 2>&1 || command -v initdb >/dev/null 2>&1
}
# The web lab's browser tests drive Debian's Chromium through Playwright (no browser download).
# Redis and RabbitMQ: the engine's integration tests start real ones through the orchestrator.
if ! have_postgres || ! command -v git >/dev/null 2>&1 || [[ ! -x /usr/bin/chromium ]] \
  || ! command -v redis-server >/dev/null 2>&1 || [[ ! -x /usr/lib/rabbitmq/bin/rabbitmq-server ]]; then
  echo "› Installing PostgreSQL, Redis, RabbitMQ, git and Chromium from apt…"
  sudo_cmd=""
  if [[ $(id -u) -ne 0 ]]; then sudo_cmd="sudo -n"; fi
  $sudo_cmd apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $sudo_cmd apt-get install -y -qq --no-install-recommends postgresql redis-server rabbitmq-server git chromium >/dev/null
fi

results="$root/.sdlab/test-results"
rm -rf "$results"
mkdir -p "$results"

echo "› Building (Release)…"
dotnet build SysDesignLab.slnx -c Release -nologo -v quiet

run_tests() {
  local name="$1" filter="$2"
  echo "› Tests: $name"
  set +e
  dotnet test SysDesignLab.slnx -c Release --no-build -nologo --filter "$filter" \
    --logger "console;verbosity=normal" --results-directory "$results" 2>&1 | tee "$results/$name.log"
  local code=${PIPESTATUS[0]}
  set -e
  return "$code"
}

status=0
run_tests unit-and-integration "Category!=Scenario" || status=1
# A scenario's fix tests are skipped while its stamp equals the one its last audit recorded.
scenario_filter="Kind!=Fix"
for dir in scenarios/[0-9][0-9]-*/; do
  id=$(basename "$dir")
  recorded=$(sed -n 's/^stamp: //p' "$dir/audit.txt" 2>/dev/null || true)
  current=$(bash scripts/scenario-stamp.sh "$id" 2>/dev/null || echo unknown)
  if [[ "${SDLAB_ALL_FIX_TESTS:-}" == 1 || -z "$recorded" || "$recorded" != "$current" ]]; then
    scenario_filter+="|Scenario=${id:0:2}"
  else
    echo "› $id: unchanged since its audit ($(sed -n 's/^audited: //p' "$dir/audit.txt")), its fix tests are skipped"
  fi
done
run_tests scenario-checks "Category=Scenario&($scenario_filter)" || status=1

# One closing line for the whole run, summed over every test assembly's "Passed: N" etc.
count() {
  awk -v key="$1:" '$1 == key && NF == 2 && $2 ~ /^[0-9]+$/ { s += $2 } END { print s + 0 }' "$results"/*.log
}
passed=$(count Passed)
failed=$(count Failed)
skipped=$(count Skipped)
echo "tests: $passed passed, $failed failed, $skipped skipped"
if [[ $passed -eq 0 ]]; then
  echo "✗ No test ran." >&2
  exit 1
fi
exit $status
