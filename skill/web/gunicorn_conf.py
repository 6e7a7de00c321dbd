"""gunicorn settings for `make run` and the Docker image."""

import os

# Loopback by default; BIND overrides it (the benchmarks and tests use it).
# The Docker image passes --bind 0.0.0.0:$PORT on the command line instead.
bind = os.environ.get("BIND", f"127.0.0.1:{os.environ.get('PORT', '8080')}")
workers = int(os.environ.get("WEB_CONCURRENCY", "2"))
worker_class = "gthread"
threads = int(os.environ.get("THREADS", "4"))
# Load the skill once in the master so workers fork with it ready.
preload_app = True
timeout = 30
# On SIGTERM, in-flight requests get this long to finish.
graceful_timeout = 20
keepalive = 5
# The app writes its own one-line-per-request log without personal data.
accesslog = None
errorlog = "-"
