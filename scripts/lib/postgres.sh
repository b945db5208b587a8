# Functions to install and run a throwaway PostgreSQL on 127.0.0.1 for tests and benchmarks.
# Source this file; call qc_start_postgres, then use $QC_PG_URL; it stops itself on exit.

qc_sudo() {
    if [ "$(id -u)" = 0 ]; then "$@"; else sudo "$@"; fi
}

qc_pg_bin() {
    local dir
    for dir in /usr/lib/postgresql/*/bin; do
        [ -x "$dir/initdb" ] && { echo "$dir"; return 0; }
    done
    return 1
}

qc_ensure_postgres_installed() {
    if qc_pg_bin >/dev/null; then return 0; fi
    echo "== Installing PostgreSQL (Debian package postgresql)"
    qc_sudo apt-get update -qq
    qc_sudo env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq postgresql >/dev/null
    qc_pg_bin >/dev/null || { echo "PostgreSQL could not be installed" >&2; return 1; }
}

qc_free_port() {
    python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1]); s.close()'
}

# initdb refuses to run as root; as root the cluster belongs to the `postgres` system user.
qc_as_pg_user() {
    if [ "$(id -u)" = 0 ]; then
        id postgres >/dev/null 2>&1 || useradd --system --no-create-home postgres
        runuser -u postgres -- "$@"
    else
        "$@"
    fi
}

qc_start_postgres() {
    qc_ensure_postgres_installed
    local bin
    bin=$(qc_pg_bin)
    QC_PG_DIR=$(mktemp -d /tmp/qualitycity-pg.XXXXXX)
    [ "$(id -u)" = 0 ] && chown postgres "$QC_PG_DIR"
    QC_PG_PORT=$(qc_free_port)
    qc_as_pg_user "$bin/initdb" -D "$QC_PG_DIR/data" -U qc --auth=trust --encoding=UTF8 --locale=C.UTF-8 >/dev/null
    # Durability is not needed for a throwaway test cluster; speed is.
    qc_as_pg_user "$bin/pg_ctl" -D "$QC_PG_DIR/data" -l "$QC_PG_DIR/server.log" -w -t 30 \
        -o "-h 127.0.0.1 -p $QC_PG_PORT -k $QC_PG_DIR -c fsync=off -c synchronous_commit=off -c full_page_writes=off -c max_connections=400" \
        start >/dev/null
    QC_PG_URL="postgres://qc@127.0.0.1:$QC_PG_PORT/postgres"
    export QC_PG_URL QC_PG_DIR QC_PG_PORT
    QC_PG_BIN=$bin
    echo "== PostgreSQL $("$bin/postgres" --version | awk '{print $3}') running on 127.0.0.1:$QC_PG_PORT (data in $QC_PG_DIR)"
}

qc_stop_postgres() {
    if [ -n "${QC_PG_DIR:-}" ] && [ -d "$QC_PG_DIR/data" ]; then
        qc_as_pg_user "$QC_PG_BIN/pg_ctl" -D "$QC_PG_DIR/data" -m immediate stop >/dev/null 2>&1 || true
        rm -rf "$QC_PG_DIR"
        QC_PG_DIR=
    fi
}
