#!/usr/bin/env bash
# Runs every test on a fresh machine with the .NET SDK, Node.js and Debian's apt:
# installs the real services the integration tests start (Azurite from npm, an SMTP server
# from python3-aiosmtpd, a headless browser from chromium with axe-core and playwright-core from
# npm to check pages' accessibility in it, MariaDB from mariadb-server for the
# Azurite that survives being killed; each test starts its own server), then runs the unit and
# integration test projects and the benchmarks' smoke test.
# The Functions adapter (src/Briefings.Functions) is not built here: its worker packages are
# not served by this machine's package feed (see README, "Honest limits").
set -euo pipefail
cd "$(dirname "$0")/.."

if [ ! -f node_modules/azurite/dist/src/blob/main.js ] || [ ! -f node_modules/axe-core/axe.min.js ] \
  || [ ! -f node_modules/playwright-core/package.json ]; then
  npm ci --no-audit --no-fund
fi

missing=()
if ! /usr/bin/python3 -c "import aiosmtpd" 2>/dev/null; then missing+=(python3-aiosmtpd); fi
if [ ! -x /usr/bin/chromium ]; then missing+=(chromium); fi
if [ ! -x /usr/sbin/mariadbd ]; then missing+=(mariadb-server); fi
if [ ${#missing[@]} -gt 0 ]; then
  sudo_cmd=""
  if [ "$(id -u)" != 0 ]; then sudo_cmd="sudo"; fi
  $sudo_cmd apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $sudo_cmd apt-get install -y -qq "${missing[@]}" >/dev/null
fi

# The Bicep in infra/ compiles and lints with no error or warning.
bash tests/bicep.sh

dotnet test tests/Briefings.Core.Tests "$@"
dotnet test tests/Briefings.Integration.Tests "$@"

# Every benchmark once at a small size, as a smoke test: no timing is judged here
# (docs/performance.md has the figures and the command that measures them).
dotnet run -c Release --project src/Briefings.Local -- bench smoke
