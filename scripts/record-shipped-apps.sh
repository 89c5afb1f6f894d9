#!/usr/bin/env bash
# Records what each scenario's app/ is as shipped: scenarios/NN-id/shipped-app.txt lists the git
# blob id and path of every committed file of app/. The lab rebuilds the naive app (its baseline,
# and what `reset` puts back) from this record and git's object store, never from app/ as the
# learner left it. Run it after changing a scenario's app/ and commit the result with the change;
# a test fails while a record is out of date.
set -euo pipefail
cd "$(dirname "$0")/.."
for scenario in scenarios/*/; do
  scenario=${scenario%/}
  [[ -f "$scenario/scenario.json" && -d "$scenario/app" ]] || continue
  if [[ -n "$(git status --porcelain -- "$scenario/app")" ]]; then
    echo "✗ $scenario/app has uncommitted changes: commit them first (the record names committed files)." >&2
    exit 1
  fi
  {
    echo "# The app as shipped: git blob id and path of each file under app/."
    echo "# Written by scripts/record-shipped-apps.sh; do not edit by hand."
    git ls-files -s -- "$scenario/app" | awk -F'\t' -v prefix="$scenario/app/" '{ split($1, meta, " "); path = $2; sub("^" prefix, "", path); print meta[2] " " path }'
  } > "$scenario/shipped-app.txt"
  echo "› $scenario/shipped-app.txt"
done
