#!/usr/bin/env bash
# Compiles and lints the Bicep in infra/ with the bicep binary from NuGet (restored once into the
# package cache by infra/tools/BicepCli.csproj, so later runs need no network). The linter's rules
# are set in infra/bicepconfig.json; any error or warning fails the run.
set -euo pipefail
cd "$(dirname "$0")/.."

tools=infra/tools/BicepCli.csproj
dotnet restore "$tools" --verbosity quiet
bicep="$(dotnet msbuild "$tools" -getProperty:PkgAzure_Bicep_CommandLine_linux-x64)/tools/bicep"
chmod +x "$bicep" 2>/dev/null || true
"$bicep" --version

out="$(mktemp -d)"
trap 'rm -rf "$out"' EXIT
diagnostics="$out/diagnostics.txt"

# main.bicep deploys everything else; inbox-subscription.bicep is deployed on its own by the postdeploy hook.
for file in infra/main.bicep infra/app/inbox-subscription.bicep; do
  "$bicep" build "$file" --outdir "$out" --no-restore 2>>"$diagnostics" || true
done
"$bicep" lint --pattern 'infra/**/*.bicep' --no-restore >>"$diagnostics" 2>&1 || true

if grep -E ' : (Error|Warning) ' "$diagnostics" | sort -u; then
  echo "Bicep: the errors and warnings above must be fixed." >&2
  exit 1
fi

for file in main inbox-subscription; do
  [ -s "$out/$file.json" ] || { echo "Bicep: $file.bicep did not compile." >&2; cat "$diagnostics" >&2; exit 1; }
done
echo "Bicep: infra/ compiles and lints clean."
