#!/usr/bin/env bash
# Packs the npm packages as they would be published: the platform package (the addon built by
# `npm run build`, under npm/linux-x64-gnu) and the main package (JavaScript, types and the
# loader, which finds the addon in the platform package, its optional dependency). The main
# package is staged with that dependency added, as a publish step adds it: the repository's
# package.json leaves it out so that `npm ci` here never looks for an unpublished package.
# Prints the two tarballs' paths. Usage: scripts/pack.sh <destination directory>
set -euo pipefail
cd "$(dirname "$0")/.."
dest="$(mkdir -p "$1" && cd "$1" && pwd)"
addon=imburse.linux-x64-gnu.node
[ -f "$addon" ] || { echo "error: $addon is not built (npm run build)" >&2; exit 1; }
stage="$(mktemp -d)"
trap 'rm -rf "$stage" "npm/linux-x64-gnu/$addon" npm/linux-x64-gnu/LICENSE' EXIT

cp "$addon" ../LICENSE npm/linux-x64-gnu/
(cd npm/linux-x64-gnu && npm pack --silent --pack-destination "$dest") | sed "s|^|$dest/|"

# The main package's own files (its `files` list, as npm reads it), then the dependency.
node -e '
  const [packed] = JSON.parse(process.argv[1])
  for (const f of packed.files) console.log(f.path)' "$(npm pack --dry-run --json 2>/dev/null)" |
  while read -r file; do mkdir -p "$stage/$(dirname "$file")" && cp "$file" "$stage/$file"; done
cp ../LICENSE "$stage/"
version="$(node -p 'require("./package.json").version')"
(cd "$stage" && npm pkg set "optionalDependencies.imburse-linux-x64-gnu=$version" &&
  npm pack --silent --pack-destination "$dest") | sed "s|^|$dest/|"
