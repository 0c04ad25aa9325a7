"""deploy/nginx/talent.conf: nginx's own refusals (413 body too large, 502 app down, 504 too slow)
are Chinese pages, or JSON under /api/ and /wechat, saying what the app itself says.

The file is checked as text always; when an nginx binary is at hand (on PATH, /usr/sbin/nginx, or
$NGINX_BIN) the shipped file is run, with only its ports, certificate, paths and one timeout changed,
in front of a stand-in upstream that hangs up or never answers."""

from __future__ import annotations

import http.client
import json
import os
import re
import shutil
import socket
import ssl
import subprocess
import threading
import time

import pytest

from bot import messages
from core.config import PROJECT_ROOT, load_config

CONF = PROJECT_ROOT / "deploy" / "nginx" / "talent.conf"
ERRORS = PROJECT_ROOT / "deploy" / "nginx" / "errors"
CODES = ("413", "502", "504")


def _server_block(text: str) -> str:
    """The HTTPS server block (the second server; the first only redirects)."""
    return text[text.index("listen 443"):]


_LOCATION = re.compile(r"^\s*location\s+([^{]+)\{([^}]*)\}", re.M)


def _locations(block: str) -> dict[str, str]:
    """Each location's body by its match ("/api/", "^~ /_errors/")."""
    return {m.group(1).strip(): m.group(2) for m in _LOCATION.finditer(block)}


def _error_pages(body: str) -> dict[str, str]:
    pages = {}
    for codes, uri in re.findall(r"^\s*error_page\s+([\d\s]+?)\s+(\S+);", body, re.M):
        for code in codes.split():
            pages[code] = uri
    return pages


def test_every_refusal_nginx_makes_has_a_chinese_page_that_exists():
    text = CONF.read_text(encoding="utf-8")
    server = _server_block(text)
    locations = _locations(server)
    top = _error_pages(_LOCATION.sub("", server))
    assert set(CODES) <= set(top), top
    errors = locations["^~ /_errors/"]
    assert "internal;" in errors and "alias /opt/talent/deploy/nginx/errors/;" in errors
    settings = load_config()
    upload_limit = messages.UPLOAD_TOO_LARGE.format(mb=f"{settings.ingest.max_file_mb:g}")
    for where, body in [("server", "")] + list(locations.items()):
        own = _error_pages(body)
        pages = own or top  # nginx: a location's error_page replaces all the inherited ones
        assert set(CODES) <= set(pages), (where, pages)
        for code in CODES:
            uri = pages[code]
            assert uri.startswith("/_errors/"), (where, uri)
            page = ERRORS / uri.removeprefix("/_errors/")
            assert page.is_file(), (where, page)
            content = page.read_text(encoding="utf-8")
            if page.suffix == ".json":
                want = messages.TOO_LARGE if code == "413" else messages.BUSY
                assert json.loads(content) == {"error": want}, page
            else:
                assert '<meta charset="utf-8">' in content and re.search(r"[\u4e00-\u9fff]", content)
                visible = re.sub(r"<style>.*?</style>|<[^>]+>", " ", content, flags=re.S)
                assert not re.search(r"[A-Za-z]{3,}", visible.replace("javascript:history.back()", "")), page
        if where in ("/api/", "/wechat"):
            assert all(pages[c].endswith(".json") for c in CODES), where
    # The upload location's 413 page names the file limit as the console does, and lets through
    # what the app accepts (it refuses on the page, naming the limit, up to nginx's).
    assert upload_limit in (ERRORS / "413-upload.html").read_text(encoding="utf-8")
    uploads = locations["/admin/docs/"]
    assert _error_pages(uploads)["413"] == "/_errors/413-upload.html"
    nginx_mb = int(re.search(r"client_max_body_size\s+(\d+)m;", uploads).group(1))
    assert nginx_mb > settings.ingest.max_file_mb
    assert messages.TOO_LARGE in (ERRORS / "413.html").read_text(encoding="utf-8")


def _nginx_binary() -> str | None:
    for candidate in (os.environ.get("NGINX_BIN"), shutil.which("nginx"), "/usr/sbin/nginx"):
        if candidate and os.access(candidate, os.X_OK):
            return candidate
    return None


class _Upstream:
    """A stand-in for gunicorn: hangs up at once (nginx: 502), or on a path with "stall" never answers
    (nginx: 504)."""

    def __init__(self):
        self.sock = socket.socket()
        self.sock.bind(("127.0.0.1", 0))
        self.sock.listen(16)
        self.port = self.sock.getsockname()[1]
        self.held: list[socket.socket] = []
        threading.Thread(target=self._serve, daemon=True).start()

    def _serve(self):
        while True:
            try:
                conn, _ = self.sock.accept()
            except OSError:
                return
            conn.settimeout(2)
            try:
                head = conn.recv(4096)
            except OSError:
                head = b""
            if b"stall" in head.split(b"\r\n", 1)[0]:
                self.held.append(conn)
            else:
                conn.close()

    def close(self):
        self.sock.close()
        for conn in self.held:
            conn.close()


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


