# shellcheck shell=bash
# Shared by scripts/setup, scripts/serve and scripts/test: `source scripts/lib.sh`.
# Sets ROOT, puts the project's tools on PATH, and defines small helpers.

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
export ROOT

# The Trunk version this project is built with. 0.22 needs a newer rustc than the
# machine's toolchain, so it is pinned; Trunk.toml's `trunk-version` says the same.
TRUNK_VERSION="0.21.14"

# cargo-installed tools (trunk, wasm-bindgen) live in ~/.cargo/bin, which a
# non-login shell (CI) may not have on PATH. node_modules/.bin holds `wasm-opt`
# from the npm package `binaryen`: Trunk finds wasm-opt by searching PATH, and it
# must never try to download one (there is no internet here, and it runs --offline).
export PATH="$ROOT/node_modules/.bin:${CARGO_HOME:-${HOME:-/root}/.cargo}/bin:$PATH"

# No prompts anywhere (CI has no stdin), and no colour codes in CI logs.
export DEBIAN_FRONTEND=noninteractive
if [[ -n "${CI:-}" ]]; then
  export CARGO_TERM_COLOR=never
  NO_COLOR=true
fi
# Trunk reads NO_COLOR as a boolean flag and exits on anything but true/false
# (`NO_COLOR=1 trunk build` fails, and so does an empty NO_COLOR), so any value that
# means "no colour" becomes "true", and an empty one is dropped.
if [[ -z "${NO_COLOR:-}" ]]; then
  unset NO_COLOR
elif [[ "$NO_COLOR" != "false" ]]; then
  export NO_COLOR=true
fi

log() { printf '\n==> %s\n' "$*" >&2; }
die() { printf 'error: %s\n' "$*" >&2; exit 1; }

# The wasm-bindgen version pinned in Cargo.lock. wasm-bindgen-cli must match the
# library exactly, or the generated JS glue and the wasm disagree at run time.
wasm_bindgen_lock_version() {
  awk '
    $0 == "name = \"wasm-bindgen\"" { found = 1; next }
    found && /^version = / { gsub(/"/, "", $3); print $3; exit }
    /^\[\[package\]\]/ { found = 0 }
  ' "$ROOT/Cargo.lock"
}

# Prints the version a command reports as its second word ("trunk 0.21.14"), or
# nothing when the command is missing or fails.
tool_version() {
  command -v "$1" >/dev/null 2>&1 || return 0
  "$1" --version 2>/dev/null | awk 'NR == 1 { print $2 }'
}
