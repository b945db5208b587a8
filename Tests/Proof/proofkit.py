"""Small helpers for the proofs: start and stop qualitycity, speak HTTP as a browser or an API client."""
import http.cookiejar
import json
import os
import re
import signal
import socket
import subprocess
import time
import urllib.error
import urllib.parse
import urllib.request


def free_port():
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


class Server:
    """A qualitycity process on loopback with its own database URL and log."""

    def __init__(self, binary, database_url, log_path, port=None, env=None):
        self.binary, self.database_url, self.log_path = binary, database_url, log_path
        self.port = port or free_port()
        self.env = env or {}
        self.process = None

    @property
    def base(self):
        return f"http://127.0.0.1:{self.port}"

    def start(self, demo=False):
        env = dict(os.environ, DATABASE_URL=self.database_url, QC_JOBS_INTERVAL="0", LOG_LEVEL="warning", **self.env)
        args = [self.binary, "serve", "--port", str(self.port)] + ([] if demo else ["--no-demo"])
        self.process = subprocess.Popen(args, env=env, stdout=open(self.log_path, "a"), stderr=subprocess.STDOUT)
        deadline = time.time() + 60
        while time.time() < deadline:
            if self.process.poll() is not None:
                raise RuntimeError(f"server exited with {self.process.returncode}; see {self.log_path}")
            try:
                urllib.request.urlopen(self.base + "/healthz", timeout=2)
                return self
            except Exception:
                time.sleep(0.2)
        raise RuntimeError("server did not answer /healthz within 60 s")

    def kill9(self):
        os.kill(self.process.pid, signal.SIGKILL)
        self.process.wait()

    def stop(self):
        if self.process and self.process.poll() is None:
            self.process.terminate()
            try:
                self.process.wait(timeout=10)
            except subprocess.TimeoutExpired:
                self.process.kill()


class Response:
    def __init__(self, status, headers, body):
        self.status, self.headers, self.body = status, headers, body

    @property
    def text(self):
        return self.body.decode("utf-8", "replace")

    def json(self):
        return json.loads(self.body)


class NoRedirect(urllib.request.HTTPRedirectHandler):
    def redirect_request(self, *args, **kwargs):
        return None


class Client:
    """A browser-like client: keeps cookies, reads the anti-forgery token from pages, posts forms."""

    def __init__(self, base):
        self.base = base
        self.jar = http.cookiejar.CookieJar()
        self.opener = urllib.request.build_opener(urllib.request.HTTPCookieProcessor(self.jar), NoRedirect())
        self.csrf = None

    def request(self, method, path, body=None, headers=None, timeout=30):
        request = urllib.request.Request(self.base + path, data=body, method=method, headers=headers or {})
        try:
            with self.opener.open(request, timeout=timeout) as reply:
                response = Response(reply.status, dict(reply.headers), reply.read())
        except urllib.error.HTTPError as error:
            response = Response(error.code, dict(error.headers), error.read())
        match = re.search(r'name="_csrf" value="([^"]+)"', response.text)
        if match:
            self.csrf = match.group(1)
        return response

    def get(self, path):
        return self.request("GET", path)

    def post_form(self, path, fields, csrf=True):
        if csrf and self.csrf is None:
            self.get("/login")
        data = dict(fields)
        if csrf:
            data["_csrf"] = self.csrf
        return self.request("POST", path, urllib.parse.urlencode(data).encode(),
                            {"Content-Type": "application/x-www-form-urlencoded"})

    def sign_in(self, username, password="demo12345"):
        reply = self.post_form("/login", {"username": username, "password": password})
        if reply.status != 303:
            raise AssertionError(f"sign-in of {username} failed: {reply.status}")
        return reply


def api(base, method, path, token=None, payload=None, headers=None, raw=None, timeout=30):
    all_headers = dict(headers or {})
    if token:
        all_headers["Authorization"] = "Bearer " + token
    body = raw
    if payload is not None:
        body = json.dumps(payload).encode()
        all_headers["Content-Type"] = "application/json"
    request = urllib.request.Request(base + path, data=body, method=method, headers=all_headers)
    try:
        with urllib.request.urlopen(request, timeout=timeout) as reply:
            return Response(reply.status, dict(reply.headers), reply.read())
    except urllib.error.HTTPError as error:
        return Response(error.code, dict(error.headers), error.read())


def check(condition, message):
    if not condition:
        raise AssertionError(message)
    print("  ✔ " + message)
