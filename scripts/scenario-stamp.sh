#!/usr/bin/env bash
# Prints the audit stamp of one scenario: a hash of the committed files its checks depend on (the
# scenario's folder, the check engine and the scenario tests). Equal stamps mean the fix tests
# would judge exactly what the last audit judged. Usage: scripts/scenario-stamp.sh 01-single-server
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
id="${1:?usage: scenario-stamp.sh <scenario-id>}"
cd "$root"
# Every project except the web lab's pages takes part in a check.
engine=$(git ls-files src | grep -v '^src/SysDesignLab.Web/' || true)
{ git ls-files -s -- "scenarios/$id" tests/Shared tests/SysDesignLab.Cli.Tests/Scenarios tests/SysDesignLab.Cli.Tests/RepositoryCopy.cs \
    Directory.Build.props Directory.Packages.props global.json
  # shellcheck disable=SC2086
  git ls-files -s -- $engine
} | sha256sum | cut -c1-16
