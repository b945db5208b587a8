# Functions for the browser journeys: install headless Chromium, chromedriver and selenium when they are
# missing, and run a throwaway QualityCity server on a free loopback port with its own SQLite database.
# Source this file; see scripts/browser-test for the order of the calls.

declare -F qc_sudo >/dev/null || qc_sudo() {
    if [ "$(id -u)" = 0 ]; then "$@"; else sudo "$@"; fi
}

declare -F qc_free_port >/dev/null || qc_free_port() {
    python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1]); s.close()'
}

# Debian's Chromium and its chromedriver (never a browser downloaded at run time: there is no internet).
QC_CHROMIUM=${QC_CHROMIUM:-/usr/bin/chromium}
QC_CHROMEDRIVER=${QC_CHROMEDRIVER:-/usr/bin/chromedriver}
# selenium from PyPI goes into this folder of the work tree (gitignored).
QC_BROWSER_VENV=${QC_BROWSER_VENV:-.venv-browser}
QC_SELENIUM_SPEC=${QC_SELENIUM_SPEC:-selenium>=4.11,<5}

qc_apt_install() {
    echo "== Installing $* (Debian packages)"
    qc_sudo apt-get update -qq
    qc_sudo env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends "$@" >/dev/null
}

# Chromium, chromedriver, and a font with Chinese characters so that screenshots show text, not boxes.
qc_ensure_chromium() {
    local missing=()
    [ -x "$QC_CHROMIUM" ] || missing+=(chromium)
    [ -x "$QC_CHROMEDRIVER" ] || missing+=(chromium-driver)
    if ! { command -v fc-list >/dev/null && [ -n "$(fc-list :lang=zh-cn family 2>/dev/null)" ]; }; then
        missing+=(fonts-wqy-microhei)
    fi
    [ "${#missing[@]}" = 0 ] && return 0
    qc_apt_install "${missing[@]}"
    [ -x "$QC_CHROMIUM" ] && [ -x "$QC_CHROMEDRIVER" ] || {
        echo "Chromium or chromedriver could not be installed ($QC_CHROMIUM, $QC_CHROMEDRIVER)" >&2
        return 1
    }
}

