"""Race proof: two app instances on one PostgreSQL; 200 concurrent committee approvals across 40 calls of one
programme-year whose quota is five. The quota is never exceeded and every refusal is a clear 409."""
import concurrent.futures
import subprocess
import sys

from proofkit import Client, Server, check

binary, work, database_url = sys.argv[1], sys.argv[2], sys.argv[3]
subprocess.run([binary, "loadtest-seed", "--database-url", database_url, "--committee-race", "40", "--out", f"{work}/calls.txt"],
               check=True, stdout=subprocess.DEVNULL)
calls = [line.strip() for line in open(f"{work}/calls.txt") if line.strip()]
servers = [Server(binary, database_url, f"{work}/race-server-{i}.log").start() for i in range(2)]
try:
    members = ["demo-committee"] + [f"demo-committee-{i}" for i in range(1, 5)]
    clients = []
    for index, member in enumerate(members * 2):
        client = Client(servers[index % 2].base)
        client.sign_in(member)
        clients.append(client)
    attempts = [(clients[i % len(clients)], calls[i % len(calls)]) for i in range(200)]
    print(f"races: 200 approvals at once, {len(calls)} calls, 2 instances, quota 5")
    with concurrent.futures.ThreadPoolExecutor(50) as pool:
        statuses = list(pool.map(lambda attempt: attempt[0].post_form(f"/committee/{attempt[1]}/approve", {}).status, attempts))
finally:
    for server in servers:
        server.stop()

check(all(status in (303, 409) for status in statuses), f"every answer is a success or a 409 ({sorted(set(statuses))})")
check(statuses.count(303) == 5, f"exactly five approvals succeeded ({statuses.count(303)})")


def sql(query):
    return subprocess.run(["psql", database_url, "-At", "-c", query], capture_output=True, text=True, check=True).stdout.strip()


check(sql("SELECT approved || '/' || quota FROM quota_ledgers WHERE programme_id = 'jm-innovation-centre' AND year = 2031") == "5/5",
      "the year's ledger holds 5 of 5")
proposed = sql("SELECT COUNT(*) FROM applications a JOIN calls c ON a.call_id = c.id "
               "WHERE c.year = 2031 AND c.programme_id = 'jm-innovation-centre' AND a.stage = 'proposed'")
check(proposed == "5", f"five applications are proposed, no more ({proposed})")
check(sql("SELECT COUNT(*) FROM calls WHERE year = 2031 AND stage = 'notice'") == "5", "only the five successful calls went on notice")
verify = subprocess.run([binary, "audit", "verify", "--database-url", database_url], capture_output=True, text=True)
check(verify.returncode == 0, "the audit chain is intact: " + verify.stdout.strip().splitlines()[0])
