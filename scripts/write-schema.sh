#!/usr/bin/env bash
# Writes docs/scenario.schema.json, the JSON Schema editors use for scenario.json, from the manifest
# types (the hidden `sdlab schema`). Run it after changing a manifest type (src/SysDesignLab.Scenarios/
# Manifest, or the load generator's EndpointSpec, SessionSpec, ResponseExpectation) and commit the
# result with the change; ManifestSchemaTests fails while the file is out of date.
set -euo pipefail
cd "$(dirname "$0")/.."
tmp="$(mktemp docs/.scenario.schema.json.XXXXXX)"
trap 'rm -f "$tmp"' EXIT
./sdlab schema > "$tmp"
chmod 644 "$tmp"
mv "$tmp" docs/scenario.schema.json
echo "› docs/scenario.schema.json"
