"""Stage 1: raw bytes to text. Only this module and `write` touch files."""

from __future__ import annotations

import codecs
import hashlib
import re
import stat
from dataclasses import dataclass
from pathlib import Path

from .errors import ParseError

#: Raw files larger than this are refused: no article of the genre comes near it.
MAX_BYTES = 5 * 1024 * 1024
#: Legacy encodings of Chinese pages; GB18030 is a superset of GBK and GB2312.
LEGACY_ENCODINGS = ("gb18030", "big5")
_CONTROLS = re.compile(r"[\x00-\x08\x0b-\x1f]")


@dataclass(frozen=True)
class RawDoc:
    """A decoded raw file."""

    id: str
    text: str
    sha256: str


def decode(data: bytes, file: str | None = None) -> str:
    """Decode raw bytes; a BOM wins, then strict UTF-8, then the Chinese legacy encodings."""
    if not data.strip():
        raise ParseError("read", "empty file", file)
    if len(data) > MAX_BYTES:
        raise ParseError("read", f"file larger than {MAX_BYTES} bytes", file)
    for bom, enc in ((codecs.BOM_UTF8, "utf-8-sig"), (codecs.BOM_UTF16_LE, "utf-16"), (codecs.BOM_UTF16_BE, "utf-16")):
        if data.startswith(bom):
            try:
                return _clean(data.decode(enc), file)
            except UnicodeDecodeError as exc:
                raise ParseError("read", f"invalid {enc}: {exc.reason}", file) from None
    if b"\x00" in data:
        raise ParseError("read", "binary file (NUL bytes)", file)
    try:
        return _clean(data.decode("utf-8"), file)
    except UnicodeDecodeError:
        pass
    enc = _legacy_encoding(data)
    if enc is None:
        raise ParseError("read", "undecodable: not UTF-8, UTF-16, GB18030 or Big5", file)
    return _clean(data.decode(enc), file)


def _legacy_encoding(data: bytes) -> str | None:
    """GB18030 or Big5, chosen by charset-normalizer among these two only.

    Both decode many of each other's byte strings without error, so a try-in-order chain would
    always answer the first; charset-normalizer scores how Chinese each decoding looks.
    """
    from charset_normalizer import from_bytes

    best = from_bytes(data, cp_isolation=list(LEGACY_ENCODINGS)).best()
    if best is None:
        return None
    try:
        data.decode(best.encoding)
    except UnicodeDecodeError:
        return None
    return best.encoding


def _clean(text: str, file: str | None) -> str:
    """Unify line ends and refuse text that is mostly control characters."""
    text = text.replace("\r\n", "\n").replace("\r", "\n")
    controls = len(_CONTROLS.findall(text))
    if controls > max(8, len(text) // 100):
        raise ParseError("read", "binary file (control characters)", file)
    return text


def read_bytes(data: bytes, id: str, sha256: str | None = None) -> RawDoc:
    """Turn bytes already in memory into a RawDoc (`sha256` if the caller has hashed them already)."""
    return RawDoc(id=id, text=decode(data, id), sha256=sha256 or hashlib.sha256(data).hexdigest())


def list_raw(raw_dir: Path) -> list[Path]:
    """The raw files of a folder in id order (links included, so `read_raw` can refuse them)."""
    return sorted((p for p in raw_dir.iterdir() if p.suffix == ".txt"), key=lambda p: p.stem)


def read_raw(path: Path, root: Path) -> bytes:
    """The bytes of one raw file, refusing symlinks, paths that leave `root` and oversized files."""
    st = path.lstat()
    if stat.S_ISLNK(st.st_mode) or path.parent != root:
        raise ParseError("read", "path leaves the raw folder or is a symlink", path.name)
    if not stat.S_ISREG(st.st_mode):
        raise ParseError("read", "not a regular file", path.name)
    if st.st_size > MAX_BYTES:
        raise ParseError("read", f"file larger than {MAX_BYTES} bytes", path.name)
    return path.read_bytes()


def read_file(path: Path, root: Path) -> RawDoc:
    """Read and decode one raw file (see `read_raw` for what is refused)."""
    return read_bytes(read_raw(path, root), path.stem)
