"""One POST /alexa straight into a WSGI app: no HTTP server, no test client."""

from __future__ import annotations

import io


def environ(body: bytes, headers: dict[str, str]) -> dict:
    env = {
        "REQUEST_METHOD": "POST",
        "PATH_INFO": "/alexa",
        "SCRIPT_NAME": "",
        "QUERY_STRING": "",
        "SERVER_NAME": "127.0.0.1",
        "SERVER_PORT": "8080",
        "SERVER_PROTOCOL": "HTTP/1.1",
        "CONTENT_TYPE": "application/json",
        "CONTENT_LENGTH": str(len(body)),
        "wsgi.input": io.BytesIO(body),
        "wsgi.url_scheme": "http",
        "wsgi.errors": io.StringIO(),
        "wsgi.multithread": True,
        "wsgi.multiprocess": True,
        "wsgi.run_once": False,
    }
    env.update({"HTTP_" + k.upper().replace("-", "_"): v for k, v in headers.items()})
    return env


def post(app, body: bytes, headers: dict[str, str] | None = None) -> bytes:
    """The answer's body; raises unless the status is 200."""
    statuses = []
    answer = b"".join(app(environ(body, headers or {}), lambda status, _: statuses.append(status)))
    if not statuses[0].startswith("200"):
        raise RuntimeError(f"{statuses[0]}: {answer[:200]!r}")
    return answer
