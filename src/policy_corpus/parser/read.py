"""Stage 1: raw bytes to text. Only this module and `write` touch files."""

from __future__ import annotations

import codecs
import hashlib
import os
import re
import stat
from dataclasses import dataclass
from pathlib import Path

from ..errors import ParseError
from .patterns import han_count

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
    # UTF-16 that lost its BOM: NUL bytes (ASCII in it) or bytes that are not UTF-8 (all Han)
    if b"\x00" in data:
        utf16 = _utf16_without_bom(data, han_share=0.0)  # NULs: ASCII in UTF-16, Chinese or not
        if utf16 is None:
            raise ParseError("read", "binary file (NUL bytes)", file)
        return _clean(utf16, file)
    try:
        return _clean(data.decode("utf-8"), file)
    except UnicodeDecodeError:
        pass
    utf16 = _utf16_without_bom(data)
    if utf16 is not None:
        return _clean(utf16, file)
    enc = _legacy_encoding(data)
    if enc is None:
        raise ParseError("read", "undecodable: not UTF-8, UTF-16, GB18030 or Big5", file)
    return _clean(data.decode(enc), file)


#: Share of a UTF-16 decoding that must be Han, ASCII text or CJK punctuation to be taken.
UTF16_TEXT_SHARE = 0.9
_TEXTLIKE = re.compile(r"[\t\n\r\x20-\x7e\u3000-\u303f\u3400-\u4dbf\u4e00-\u9fff\uff00-\uffef\u2010-\u201f\u00b7]")


def _utf16_without_bom(data: bytes, han_share: float = 0.2) -> str | None:
    """The text of UTF-16 bytes that lost their BOM, or None.

    Only bytes whose decoding (little- or big-endian) is almost all Han, ASCII text and CJK
    punctuation qualify, with at least `han_share` of Han where no NUL byte shows ASCII in UTF-16:
    legacy GB or Big5 bytes read as UTF-16 land in Hangul, surrogates and private use, and UTF-8
    Chinese in random planes, far below that share.
    """
    if len(data) < 4:
        return None
    data = data[: len(data) // 2 * 2]  # a file cut after an odd byte loses only that byte
    sample = data[: 64 * 1024]
    for enc in ("utf-16-le", "utf-16-be"):
        try:
            text = sample.decode(enc)
        except UnicodeDecodeError:
            continue
        if len(_TEXTLIKE.findall(text)) >= UTF16_TEXT_SHARE * len(text) and han_count(text) >= han_share * len(text):
            try:
                return data.decode(enc)
            except UnicodeDecodeError:
                return None
    return None


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


#: Longest file name (in UTF-8 bytes) whose stem becomes an id.
MAX_NAME_BYTES = 200


def display_name(name: str) -> str:
    """A file name as reports can print it: undecodable bytes and control characters escaped."""
    if any("\udc80" <= c <= "\udcff" for c in name):
        name = os.fsencode(name).decode("utf-8", "backslashreplace")
    return "".join(c if c.isprintable() else f"\\u{ord(c):04x}" for c in name)


def check_name(name: str) -> None:
    """ParseError unless a raw file's name gives a usable id: decodable, printable, no path parts."""
    try:
        size = len(name.encode("utf-8"))
    except UnicodeEncodeError:
        raise ParseError("read", "file name is not valid UTF-8 (undecodable bytes)", display_name(name)) from None
    stem = name[:-4] if name.endswith(".txt") else name
    if not stem or not stem.isprintable() or stem != stem.strip():
        raise ParseError("read", "file name has control characters, blanks at its ends, or no stem", display_name(name))
    if "/" in stem or "\\" in stem or ".." in stem:
        raise ParseError("read", "file name holds a path separator or '..'", display_name(name))
    if size > MAX_NAME_BYTES:
        raise ParseError("read", f"file name longer than {MAX_NAME_BYTES} bytes", display_name(name))


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
