#!/usr/bin/env bash
# Runs every fix test (valid fixes must pass, tempting wrong ones must fail for the right reason)
# of every scenario, or of the scenarios given, prints a table, and records in
# scenarios/<id>/audit.txt the stamp of each scenario whose fix tests all passed. CI then runs a
# scenario's fix tests only while its stamp differs from the recorded one (a change since the
# audit); run this before resolving any scenario issue and commit the audit files it writes.
# Usage: bash scripts/audit.sh [01 03 …]   (about 1–2 minutes per fix test; nothing else should run)
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$root"
export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1 MSBUILDTERMINALLOGGER=off

if [[ -n "$(git status --porcelain -- scenarios src tests)" ]]; then
  echo "✗ scenarios/, src/ or tests/ have uncommitted changes: commit first, so the recorded stamps describe what was audited." >&2
  exit 1
fi
numbers=("$@")
if [[ ${#numbers[@]} -eq 0 ]]; then
  for dir in scenarios/[0-9][0-9]-*/; do numbers+=("$(basename "$dir" | cut -c1-2)"); done
fi

echo "› Building (Release)…"
dotnet build SysDesignLab.slnx -c Release -nologo -v quiet
logs="$root/.sdlab/audit"
mkdir -p "$logs"
table=()
status=0
for number in "${numbers[@]}"; do
  dir=$(ls -d scenarios/"$number"-*/ 2>/dev/null | head -1)
  if [[ -z "$dir" ]]; then echo "✗ no scenario $number" >&2; exit 2; fi
  id=$(basename "$dir")
  echo "› Fix tests of $id…"
  set +e
  dotnet test tests/SysDesignLab.Cli.Tests -c Release --no-build -nologo --filter "Kind=Fix&Scenario=$number" \
    --logger "console;verbosity=normal" >"$logs/$id.log" 2>&1
  set -e
  passed=$(grep -cE '^\s+Passed ' "$logs/$id.log" || true)
  failed=$(grep -cE '^\s+Failed ' "$logs/$id.log" || true)
  while read -r verdict name time; do
    table+=("$(printf '%-22s %-7s %-95s %s' "$id" "$verdict" "${name##*.}" "$time")")
  done < <(grep -E '^\s+(Passed|Failed) SysDesignLab' "$logs/$id.log" | sed -E 's/^\s+(Passed|Failed) ([^ ]+) \[(.*)\]$/\1 \2 \3/')
  if [[ $passed -gt 0 && $failed -eq 0 ]]; then
    { echo "stamp: $(bash scripts/scenario-stamp.sh "$id")"
      echo "audited: $(date -u '+%Y-%m-%d %H:%M UTC') on $(nproc) cores, commit $(git rev-parse --short HEAD)"
      grep -E '^\s+Passed SysDesignLab' "$logs/$id.log" | sed -E 's/^\s+Passed [^ ]+\.([^ .]+) \[(.*)\]$/passed  \1  (\2)/'
    } >"$dir/audit.txt"
  else
    echo "✗ $id: $passed passed, $failed failed (log: $logs/$id.log); its audit record is left as it was." >&2
    status=1
  fi
done
echo
printf '%-22s %-7s %-95s %s\n' scenario result test time
printf '%s\n' "${table[@]}"
exit $status