@pytest.fixture()
def nginx(tmp_path):
    binary = _nginx_binary()
    if not binary:
        pytest.skip("no nginx binary (apt-get install nginx, or NGINX_BIN=/path/to/nginx)")
    upstream = _Upstream()
    port = _free_port()
    subprocess.run(["openssl", "req", "-x509", "-newkey", "rsa:2048", "-nodes", "-days", "1", "-subj",
                    "/CN=talent.example.gov.cn", "-keyout", str(tmp_path / "key.pem"), "-out",
                    str(tmp_path / "cert.pem")], check=True, capture_output=True)
    site = CONF.read_text(encoding="utf-8")
    site = site[site.index("upstream talent_app"):]
    site = site.replace("server 127.0.0.1:8000", f"server 127.0.0.1:{upstream.port}")
    site = re.sub(r"^\s*listen \[::\].*$", "", site, flags=re.M)  # no IPv6 needed here
    site = site.replace("listen 80;", f"listen 127.0.0.1:{_free_port()};")
    site = site.replace("listen 443 ssl http2;", f"listen 127.0.0.1:{port} ssl http2;")
    site = site.replace("/etc/ssl/talent/fullchain.pem", str(tmp_path / "cert.pem"))
    site = site.replace("/etc/ssl/talent/privkey.pem", str(tmp_path / "key.pem"))
    site = site.replace("/opt/talent/", f"{PROJECT_ROOT}/")
    site = site.replace("/var/log/nginx/", f"{tmp_path}/")
    site = site.replace("proxy_read_timeout 30s;\n        proxy_pass", "proxy_read_timeout 1s;\n        proxy_pass")
    (tmp_path / "site.conf").write_text(site, encoding="utf-8")
    user = "user root;" if os.geteuid() == 0 else ""  # the checkout may be readable by root only
    (tmp_path / "nginx.conf").write_text(f"""
{user}
daemon off;
worker_processes 1;
pid {tmp_path}/nginx.pid;
error_log {tmp_path}/error.log warn;
events {{ worker_connections 64; }}
http {{
    types {{ text/html html; application/json json; text/css css; }}
    default_type application/octet-stream;
    access_log {tmp_path}/access.log;
    client_body_temp_path {tmp_path}/body;
    proxy_temp_path {tmp_path}/proxy;
    fastcgi_temp_path {tmp_path}/fastcgi;
    uwsgi_temp_path {tmp_path}/uwsgi;
    scgi_temp_path {tmp_path}/scgi;
    include {tmp_path}/site.conf;
}}
""", encoding="utf-8")
    args = [binary, "-p", str(tmp_path), "-c", str(tmp_path / "nginx.conf")]
    env = {k: v for k, v in os.environ.items() if k != "NGINX"}  # nginx reads inherited sockets from $NGINX
    test = subprocess.run(args + ["-t"], capture_output=True, text=True, env=env)
    assert test.returncode == 0, test.stderr
    proc = subprocess.Popen(args, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, env=env)
    deadline = time.monotonic() + 10
    while time.monotonic() < deadline:
        try:
            socket.create_connection(("127.0.0.1", port), timeout=0.2).close()
            break
        except OSError:
            time.sleep(0.05)
    yield port
    proc.terminate()
    proc.wait(10)
    upstream.close()


def _request(port: int, method: str, path: str, length: int = 0) -> tuple[int, str, str]:
    """Status, content type and body. A large body is only announced: nginx refuses it by its
    Content-Length, before reading it."""
    context = ssl.create_default_context()
    context.check_hostname = False
    context.verify_mode = ssl.CERT_NONE
    conn = http.client.HTTPSConnection("127.0.0.1", port, context=context, timeout=10)
    conn.putrequest(method, path, skip_host=True)
    conn.putheader("Host", "talent.example.gov.cn")
    if method == "POST":
        conn.putheader("Content-Length", str(length))
        conn.putheader("Content-Type", "multipart/form-data; boundary=x")
    conn.endheaders(b"x" * length if length <= 1024 else None)  # a large one only announced
    res = conn.getresponse()
    body = res.read().decode("utf-8")
    conn.close()
    return res.status, res.getheader("Content-Type", ""), body


def test_nginx_serves_its_refusals_in_chinese(nginx):
    mb = load_config().ingest.max_file_mb
    status, ctype, body = _request(nginx, "POST", "/admin/docs/upload", 30 * 1024 * 1024)
    assert status == 413 and ctype.startswith("text/html") and "utf-8" in ctype
    assert messages.UPLOAD_TOO_LARGE.format(mb=f"{mb:g}") in body and 'href="/admin/docs"' in body

    status, ctype, body = _request(nginx, "POST", "/admin/faq", 2 * 1024 * 1024)
    assert status == 413 and messages.TOO_LARGE in body and "<html" in body

    status, ctype, body = _request(nginx, "POST", "/api/chat", 200 * 1024)
    assert status == 413 and ctype.startswith("application/json")
    assert json.loads(body) == {"error": messages.TOO_LARGE}

    status, ctype, body = _request(nginx, "GET", "/chat")  # the app is down
    assert status == 502 and "系统正在重启或暂时繁忙" in body
    status, ctype, body = _request(nginx, "POST", "/api/chat", 10)
    assert status == 502 and json.loads(body) == {"error": messages.BUSY}
    status, ctype, body = _request(nginx, "GET", "/api/stall")  # the app does not answer in time
    assert status == 504 and json.loads(body) == {"error": messages.BUSY}

    status, _, _ = _request(nginx, "GET", "/_errors/413.html")  # the pages are nginx's alone
    assert status == 404
