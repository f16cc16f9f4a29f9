"""A local HTTP server on loopback that misbehaves on demand, for the fault-matrix tests.

`FaultServer.mode` picks the answer to every request (whatever the path): a real payload, a
timeout, an HTTP status with Retry-After, an HTML page, a body cut short, a gzip bomb, an
oversized body, or a trickle of bytes (in the body, or in the status line and headers). `requests` logs each request line it received.
"""

from __future__ import annotations

import gzip
import threading
import time
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

HTML = b"<!DOCTYPE html><html><head><title>Service unavailable</title></head><body>Back soon</body></html>"


def gzip_bomb(inflated: int) -> bytes:
    """A small gzip body (zeros compress ~1000:1) that inflates to `inflated` bytes."""
    block = b"0" * 1_000_000
    out = gzip.compress(block * (inflated // len(block)), compresslevel=9)
    return out


class _Handler(BaseHTTPRequestHandler):
    server: "FaultServer"

    def log_message(self, *args) -> None:  # keep test output quiet
        pass

    def do_CONNECT(self) -> None:  # noqa: N802 - http.server's naming
        self.server.requests.append(f"CONNECT {self.path}")
        self.send_response(502)
        self.end_headers()

    def do_GET(self) -> None:  # noqa: N802
        server = self.server
        server.requests.append(f"GET {self.path}")
        server.headers.append(dict(self.headers))
        mode, body = server.mode, server.body
        try:
            if mode == "ok":
                self._answer(200, body, "text/csv")
            elif mode == "gzip":
                self._answer(200, gzip.compress(body), "text/csv", {"Content-Encoding": "gzip"})
            elif mode == "timeout":
                time.sleep(server.stall)
                self._answer(200, body, "text/csv")
            elif mode in ("500", "429"):
                self._answer(int(mode), b"busy", "text/plain", {"Retry-After": "1"})
            elif mode == "429-long":  # a server asking for an hour's wait
                self._answer(429, b"slow down", "text/plain", {"Retry-After": "3600"})
            elif mode == "html":
                self._answer(200, HTML, "text/html")
            elif mode == "truncated":
                self.send_response(200)
                self.send_header("Content-Type", "text/csv")
                self.send_header("Content-Length", str(len(body)))
                self.end_headers()
                self.wfile.write(body[: len(body) // 2])
                self.wfile.flush()
                self.close_connection = True
            elif mode == "gzip-bomb":
                self._answer(200, server.bomb, "text/csv", {"Content-Encoding": "gzip"})
            elif mode == "oversized":
                self._answer(200, body * (server.oversize // max(len(body), 1) + 1), "text/csv")
            elif mode == "trickle":
                self.send_response(200)
                self.send_header("Content-Type", "text/csv")
                self.send_header("Content-Length", str(len(body)))
                self.end_headers()
                for i in range(len(body)):
                    if server.stopping.is_set():
                        break
                    self.wfile.write(body[i : i + 1])
                    self.wfile.flush()
                    time.sleep(server.drip)
            elif mode == "header-trickle":
                head = b"HTTP/1.1 200 OK\r\nContent-Type: text/csv\r\nX-Padding: " + b"x" * 400
                server.head_sent, server.head_size = 0, len(head)
                for i in range(len(head)):
                    if server.stopping.is_set():
                        break
                    self.wfile.write(head[i : i + 1])
                    self.wfile.flush()
                    server.head_sent = i + 1
                    time.sleep(server.drip)
                self.close_connection = True
            elif mode == "echo-key":
                key = self.headers.get("Ocp-Apim-Subscription-Key", "")
                text = (f'{{"statusCode": 401, "message": "Access denied due to invalid subscription key '
                        f'{key}. Request: {self.path}&subscription-key={key}"}}').encode()
                self._answer(401, text, "application/json")
            elif mode == "echo-key-200":
                key = self.headers.get("Ocp-Apim-Subscription-Key", "")
                text = f'{{"elapsedTime": "0", "count": 0, "data": [], "error": "invalid key {key}"}}'.encode()
                self._answer(200, text, "application/json")
            else:
                self._answer(404, b"unknown mode", "text/plain")
        except (BrokenPipeError, ConnectionResetError):
            pass

    def _answer(self, status: int, body: bytes, content_type: str, headers: dict | None = None) -> None:
        self.send_response(status)
        self.send_header("Content-Type", content_type)
        self.send_header("Content-Length", str(len(body)))
        for name, value in (headers or {}).items():
            self.send_header(name, value)
        self.end_headers()
        self.wfile.write(body)


class FaultServer(ThreadingHTTPServer):
    daemon_threads = True

    def __init__(self):
        super().__init__(("127.0.0.1", 0), _Handler)
        self.mode = "ok"
        self.body = b""
        self.stall = 1.5  # seconds a "timeout" answer waits before its headers
        self.drip = 0.05  # seconds between the bytes of a "trickle"
        self.oversize = 2_000_000
        self.bomb = b""
        self.head_sent = self.head_size = 0  # bytes of a "header-trickle" head written, of how many
        self.requests: list[str] = []
        self.headers: list[dict] = []
        self.stopping = threading.Event()
        self._thread = threading.Thread(target=self.serve_forever, daemon=True)

    @property
    def url(self) -> str:
        return f"http://127.0.0.1:{self.server_address[1]}"

    def __enter__(self) -> "FaultServer":
        self._thread.start()
        return self

    def __exit__(self, *exc) -> None:
        self.stopping.set()
        self.shutdown()
        self.server_close()
