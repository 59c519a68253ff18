"""The output folder: replaced whole, and only when everything in it is what a build wrote.

A build writes its corpus into a staging folder beside the output, lists every file in a
manifest, and swaps it in with two renames recorded in a journal. Whatever point a crash
interrupts, the old or the new complete corpus stays on disk, and the next build completes or
rolls back the swap before it starts. Nothing is ever deleted or moved that a build did not
write: a folder holding any other file is refused, before any parsing.

Beside the output live only this build's own transient folders (`.NAME.build-*`,
`.NAME.spool-*`, `.NAME.replaced-*`) and the journal `.NAME.swap.json`; a lock on the parent
folder keeps two builds from writing the same output at once.
"""

from __future__ import annotations

import contextlib
import glob
import hashlib
import json
import os
import re
import shutil
import tempfile
from collections.abc import Iterator
from pathlib import Path

#: Lists every file of a corpus folder (relative path, size, SHA-256); written last, so a
#: staging folder with a manifest is complete.
MANIFEST = "build_manifest.json"
#: Files of a corpus folder written before manifests existed.
_LEGACY = re.compile(r"(?:README\.md|LICENSE\.md|croissant\.json|articles_by_province_and_year\.png|build_report\.json|rejects\.jsonl"
                     r"|data/(?:articles|sections)/train-\d{5}-of-\d{5}\.parquet)")


class OutputError(ValueError):
    """The output folder cannot be replaced without harm."""


#: A file in each staging folder and spool a build makes: only folders holding it are swept as stale.
MARKER = ".policy-corpus-transient"
#: The random part of a `tempfile.mkdtemp` name.
_TMP_SUFFIX = r"[a-z0-9_]{8}"


def _names(out: Path) -> dict[str, str]:
    """Prefixes of the transient folders and the journal of one output folder."""
    base = f".{out.name}"
    return {"build": f"{base}.build-", "spool": f"{base}.spool-", "old": f"{base}.replaced-", "journal": f"{base}.swap.json"}


def check_target(out: Path) -> None:
    """Refuse, before any work, an output that is not a folder a build may replace."""
    if out.is_symlink():
        raise OutputError(f"--out {out} is a symlink: give the folder itself")
    if out.exists() and not out.is_dir():
        raise OutputError(f"--out {out} is a file, not a folder")
    resolved = out.resolve()
    cwd = Path.cwd().resolve()
    if resolved == cwd or resolved in cwd.parents:
        raise OutputError(f"--out {out} is the current folder or holds it: give a folder of its own")
    if resolved == Path.home().resolve() or resolved.parent == resolved:
        raise OutputError(f"--out {out} is the home or root folder: give a folder of its own")
    if out.is_dir():
        foreign = foreign_files(out)
        if foreign:
            more = f" and {len(foreign) - 3} more" if len(foreign) > 3 else ""
            raise OutputError(f"{out} holds files a build did not write ({', '.join(foreign[:3])}{more}): refusing to replace it")


def _tree(folder: Path) -> dict[str, int] | None:
    """Relative path → size of every file under `folder`; None if it holds a link or a special file."""
    files: dict[str, int] = {}
    for root, dirs, names in os.walk(folder, followlinks=False):
        for name in [*dirs, *names]:
            path = Path(root) / name
            if path.is_symlink() or not (path.is_dir() or path.is_file()):
                return None
        for name in names:
            path = Path(root) / name
            files[path.relative_to(folder).as_posix()] = path.stat().st_size
    return files


def foreign_files(out: Path) -> list[str]:
    """Files under `out` that its manifest does not list as they are (size and SHA-256), or, for an
    older corpus without a manifest, that are not of the corpus layout."""
    files = _tree(out)
    if files is None:
        return ["a symlink or special file"]
    if not files:
        return []
    listed = read_manifest(out)
    if listed is None:  # a corpus written before manifests: its layout, and a build report
        if "build_report.json" not in files:
            return sorted(files)
        return sorted(f for f in files if not _LEGACY.fullmatch(f))
    return sorted(f for f, size in files.items()
                  if f != MANIFEST and (f not in listed or listed[f][0] != size or _sha256(out / f) != listed[f][1]))


def _sha256(path: Path) -> str:
    h = hashlib.sha256()
    with open(path, "rb") as f:
        for block in iter(lambda: f.read(1 << 20), b""):
            h.update(block)
    return h.hexdigest()


def read_manifest(folder: Path) -> dict[str, tuple[int, str]] | None:
    """Relative path → (size, SHA-256) from a folder's manifest; None if it has none or it is unreadable."""
    try:
        data = json.loads((folder / MANIFEST).read_text(encoding="utf-8"))
        return {str(f["path"]): (int(f["size"]), str(f["sha256"])) for f in data["files"]}
    except (OSError, ValueError, KeyError, TypeError):
        return None


def write_manifest(folder: Path) -> None:
    """List every file of a finished corpus folder (sorted, so the manifest is reproducible)."""
    entries = []
    for rel, size in sorted((_tree(folder) or {}).items()):
        if rel != MANIFEST:
            entries.append({"path": rel, "size": size, "sha256": _sha256(folder / rel)})
    text = json.dumps({"files": entries}, ensure_ascii=False, indent=1) + "\n"
    (folder / MANIFEST).write_text(text, encoding="utf-8")


