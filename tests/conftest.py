"""Test session set-up: builds that use the default parse cache get a private one, not ~/.cache."""

from __future__ import annotations

import os
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest


def tree(folder: Path) -> dict[str, bytes]:
    """Every file below a folder, by relative path: two builds are equal when their trees are."""
    return {str(p.relative_to(folder)): p.read_bytes() for p in sorted(folder.rglob("*")) if p.is_file()}


@pytest.fixture(name="tree")
def tree_fixture() -> Callable[[Path], dict[str, bytes]]:
    return tree


@pytest.fixture(scope="session", autouse=True)
def private_parse_cache(tmp_path_factory: pytest.TempPathFactory) -> Iterator[None]:
    before = os.environ.get("POLICY_CORPUS_CACHE")
    os.environ["POLICY_CORPUS_CACHE"] = str(tmp_path_factory.mktemp("parse-cache"))
    yield
    if before is None:
        os.environ.pop("POLICY_CORPUS_CACHE", None)
    else:
        os.environ["POLICY_CORPUS_CACHE"] = before
