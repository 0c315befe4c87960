#!/usr/bin/env bash
# Rebuilds one eval case from two published npm releases.
#
#   eval/build-case.sh ID PACKAGE BEFORE AFTER [FILE...]
#
# BEFORE is the old side of the change and AFTER the new side. For a positive case the change is
# the reverse of a published fix, so BEFORE is the fixed release and AFTER the vulnerable one.
# FILE... are paths relative to the package root; without them every changed source file
# (.js/.mjs/.cjs/.ts/.jsx/.tsx, no tests, dist/ bundles, minified or declaration files) is taken.
#
# Writes eval/corpus/ID/change.diff (git-style, paths relative to the package root) and
# eval/corpus/ID/repo/ (the AFTER content of every file the diff touches). case.json is written
# by hand (metadata and true locations) and is left alone here, except that a skeleton is created
# when it is missing. Tarballs are cached in ${PW_EVAL_CACHE:-/tmp/patchwarden-eval-cache}.
set -euo pipefail

if [ "$#" -lt 4 ]; then
  sed -n '2,14p' "$0" >&2
  exit 2
fi

id=$1 pkg=$2 before=$3 after=$4
shift 4

here=$(cd "$(dirname "$0")" && pwd)
out="$here/corpus/$id"
cache=${PW_EVAL_CACHE:-/tmp/patchwarden-eval-cache}
mkdir -p "$cache"

# unpack VERSION -> prints the directory holding that release's package root
unpack() {
  local version=$1
  local dir="$cache/$(echo "$pkg" | tr '/@' '__')-$version"
  if [ ! -d "$dir/root" ]; then
    rm -rf "$dir" && mkdir -p "$dir/root"
    local tgz
    tgz=$(cd "$dir" && npm pack --silent "$pkg@$version" 2>/dev/null | tail -n 1)
    # Old tarballs do not always use "package/" as their top folder: strip whatever it is.
    tar -xzf "$dir/$tgz" -C "$dir/root" --strip-components=1 --no-same-owner --no-same-permissions
  fi
  echo "$dir/root"
}

old=$(unpack "$before")
new=$(unpack "$after")

if [ "$#" -eq 0 ]; then
  mapfile -t files < <(
    { (cd "$old" && find . -type f); (cd "$new" && find . -type f); } | sed 's|^\./||' | sort -u |
      grep -E '\.(js|mjs|cjs|ts|jsx|tsx)$' |
      grep -Ev '(^|/)(test|tests|__tests__|spec|dist|umd|build|bench|benchmark|example|examples|docs|coverage|min)/' |
      grep -Ev '(\.min\.js|\.d\.ts|\.test\.[jt]s|\.spec\.[jt]s)$' |
      while read -r f; do cmp -s "$old/$f" "$new/$f" || echo "$f"; done
  )
  echo "$id: changed source files: ${files[*]:-<none>}" >&2
else
  files=("$@")
fi

work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
git -C "$work" init -q
copy_side() {
  local root=$1
  for f in "${files[@]}"; do
    rm -f "$work/$f"
    if [ -f "$root/$f" ]; then
      mkdir -p "$work/$(dirname "$f")"
      cp "$root/$f" "$work/$f"
    fi
  done
}
git_q() { git -C "$work" -c core.autocrlf=false -c user.name=eval -c user.email=eval@localhost "$@"; }
copy_side "$old"
git_q add -A && git_q commit -q --allow-empty -m before
copy_side "$new"
git_q add -A

mkdir -p "$out"
rm -rf "$out/repo"
git_q -c diff.noprefix=false -c diff.mnemonicprefix=false diff --cached --no-color --no-ext-diff \
  --find-renames >"$out/change.diff"
if [ ! -s "$out/change.diff" ]; then
  echo "$id: $pkg $before -> $after changes none of: ${files[*]}" >&2
  exit 1
fi
for f in "${files[@]}"; do
  if [ -f "$new/$f" ] && git_q diff --cached --quiet -- "$f"; then continue; fi
  if [ -f "$new/$f" ]; then
    mkdir -p "$out/repo/$(dirname "$f")"
    cp "$new/$f" "$out/repo/$f"
  fi
done

if [ ! -f "$out/case.json" ]; then
  cat >"$out/case.json" <<JSON
{
  "id": "$id",
  "kind": "clean",
  "package": "$pkg",
  "before": "$before",
  "after": "$after",
  "description": "",
  "locations": [],
  "category": "correctness"
}
JSON
fi
echo "$id: $(grep -c '^+[^+]' "$out/change.diff" || true) added, $(grep -c '^-[^-]' "$out/change.diff" || true) deleted lines" >&2