@contextlib.contextmanager
def locked(out: Path) -> Iterator[None]:
    """Hold an exclusive lock on the output's parent folder; OutputError if another build holds it."""
    try:
        import fcntl
    except ImportError:  # no flock on this platform: builds into one folder must not overlap
        yield
        return
    fd = os.open(out.parent, os.O_RDONLY)
    try:
        try:
            fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
        except BlockingIOError:
            raise OutputError(f"another build is writing into {out.parent}: wait for it to finish") from None
        yield
    finally:
        os.close(fd)  # releases the lock


def recover(out: Path) -> list[str]:
    """Complete or roll back a swap a crash interrupted; remove this output's stale transient folders.

    Runs with the lock held, so no other build is using them. Returns what it did, for the report.
    """
    n = _names(out)
    parent = out.parent
    done: list[str] = []
    journal = parent / n["journal"]
    if journal.is_file() and not journal.is_symlink():
        try:
            j = json.loads(journal.read_text(encoding="utf-8"))
            new, old = str(j["new"]), str(j["old"])
        except (OSError, ValueError, KeyError, TypeError):
            new = old = ""
        ours = all(re.fullmatch(re.escape(p) + _TMP_SUFFIX, v) for p, v in ((n["build"], new), (n["old"], old)))
        if ours:
            new_dir, old_dir = parent / new, parent / old
            real_new = new_dir.is_dir() and not new_dir.is_symlink()
            real_old = old_dir.is_dir() and not old_dir.is_symlink()
            if not out.exists() and not out.is_symlink():
                if real_new and (new_dir / MANIFEST).is_file():
                    os.rename(new_dir, out)
                    done.append(f"completed an interrupted swap into {out}")
                elif real_old:
                    os.rename(old_dir, out)
                    done.append(f"rolled back an interrupted swap of {out}")
            if real_old and out.is_dir() and not foreign_files(old_dir):
                shutil.rmtree(old_dir)
                done.append(f"removed the corpus an interrupted swap had replaced ({old})")
        journal.unlink()
    journal.with_name(journal.name + ".part").unlink(missing_ok=True)
    for prefix in (n["build"], n["spool"], n["old"]):
        for path in parent.glob(glob.escape(prefix) + "*"):
            if not re.fullmatch(re.escape(prefix) + _TMP_SUFFIX, path.name) or path.is_symlink() or not path.is_dir():
                continue
            if prefix == n["old"]:  # a replaced corpus: only once the output is back, and only as a build wrote it
                ours = out.is_dir() and read_manifest(path) is not None and not foreign_files(path)
            else:  # a staging folder or spool: marked, or a finished corpus (manifest, nothing else)
                ours = (path / MARKER).is_file() or (read_manifest(path) is not None and not foreign_files(path))
            if ours:
                shutil.rmtree(path, ignore_errors=True)
                done.append(f"removed stale {path.name}")
    return done


def spool_dir(out: Path) -> Path:
    """A private folder beside the output for a cache-less build's spool (removed by the build or by the next one)."""
    folder = Path(tempfile.mkdtemp(prefix=_names(out)["spool"], dir=out.parent))
    (folder / MARKER).touch()
    return folder


@contextlib.contextmanager
def staged(out: Path) -> Iterator[Path]:
    """A staging folder beside `out` that replaces it only if the block completes.

    The swap: write the manifest (the staging folder is now complete), record both folder
    names in the journal, rename the old corpus aside under a unique name, rename the new one in,
    delete the old one, delete the journal.
    """
    n = _names(out)
    tmp = Path(tempfile.mkdtemp(prefix=n["build"], dir=out.parent))
    os.chmod(tmp, 0o755)  # mkdtemp's 0700 would make the published folder private
    (tmp / MARKER).touch()  # removed before the swap: a stale staging folder is known by it
    journal = out.parent / n["journal"]
    swapping = False
    try:
        yield tmp
        (tmp / MARKER).unlink()
        write_manifest(tmp)
        if out.exists():
            foreign = foreign_files(out)  # again: files may have been added to it while this build ran
            if foreign:
                raise OutputError(f"{out} gained files a build did not write while this build ran ({', '.join(foreign[:3])}): not replaced")
            old = Path(tempfile.mkdtemp(prefix=n["old"], dir=out.parent))  # a unique name, never a user's `*.old`
            os.rmdir(old)
            _write_atomic(journal, json.dumps({"new": tmp.name, "old": old.name}))
            swapping = True
            os.rename(out, old)
            os.rename(tmp, out)
            shutil.rmtree(old)
            journal.unlink()
        else:
            os.rename(tmp, out)
    finally:
        if swapping and journal.exists():  # the swap failed half-way: finish or undo it now
            with contextlib.suppress(OSError):
                recover(out)
        elif tmp.exists():
            shutil.rmtree(tmp, ignore_errors=True)


def _write_atomic(path: Path, text: str) -> None:
    part = path.with_name(path.name + ".part")
    with open(part, "w", encoding="utf-8") as f:
        f.write(text)
        f.flush()
        os.fsync(f.fileno())
    os.replace(part, path)
