"""Crash proof: submit applications in a burst, kill -9 the server midway, restart, retry everything with
the same idempotency keys, and prove every submission that got a success answer is present exactly once."""
import concurrent.futures
import csv
import sqlite3
import subprocess
import sys
import threading
import time

from proofkit import Server, api, check

binary, work = sys.argv[1], sys.argv[2]
database = f"{work}/crash.sqlite"
url = f"sqlite://{database}"
subprocess.run([binary, "loadtest-seed", "--database-url", url, "--applications", "400", "--out", f"{work}/ready.csv"],
               check=True, stdout=subprocess.DEVNULL)
ready = list(csv.DictReader(open(f"{work}/ready.csv")))
server = Server(binary, url, f"{work}/crash-server.log").start()

acknowledged, lock, killed = set(), threading.Lock(), threading.Event()


def submit(row, base):
    reply = api(base, "POST", f"/api/v1/applications/{row['application_id']}/submit", token=row["token"],
                payload={"version": int(row["version"]), "commitmentAccepted": True},
                headers={"Idempotency-Key": "crash-" + row["application_id"]}, timeout=10)
    return reply.status


def burst(row):
    if killed.is_set():
        return
    try:
        if submit(row, server.base) == 200:
            with lock:
                acknowledged.add(row["application_id"])
                if len(acknowledged) >= 120 and not killed.is_set():
                    killed.set()
                    server.kill9()
    except Exception:
        pass  # the connection died with the server: this submission was never acknowledged


print("crash: a burst of submissions, kill -9 after 120 acknowledged")
with concurrent.futures.ThreadPoolExecutor(16) as pool:
    list(pool.map(burst, ready))
check(killed.is_set(), f"the server was killed mid-burst ({len(acknowledged)} acknowledged before)")

server.start()
print("crash: restarted; every client retries with its idempotency key")
with concurrent.futures.ThreadPoolExecutor(16) as pool:
    statuses = list(pool.map(lambda row: submit(row, server.base), ready))
check(all(status == 200 for status in statuses), "every retry is answered 200 (the first time or again)")
server.stop()

db = sqlite3.connect(database)
stages = dict(db.execute("SELECT stage, COUNT(*) FROM applications GROUP BY stage"))
submits = {subject.upper(): count for subject, count in
           db.execute("SELECT subject_id, COUNT(*) FROM audit_events WHERE action = 'submit' GROUP BY subject_id")}
keys = dict(db.execute("SELECT idempotency_key, COUNT(*) FROM applications WHERE idempotency_key IS NOT NULL GROUP BY idempotency_key"))
ids = {row["application_id"].upper() for row in ready}
check(stages.get("submitted") == len(ready) and len(stages) == 1, f"all {len(ready)} applications are submitted, none left behind")
check(all(a.upper() in submits for a in acknowledged), f"each of the {len(acknowledged)} acknowledged before the crash is there")
check(set(submits) == ids and all(count == 1 for count in submits.values()), "every submission was recorded exactly once")
check(len(keys) == len(ready) and all(count == 1 for count in keys.values()), "each idempotency key is held by one application")
verify = subprocess.run([binary, "audit", "verify", "--database-url", url], capture_output=True, text=True)
check(verify.returncode == 0, "the audit chain is intact after the crash: " + verify.stdout.strip().splitlines()[0])
