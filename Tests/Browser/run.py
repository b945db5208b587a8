#!/usr/bin/env python3
"""Runs the browser journeys, each in its own process and its own Chromium, one after the other, against
the server at $QC_BROWSER_BASE_URL (scripts/browser-test starts one and sets everything).

    run.py [WORD ...]     only the journey_*.py files whose names contain one of the words

A journey is a file journey_NN_what.py in this folder with a function run(j: qcb.session.Journey). It makes
its own data (a new enterprise and so on) so that it passes alone or after any other. Its screenshots go to
$QC_BROWSER_ARTIFACTS/<journey>/NN-step.png. It is stopped after $QC_BROWSER_JOURNEY_TIMEOUT seconds.
"""

from __future__ import annotations

import glob
import importlib.util
import os
import signal
import subprocess
import sys
import time

HERE = os.path.dirname(os.path.abspath(__file__))


def run_one(path: str) -> int:
    """In the child process: import the journey file and run it in a fresh browser."""
    sys.path.insert(0, HERE)
    from qcb.session import Journey

    name = os.path.splitext(os.path.basename(path))[0]
    spec = importlib.util.spec_from_file_location(name, path)
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return 0 if Journey(name).run(module.run) else 1


def main(words: list[str]) -> int:
    sys.path.insert(0, HERE)
    from qcb import data

    data._self_test()
    journeys = sorted(glob.glob(os.path.join(HERE, "journey_*.py")))
    if words:
        journeys = [j for j in journeys if any(w in os.path.basename(j) for w in words)]
    if not journeys:
        print(f"No journey matches {words}", file=sys.stderr)
        return 2
    timeout = int(os.environ.get("QC_BROWSER_JOURNEY_TIMEOUT", "240"))
    passed, failed = [], []
    for path in journeys:
        name = os.path.splitext(os.path.basename(path))[0]
        print(f"-- {name}", flush=True)
        started = time.monotonic()
        # A session of its own, so that the journey's chromedriver and Chromium can be ended together.
        child = subprocess.Popen([sys.executable, os.path.abspath(__file__), "--one", path], cwd=HERE,
                                 start_new_session=True)
        try:
            # The journey stops itself at `timeout` and keeps the evidence; this is the backstop.
            status = child.wait(timeout=timeout + 60)
        except subprocess.TimeoutExpired:
            print(f"   {name} did not stop after {timeout + 60} s: killed", flush=True)
            status = -1
        finally:
            try:
                os.killpg(child.pid, signal.SIGKILL)  # whatever the journey left running
            except OSError:
                pass
            child.wait()
        (passed if status == 0 else failed).append(name)
        if status != 0:
            print(f"   {name} FAILED after {time.monotonic() - started:.1f} s", flush=True)
    print()
    for name in failed:
        print(f"FAILED: {name} (see {os.environ.get('QC_BROWSER_ARTIFACTS', 'artifacts/browser')}/{name}/)")
    print(f"browser: {len(passed)} passed, {len(failed)} failed")
    return 0 if not failed else 1


if __name__ == "__main__":
    if len(sys.argv) == 3 and sys.argv[1] == "--one":
        sys.exit(run_one(sys.argv[2]))
    sys.exit(main(sys.argv[1:]))
