"""Race proof: two app instances on one PostgreSQL.
- 200 concurrent committee approvals across 40 calls of one programme-year whose quota is five: the quota is
  never exceeded and every refusal is a clear 409.
- 200 concurrent grant approvals (40 applications of ¥100,000, each approved five times over, through the
  API of both instances) against a fund that can pay five: the fund is never overdrawn, no grant is approved
  twice, and the counter row equals the sum of the ledger's entries."""
import concurrent.futures
import subprocess
import sys

from proofkit import Client, Server, api, check

binary, work, database_url = sys.argv[1], sys.argv[2], sys.argv[3]
subprocess.run([binary, "loadtest-seed", "--database-url", database_url, "--committee-race", "40", "--out", f"{work}/calls.txt"],
               check=True, stdout=subprocess.DEVNULL)
calls = [line.strip() for line in open(f"{work}/calls.txt") if line.strip()]
subprocess.run([binary, "loadtest-seed", "--database-url", database_url, "--grant-race", "40", "--out", f"{work}/grants.txt"],
               check=True, stdout=subprocess.DEVNULL)
grants = [line.strip().split(",") for line in open(f"{work}/grants.txt") if line.strip()]
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

    tokens = []
    for server in servers:
        reply = api(server.base, "POST", "/api/v1/session", payload={"username": "demo-city", "password": "demo12345"})
        tokens.append((server.base, reply.json()["token"]))
    grant_attempts = [(tokens[i % 2], grants[i % len(grants)]) for i in range(200)]
    print(f"races: 200 grant approvals at once, {len(grants)} applications of ¥100,000, 2 instances, a fund for five")

    def approve(attempt):
        (base, token), (grant, version) = attempt
        return api(base, "POST", f"/api/v1/grants/{grant}/approve", token=token,
                   payload={"version": int(version), "amount": "100000", "reason": "按认证费用核定"}).status

    with concurrent.futures.ThreadPoolExecutor(50) as pool:
        grant_statuses = list(pool.map(approve, grant_attempts))
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

check(all(status in (200, 409) for status in grant_statuses), f"every grant answer is a success or a 409 ({sorted(set(grant_statuses))})")
check(grant_statuses.count(200) == 5, f"exactly five grant approvals succeeded ({grant_statuses.count(200)})")
fund = "(SELECT fund_id FROM grant_applications WHERE id = '" + grants[0][0].lower() + "')"
check(sql(f"SELECT COUNT(*) FROM grant_applications WHERE fund_id = {fund} AND stage = 'approved'") == "5",
      "five applications are approved, no more")
check(sql(f"SELECT available || '/' || committed FROM fund_balances WHERE id = {fund}") == "0/50000000",
      "the fund has nothing left and ¥500,000 committed")
counter = sql(f"SELECT available || '/' || committed || '/' || entries FROM fund_balances WHERE id = {fund}")
summed = sql(f"SELECT (SELECT COALESCE(SUM(CASE WHEN to_account = 'available' THEN amount ELSE 0 END), 0) - "
             f"COALESCE(SUM(CASE WHEN from_account = 'available' THEN amount ELSE 0 END), 0) FROM ledger_entries WHERE fund_id = {fund}) || '/' || "
             f"(SELECT COALESCE(SUM(CASE WHEN to_account = 'committed' THEN amount ELSE 0 END), 0) - "
             f"COALESCE(SUM(CASE WHEN from_account = 'committed' THEN amount ELSE 0 END), 0) FROM ledger_entries WHERE fund_id = {fund}) || '/' || "
             f"(SELECT COUNT(*) FROM ledger_entries WHERE fund_id = {fund})")
check(counter == summed, f"the counter row equals the sum of the ledger's entries ({counter})")
check(sql(f"SELECT COUNT(*) FROM grant_matters WHERE grant_id IN (SELECT id FROM grant_applications WHERE fund_id = {fund})") == "5",
      "five matters funded, none twice")
verify = subprocess.run([binary, "audit", "verify", "--database-url", database_url], capture_output=True, text=True)
check(verify.returncode == 0, "the audit chain is still intact: " + verify.stdout.strip().splitlines()[0])
