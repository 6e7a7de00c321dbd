"""gunicorn settings for `make run` and the Docker image."""

import os

from skill.web.config import ConfigError, bind_address, refuse_unverified_exposure, verification_on

# Loopback by default; BIND overrides it (the Docker image, the benchmarks and tests set it).
bind = bind_address(os.environ)
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


def on_starting(server) -> None:
    """Refuse to start with verification off anywhere but loopback, even when --bind overrode BIND."""
    try:
        refuse_unverified_exposure(server.cfg.bind, verification_on(os.environ))
    except ConfigError as error:
        raise RuntimeError(str(error)) from None  # gunicorn prints a RuntimeError and exits 1