# Sets QC_BROWSER_PYTHON (and PYTHONPATH when needed) to a Python that imports selenium. Prefers a venv
# in $QC_BROWSER_VENV; where the venv module is missing (Debian without python3-venv), pip installs into
# $QC_BROWSER_VENV/site instead, which is put on PYTHONPATH.
qc_ensure_selenium() {
    local python=${QC_PYTHON:-python3}
    if ! command -v "$python" >/dev/null; then
        qc_apt_install python3 python3-pip
    fi
    local venv=$QC_BROWSER_VENV
    [[ "$venv" = /* ]] || venv="$PWD/$venv"
    local site="$venv/site" pip_options=(-q --disable-pip-version-check)
    [ "$(id -u)" = 0 ] && pip_options+=(--root-user-action=ignore)
    if [ -x "$venv/bin/python" ] && "$venv/bin/python" -c 'import selenium' 2>/dev/null; then
        QC_BROWSER_PYTHON="$venv/bin/python"
        return 0
    fi
    if [ -d "$site" ] && PYTHONPATH="$site" "$python" -c 'import selenium' 2>/dev/null; then
        QC_BROWSER_PYTHON=$(command -v "$python")
        export PYTHONPATH="$site${PYTHONPATH:+:$PYTHONPATH}"
        return 0
    fi
    echo "== Installing selenium from PyPI into $QC_BROWSER_VENV/"
    rm -rf "$venv"
    if "$python" -m venv "$venv" >/dev/null 2>&1 \
        && "$venv/bin/python" -m pip install "${pip_options[@]}" "$QC_SELENIUM_SPEC"; then
        QC_BROWSER_PYTHON="$venv/bin/python"
        return 0
    fi
    echo "   (no usable venv module: installing with pip --target instead)"
    rm -rf "$venv"
    if ! "$python" -m pip --version >/dev/null 2>&1; then
        qc_apt_install python3-pip
    fi
    # --target also keeps clear of Debian's "externally managed" system Python (PEP 668).
    "$python" -m pip install "${pip_options[@]}" --target "$site" "$QC_SELENIUM_SPEC"
    QC_BROWSER_PYTHON=$(command -v "$python")
    export PYTHONPATH="$site${PYTHONPATH:+:$PYTHONPATH}"
    "$QC_BROWSER_PYTHON" -c 'import selenium' || { echo "selenium could not be installed" >&2; return 1; }
}

# Starts `qualitycity serve` on a free loopback port with a new SQLite database (the demo city loads into
# it) and uploads in a temporary folder; waits for /healthz. Sets QC_APP_URL, QC_APP_PID, QC_APP_DIR.
# $1: the qualitycity binary; $2: seconds to wait for /healthz.
qc_start_app() {
    local binary=$1 wait=${2:-120} attempt
    QC_APP_DIR=$(mktemp -d /tmp/qualitycity-browser.XXXXXX)
    for attempt in 1 2 3; do
        QC_APP_PORT=$(qc_free_port)
        QC_APP_URL="http://127.0.0.1:$QC_APP_PORT"
        DATABASE_URL="sqlite://$QC_APP_DIR/qualitycity.sqlite" QC_UPLOADS_DIR="$QC_APP_DIR/uploads" \
            "$binary" serve --hostname 127.0.0.1 --port "$QC_APP_PORT" >"$QC_APP_DIR/server.log" 2>&1 &
        QC_APP_PID=$!
        if qc_wait_healthy "$wait"; then
            echo "== QualityCity running at $QC_APP_URL (pid $QC_APP_PID, database and uploads in $QC_APP_DIR)"
            return 0
        fi
        # Another program may have taken the port between choosing and binding it: try another one.
        if kill -0 "$QC_APP_PID" 2>/dev/null || ! grep -q "already in use" "$QC_APP_DIR/server.log"; then
            break
        fi
        rm -f "$QC_APP_DIR/qualitycity.sqlite"*
    done
    echo "QualityCity did not answer $QC_APP_URL/healthz within $wait s. Server log:" >&2
    tail -n 40 "$QC_APP_DIR/server.log" >&2 || true
    return 1
}

qc_exit_description() {
    local status=$1
    if [ "$status" -gt 128 ] && [ "$status" -lt 160 ]; then
        echo "killed by signal SIG$(kill -l "$(( status - 128 ))" 2>/dev/null || echo "$(( status - 128 ))")"
    else
        echo "exit status $status"
    fi
}

qc_wait_healthy() {
    local wait=$1 deadline=$(( $(date +%s) + $1 ))
    while [ "$(date +%s)" -lt "$deadline" ]; do
        kill -0 "$QC_APP_PID" 2>/dev/null || return 1
        if python3 -c 'import sys, urllib.request; urllib.request.urlopen(sys.argv[1], timeout=2)' "$QC_APP_URL/healthz" 2>/dev/null; then
            return 0
        fi
        sleep 0.5
    done
    return 1
}

# Stops the server this script started (by its pid) and removes its database and uploads. $1: a folder
# to keep the server log in (optional).
# Says so if the server has already stopped, and how (a crash, a signal from elsewhere).
qc_report_app_exit() {
    if [ -n "${QC_APP_PID:-}" ] && ! kill -0 "$QC_APP_PID" 2>/dev/null; then
        local status=0
        wait "$QC_APP_PID" 2>/dev/null || status=$?
        echo "The QualityCity server (pid $QC_APP_PID) stopped before the end of the run: $(qc_exit_description "$status")." >&2
        QC_APP_PID=
    fi
}

qc_stop_app() {
    qc_report_app_exit
    if [ -n "${QC_APP_PID:-}" ]; then
        kill "$QC_APP_PID" 2>/dev/null || true
        local i
        for i in $(seq 1 50); do kill -0 "$QC_APP_PID" 2>/dev/null || break; sleep 0.1; done
        kill -9 "$QC_APP_PID" 2>/dev/null || true
        wait "$QC_APP_PID" 2>/dev/null || true
        QC_APP_PID=
    fi
    if [ -n "${QC_APP_DIR:-}" ] && [ -d "$QC_APP_DIR" ]; then
        [ -n "${1:-}" ] && [ -d "$1" ] && cp "$QC_APP_DIR/server.log" "$1/server.log" 2>/dev/null
        rm -rf "$QC_APP_DIR"
        QC_APP_DIR=
    fi
}
