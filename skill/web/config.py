"""Settings, read from the environment once and checked before serving."""

from __future__ import annotations

import ipaddress
import os
import sys
from collections.abc import Iterable, Mapping
from dataclasses import dataclass

from skill.settings import expected_skill_id


class ConfigError(ValueError):
    """A setting is missing or makes no sense; the server must not start."""


def _flag(value: str | None, default: bool) -> bool:
    if value is None or value.strip() == "":
        return default
    lowered = value.strip().lower()
    if lowered in ("1", "true", "yes", "on"):
        return True
    if lowered in ("0", "false", "no", "off"):
        return False
    raise ConfigError(f"not a yes/no value: {value!r}")


def _integer(name: str, value: str | None, default: int) -> int:
    if value is None or value.strip() == "":
        return default
    try:
        return int(value)
    except ValueError:
        raise ConfigError(f"{name} must be a whole number") from None


def bind_address(environ: Mapping[str, str]) -> str:
    """Where gunicorn listens: $BIND, else 127.0.0.1:$PORT."""
    return (environ.get("BIND") or "").strip() or f"127.0.0.1:{_integer('PORT', environ.get('PORT'), 8080)}"


def verification_on(environ: Mapping[str, str]) -> bool:
    return _flag(environ.get("ALEXA_VERIFY"), True)


def is_loopback(bind: str) -> bool:
    """Whether a gunicorn bind address ("host:port", "[::1]:port", "host") listens on loopback only."""
    if bind.startswith("["):
        host = bind[1 : bind.find("]")]
    elif bind.startswith(("unix:", "fd://")):
        return False  # whatever fronts a socket file may reach it from anywhere
    else:
        host = bind.rpartition(":")[0] if ":" in bind else bind
    if host == "localhost":
        return True
    try:
        return ipaddress.ip_address(host).is_loopback
    except ValueError:
        return False  # "" and "0.0.0.0" mean every interface; a name may resolve anywhere


def refuse_unverified_exposure(binds: Iterable[str], verify: bool) -> None:
    """Unsigned requests are accepted only from this machine: ALEXA_VERIFY=0 binds loopback or nothing."""
    exposed = [bind for bind in binds if not is_loopback(bind)]
    if not verify and exposed:
        raise ConfigError(
            f"ALEXA_VERIFY=0 is allowed only on loopback (BIND=127.0.0.1:PORT), not on {', '.join(exposed)}"
        )


@dataclass(frozen=True)
class Config:
    skill_id: str | None = None
    verify: bool = True  # off only for local testing, and only on loopback
    port: int = 8080
    bind: str = "127.0.0.1:8080"  # where gunicorn listens (BIND); skill/web/gunicorn_conf.py reads it here
    trust_roots: str | None = None  # PEM bundle path; None means certifi's roots
    allow_legacy_sha1: bool = False  # accept the old SHA-1 "Signature" header
    max_body_bytes: int = 128 * 1024  # Alexa requests are a few KB

    def __post_init__(self) -> None:
        if self.verify and not self.skill_id:
            raise ConfigError("ALEXA_SKILL_ID is required while verification is on (ALEXA_VERIFY=1)")
        if not 0 < self.port < 65536:
            raise ConfigError("PORT must be between 1 and 65535")
        if self.max_body_bytes < 1024:
            raise ConfigError("ALEXA_MAX_BODY_BYTES must be at least 1024")
        refuse_unverified_exposure([self.bind], self.verify)

    @classmethod
    def from_env(cls, environ: Mapping[str, str] | None = None) -> Config:
        env = os.environ if environ is None else environ
        return cls(
            skill_id=expected_skill_id(env),
            verify=verification_on(env),
            port=_integer("PORT", env.get("PORT"), 8080),
            bind=bind_address(env),
            trust_roots=env.get("ALEXA_TRUST_ROOTS") or None,
            allow_legacy_sha1=_flag(env.get("ALEXA_ALLOW_SHA1"), False),
            max_body_bytes=_integer("ALEXA_MAX_BODY_BYTES", env.get("ALEXA_MAX_BODY_BYTES"), 128 * 1024),
        )


def main() -> int:
    """`python -m skill.web.config`: check the settings before a server starts."""
    try:
        Config.from_env()
    except ConfigError as error:
        print(f"Configuration error: {error}. See README.md, 'Settings'.", file=sys.stderr)
        return 2
    return 0


if __name__ == "__main__":
    sys.exit(main())
