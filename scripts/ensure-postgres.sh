#!/usr/bin/env bash
# The PostgreSQL store tests start a throwaway PostgreSQL 15 server from these binaries;
# install them once per machine so the tests never have to skip.
set -euo pipefail

PG_BIN=/usr/lib/postgresql/15/bin
if [ -x "$PG_BIN/initdb" ] && [ -x "$PG_BIN/pg_ctl" ]; then
  exit 0
fi

SUDO=""
if [ "$(id -u)" -ne 0 ]; then
  SUDO="sudo"
fi

$SUDO apt-get update
DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y postgresql

if [ ! -x "$PG_BIN/initdb" ]; then
  echo "ensure-postgres: installed 'postgresql' but $PG_BIN/initdb is still missing (expected PostgreSQL 15)" >&2
  exit 1
fi
