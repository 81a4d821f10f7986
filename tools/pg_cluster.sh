#!/usr/bin/env bash
# A throwaway PostgreSQL cluster for the tests: `tools/pg_cluster.sh start DIR PORT` makes one in DIR (which must be
# new or empty) listening on 127.0.0.1:PORT and prints its URL; `tools/pg_cluster.sh stop DIR` stops it and removes
# DIR. initdb refuses root, so as root the cluster runs as the `postgres` account (Debian's package makes it), else
# as `nobody`. Trust authentication on 127.0.0.1 and fsync off: a test server, never a unit's.
set -euo pipefail

usage() {
	echo "usage: $0 start DIR PORT | stop DIR" >&2
	exit 2
}

bindir() {
	local dir
	dir=$(find /usr/lib/postgresql -maxdepth 2 -name bin -type d 2>/dev/null | sort -V | tail -n 1)
	if [ -z "$dir" ]; then
		dir=$(dirname "$(command -v initdb || command -v pg_ctl || echo /nonexistent/initdb)")
	fi
	if [ ! -x "$dir/initdb" ]; then
		echo "$0: no PostgreSQL server found (install Debian's postgresql package)" >&2
		exit 1
	fi
	echo "$dir"
}

as_owner() {
	if [ "$(id -u)" = 0 ]; then
		runuser -u "$OWNER" -- "$@"
	else
		"$@"
	fi
}

[ $# -ge 2 ] || usage
command=$1
DIR=$2
OWNER=postgres
id -u postgres >/dev/null 2>&1 || OWNER=nobody
BIN=$(bindir)

case "$command" in
start)
	[ $# -eq 3 ] || usage
	PORT=$3
	mkdir -p "$DIR"
	if [ -n "$(ls -A "$DIR")" ]; then
		echo "$0: $DIR is not empty" >&2
		exit 1
	fi
	[ "$(id -u)" = 0 ] && chown "$OWNER" "$DIR"
	as_owner "$BIN/initdb" -D "$DIR/data" -U egov --auth=trust -E UTF8 --no-locale >"$DIR/initdb.log" 2>&1 || {
		cat "$DIR/initdb.log" >&2
		exit 1
	}
	as_owner "$BIN/pg_ctl" -D "$DIR/data" -l "$DIR/data/server.log" -w \
		-o "-p $PORT -k $DIR -c listen_addresses=127.0.0.1 -c fsync=off -c full_page_writes=off" start >/dev/null || {
		cat "$DIR/data/server.log" >&2
		exit 1
	}
	echo "postgresql://egov@127.0.0.1:$PORT/postgres"
	;;
stop)
	if [ -f "$DIR/data/postmaster.pid" ]; then
		as_owner "$BIN/pg_ctl" -D "$DIR/data" -m fast -w stop >/dev/null
	fi
	rm -rf "$DIR"
	;;
*)
	usage
	;;
esac
