"""Fixtures only: the app, a test client, a conversation, the article, a local CA.

Helpers the tests import (request builders, Conversation, identities) live in
tests/helpers.py.
"""

from __future__ import annotations

import pytest
from helpers import ARTICLE, SKILL_ID, Conversation

from skill.web.app import create_app
from skill.web.config import Config
from tooling.local_ca import LocalAlexaCA


@pytest.fixture
def app():
    return create_app(Config(skill_id=SKILL_ID, verify=False))


@pytest.fixture
def client(app):
    return app.test_client()


@pytest.fixture
def chat(client):
    return Conversation(client)


@pytest.fixture(scope="session")
def article() -> str:
    if not ARTICLE.exists():
        pytest.skip(f"source article not found at {ARTICLE} (../shared is absent)")
    return ARTICLE.read_text(encoding="utf-8")


@pytest.fixture(scope="session")
def local_ca():
    """A local stand-in for Amazon's signing PKI, valid now (see tooling/local_ca.py)."""
    return LocalAlexaCA.create()
