"""Hostile input over HTTP: forms without their anti-forgery token, password guessing, path traversal in
upload names, markup in names rendered as text. (Scripts in the page are checked in Chromium, journey 03.)"""
import os
import sys

from proofkit import Client, Server, api, check

binary, work = sys.argv[1], sys.argv[2]
uploads = f"{work}/uploads"
server = Server(binary, f"sqlite://{work}/hostile.sqlite", f"{work}/hostile-server.log", env={"QC_UPLOADS_DIR": uploads}).start(demo=True)
try:
    base = server.base
    print("hostile: forms without their anti-forgery token")
    stranger = Client(base)
    check(stranger.post_form("/login", {"username": "demo-city", "password": "demo12345"}, csrf=False).status == 403,
          "a sign-in posted without the token is refused (403)")
    victim, attacker = Client(base), Client(base)
    victim.sign_in("demo-city")
    attacker.get("/login")
    forged = victim.post_form("/admin/accounts", {"username": "planted", "displayName": "x", "role": "city_officer",
                                                  "password": "abcd12345", "_csrf": attacker.csrf}, csrf=False)
    check(forged.status == 403, "a signed-in officer's form carrying another browser's token is refused (403)")
    check("planted" not in victim.get("/admin/accounts").text, "and the account was not created")

    print("hostile: password guessing")
    guesser = Client(base)
    statuses = [guesser.post_form("/login", {"username": "demo-finance", "password": f"guess{i}"}).status for i in range(5)]
    check(statuses == [401] * 5, "five wrong passwords are refused one by one (401)")
    locked = guesser.post_form("/login", {"username": "demo-finance", "password": "demo12345"})
    check(locked.status == 429, "the sixth attempt is throttled even with the right password (429)")
    locked_api = api(base, "POST", "/api/v1/session", payload={"username": "demo-finance", "password": "demo12345"})
    check(locked_api.status == 429, "the API shares the lock (429)")

    print("hostile: path traversal in upload names")
    token = api(base, "POST", "/api/v1/session", payload={"username": "demo-enterprise-sz", "password": "demo12345"}).json()["token"]
    calls = api(base, "GET", "/api/v1/calls").json()["calls"]
    call = next(c for c in calls if c.get("accepting"))
    draft = api(base, "POST", f"/api/v1/calls/{call['id']}/applications", token=token).json()
    key = draft["materials"][0]["key"]
    evil = "/tmp/qc-hostile-evil.pdf"
    if os.path.exists(evil):
        os.remove(evil)
    pdf = b"%PDF-1.4\n1 0 obj<</Type/Catalog>>endobj\ntrailer<</Root 1 0 R>>\n%%EOF\n"
    name = "../../../../../../tmp/qc-hostile-evil.pdf"
    reply = api(base, "PUT", f"/api/v1/applications/{draft['id']}/materials/{key}?filename={name}", token=token, raw=pdf,
                headers={"Content-Type": "application/pdf"})
    check(reply.status in (200, 201), f"the upload itself is accepted ({reply.status})")
    detail = api(base, "GET", f"/api/v1/applications/{draft['id']}", token=token).json()
    shown = [m.get("file", {}) for m in detail["materials"] if m["key"] == key][0]
    check(shown.get("name") == "qc-hostile-evil.pdf", f"the stored name is only the last component ({shown.get('name')!r})")
    check(not os.path.exists(evil), "nothing was written outside the uploads folder")
    stored = [f for _, _, files in os.walk(uploads) for f in files]
    check(stored and all(len(f) == 64 and all(c in "0123456789abcdef" for c in f) for f in stored),
          "the uploads folder holds only files named by their SHA-256")

    print("hostile: markup in names is text")
    payload = "<script>alert('xss')</script><img src=x onerror=alert(1)>"
    signup = api(base, "POST", "/api/v1/enterprises", payload={
        "creditCode": "91440300MA5QC0099G", "name": "测试" + payload, "district": "南山区", "registeredOn": "2015-01-01",
        "legalForm": "legalPerson", "industryCode": "C3981", "contactName": "x", "contactPhone": "13800138000",
        "username": "xss-probe", "password": "quality2026", "passwordConfirmation": "quality2026"})
    if signup.status == 422 and "creditCode" in signup.text:
        raise AssertionError("the probe's credit code was refused; pick another valid one: " + signup.text[:300])
    check(signup.status == 201, f"an enterprise named with markup can register ({signup.status})")
    page = Client(base)
    page.sign_in("xss-probe", "quality2026")
    home = page.get("/enterprise").text
    check("<script>alert('xss')</script>" not in home and "&lt;script&gt;" in home, "its name is escaped on its pages")
finally:
    server.stop()
