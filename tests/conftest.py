"""Test session set-up: builds that use the default parse cache get a private one, not ~/.cache."""

from __future__ import annotations

import os
from collections.abc import Iterator

import pytest


@pytest.fixture(scope="session", autouse=True)
def private_parse_cache(tmp_path_factory: pytest.TempPathFactory) -> Iterator[None]:
    before = os.environ.get("POLICY_CORPUS_CACHE")
    os.environ["POLICY_CORPUS_CACHE"] = str(tmp_path_factory.mktemp("parse-cache"))
    yield
    if before is None:
        os.environ.pop("POLICY_CORPUS_CACHE", None)
    else:
        os.environ["POLICY_CORPUS_CACHE"] = before
