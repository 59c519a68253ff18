"""Hostile inputs and faults: no input stalls a build, no cache runs code, no build deletes what it did not write.

Times are CPU seconds measured by the parser itself (`Entry.seconds`), so a loaded machine
does not fail these tests; the figures for the closing note come from benchmarks/hostile.py.
"""

from __future__ import annotations

import json
import os
import pickle
import shutil
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest
from hostile_inputs import EXPECTED_REJECTS, battery

import policy_corpus
from policy_corpus import cache as C
from policy_corpus import jobs, outdir
from policy_corpus.cli import main

ROOT = Path(__file__).resolve().parents[1]
SEED = ROOT / "raw" / "000_dac59bbde87f66ac.txt"
GOLD = {g["id"]: g for g in json.loads((ROOT / "tests" / "gold_seeds.json").read_text(encoding="utf-8"))}
#: CPU seconds a hostile page may take in this test: five times the target of one second, so
#: only a pattern that grows without bound fails it.
BOUND = 5.0


def _build(raw: Path, out: Path, **kw: object) -> policy_corpus.Report:
    return policy_corpus.build(raw, out, workers=1, **kw)  # type: ignore[arg-type]


def _raw(tmp_path: Path, n: int = 5) -> Path:
    raw = tmp_path / "raw"
    raw.mkdir()
    for p in sorted((ROOT / "raw").glob("*.txt"))[:n]:
        shutil.copy(p, raw / p.name)
    return raw


# --- bounded parse time -----------------------------------------------------------------------

PAGES = battery()


@pytest.mark.parametrize("name", sorted(PAGES))
def test_every_hostile_page_ends_as_a_record_or_a_reject_in_bounded_time(name: str) -> None:
    jobs.warm_up()
    _, entry = jobs.parse_bytes(PAGES[name], name, limit=60)
    assert entry.status == EXPECTED_REJECTS.get(name, "ok"), entry.payload[:200]
    assert entry.seconds < BOUND, f"{name}: {entry.seconds:.2f} s of CPU"
    if entry.status == "ok":
        record = C.decode_record(entry.payload)
        assert record["sections"] and "image/png;base64" not in record["text"]


def test_a_base64_image_line_is_dropped_and_the_page_kept() -> None:
    _, entry = jobs.parse_bytes(PAGES["base64_40k"], "img", limit=60)
    record = C.decode_record(entry.payload)
    assert record["title"] == "某省网信办召开网络安全工作会议" and str(record["date"]) == "2023-05-06"
    assert all("base64" not in p for s in record["sections"] for p in s["paragraphs"])


def test_an_overrun_becomes_a_timeout_reject(monkeypatch: pytest.MonkeyPatch) -> None:
    import re

    def stuck(data: bytes, id: str, sha256: str | None = None) -> None:
        re.match(r"(a+)+$", "a" * 64 + "b")  # exponential backtracking: runs for hours unless stopped

    monkeypatch.setattr(jobs, "parse", stuck)
    started = time.monotonic()
    _, entry = jobs.parse_bytes(b"whatever", "stuck", limit=0.5)
    assert entry.status == jobs.TIMEOUT and entry.payload == b"parse took longer than 0.5 s of wall time; file skipped"
    assert time.monotonic() - started < 10


def test_a_slow_file_does_not_hold_the_build_and_is_not_cached(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    raw = _raw(tmp_path, 2)
    slow = sorted(raw.iterdir())[0].stem
    original = jobs.parse

    def parse(data: bytes, id: str, sha256: str | None = None) -> policy_corpus.Article:
        if id == slow:
            time.sleep(30)
        return original(data, id=id, sha256=sha256)

    monkeypatch.setattr(jobs, "parse", parse)
    cache = tmp_path / "cache"
    report = _build(raw, tmp_path / "out", time_limit=0.5, cache_dir=cache)
    assert report.rejects == [{"file": f"{slow}.txt", "stage": "timeout", "reason": "parse took longer than 0.5 s of wall time; file skipped"}]
    assert report.articles == 1
    again = _build(raw, tmp_path / "out", time_limit=0.5, cache_dir=cache)
    assert (again.parsed, again.from_cache) == (1, 1)  # the timeout was tried again, the record came from the cache


def test_the_cache_commits_while_parsing(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(C, "COMMIT_SECONDS", 0.0)
    cache = C.ParseCache(tmp_path / "c")
    _, entry = jobs.parse_bytes(SEED.read_bytes(), "x")
    cache.put("a" * 64, entry)
    other = C.ParseCache(tmp_path / "c")  # another connection sees it before any flush or close
    assert other.has("a" * 64)


# --- a cache that cannot run code ---------------------------------------------------------------

class _Exploit:
    def __reduce__(self) -> tuple:
        return (os.system, (f"touch {os.environ['EXPLOIT_MARK']}",))


def _plant(cache_dir: Path, mutate: object) -> None:
    """Rewrite every cached record payload with `mutate(record dict) -> bytes` (already encoded)."""
    db = C.ParseCache(cache_dir)
    rows = db.db.execute("SELECT sha256, payload FROM parsed WHERE status='ok'").fetchall()
    for sha, payload in rows:
        db.db.execute("UPDATE parsed SET payload=? WHERE sha256=?", (mutate(json.loads(C.decode(payload))), sha))  # type: ignore[operator]
    db.db.commit()
    db.close()


def test_a_planted_pickle_never_runs(tmp_path: Path, monkeypatch: pytest.MonkeyPatch, tree: object) -> None:
    raw, cache = _raw(tmp_path), tmp_path / "cache"
    _build(raw, tmp_path / "first", cache_dir=cache)
    mark = tmp_path / "pwned"
    monkeypatch.setenv("EXPLOIT_MARK", str(mark))
    _plant(cache, lambda rec: C.encode(pickle.dumps(_Exploit())))
    report = _build(raw, tmp_path / "second", cache_dir=cache)
    assert not mark.exists()
    assert (report.parsed, report.ok) == (5, True)  # every planted entry was refused and parsed again
    assert tree(tmp_path / "second") == tree(tmp_path / "first")  # type: ignore[operator]


@pytest.mark.parametrize("edit", ["boilerplate_title", "ancient_date", "unknown_field", "truncated"])
def test_an_edited_cache_record_never_reaches_the_output(tmp_path: Path, edit: str, tree: object) -> None:
    raw, cache = _raw(tmp_path), tmp_path / "cache"
    _build(raw, tmp_path / "first", cache_dir=cache)

    def mutate(rec: dict) -> bytes:
        if edit == "boilerplate_title":
            rec["title"] = "版权所有 某某网 责任编辑:某某"
        elif edit == "ancient_date":
            rec["date"], rec["time"], rec["published_at"] = "1066-10-14", None, None
        elif edit == "unknown_field":
            rec["__class__"] = "os.system"
        else:
            return C.encode(json.dumps(rec).encode()[:100])
        return C.encode(json.dumps(rec).encode())

    _plant(cache, mutate)
    report = _build(raw, tmp_path / "second", cache_dir=cache)
    assert report.parsed == 5 and report.ok
    assert tree(tmp_path / "second") == tree(tmp_path / "first")  # type: ignore[operator]
    titles = [r["title"] for r in policy_corpus.load(data_dir=tmp_path / "second").to_list()]
    assert titles == [GOLD[k]["title"] for k in sorted(GOLD)]


def _rows(cache_dir: Path) -> list[tuple]:
    db = C.ParseCache(cache_dir)
    rows = db.db.execute("SELECT sha256, status, digest FROM parsed ORDER BY sha256").fetchall()
    db.close()
    return rows


def _sql(cache_dir: Path, statement: str, *args: object) -> None:
    db = C.ParseCache(cache_dir)
    db.db.execute(statement, args)
    db.db.commit()
    db.close()


def test_a_planted_reject_cannot_remove_an_article(tmp_path: Path, tree: object) -> None:
    raw, cache = _raw(tmp_path), tmp_path / "cache"
    _build(raw, tmp_path / "first", cache_dir=cache)
    sha = _rows(cache)[0][0]
    _sql(cache, "UPDATE parsed SET status='legal', payload=?, digest=NULL, signature=NULL WHERE sha256=?", b"removed on request\xff", sha)
    report = _build(raw, tmp_path / "second", cache_dir=cache)
    assert report.ok and report.articles == 5 and report.parsed == 1
    assert tree(tmp_path / "second") == tree(tmp_path / "first")  # type: ignore[operator]


def test_duplicate_keys_and_records_must_belong_to_their_entry(tmp_path: Path, tree: object) -> None:
    raw, cache = _raw(tmp_path), tmp_path / "cache"
    _build(raw, tmp_path / "first", cache_dir=cache)
    rows = _rows(cache)
    _sql(cache, "UPDATE parsed SET digest=? WHERE sha256=?", rows[0][2], rows[1][0])  # another record's text digest
    payload = C.ParseCache(cache).payload(rows[2][0])
    _sql(cache, "UPDATE parsed SET payload=? WHERE sha256=?", payload, rows[3][0])  # another file's record
    report = _build(raw, tmp_path / "second", cache_dir=cache)
    assert report.ok and report.articles == 5 and report.parsed == 2
    assert tree(tmp_path / "second") == tree(tmp_path / "first")  # type: ignore[operator]


def test_a_damaged_cache_file_is_started_again(tmp_path: Path, tree: object) -> None:
    raw, cache = _raw(tmp_path, 2), tmp_path / "cache"
    _build(raw, tmp_path / "first", cache_dir=cache)
    for path in cache.glob("parsed-*.sqlite*"):
        path.write_bytes(b"this is not a database" * 100)
    report = _build(raw, tmp_path / "second", cache_dir=cache)
    assert report.ok and report.parsed == 2 and any("damaged" in r for r in report.recovered)
    assert tree(tmp_path / "second") == tree(tmp_path / "first")  # type: ignore[operator]


def test_the_cache_folder_is_private_and_shared_ones_are_refused(tmp_path: Path) -> None:
    made = C.ParseCache(tmp_path / "new" / "cache")
    assert (made.folder.stat().st_mode & 0o777) == 0o700 and (made.path.stat().st_mode & 0o777) == 0o600
    made.close()
    shared = tmp_path / "shared"
    shared.mkdir()
    shared.chmod(0o777)
    with pytest.raises(C.CacheError, match="writable by group or others"):
        C.ParseCache(shared)
    assert list(shared.iterdir()) == []


def test_a_cache_folder_of_another_user_is_refused(tmp_path: Path) -> None:
    if os.getuid() != 0:
        pytest.skip("only root can give a folder to another user")
    theirs = tmp_path / "theirs"
    theirs.mkdir(mode=0o700)
    os.chown(theirs, 4242, 4242)
    with pytest.raises(C.CacheError, match="belongs to another user"):
        C.ParseCache(theirs)


def test_the_cli_reports_an_unsafe_cache_in_one_line(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    shared = tmp_path / "shared"
    shared.mkdir()
    shared.chmod(0o775)
    code = main(["build", "--raw", str(_raw(tmp_path)), "--out", str(tmp_path / "out"), "--cache", str(shared), "--quiet"])
    err = capsys.readouterr().err
    assert code == 2 and err.count("\n") == 1 and "writable by group or others" in err
    assert not (tmp_path / "out").exists()


# --- output replacement that cannot hurt ------------------------------------------------------------

def test_a_sibling_old_folder_survives(tmp_path: Path) -> None:
    raw = _raw(tmp_path, 2)
    (tmp_path / "corpus.old").mkdir()
    (tmp_path / "corpus.old" / "mine.txt").write_text("keep me", encoding="utf-8")
    _build(raw, tmp_path / "corpus")
    _build(raw, tmp_path / "corpus")
    assert (tmp_path / "corpus.old" / "mine.txt").read_text(encoding="utf-8") == "keep me"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["corpus", "corpus.old", "raw"]


def test_a_folder_with_a_stray_report_is_not_wiped(tmp_path: Path) -> None:
    home = tmp_path / "home"
    (home / "docs").mkdir(parents=True)
    (home / "build_report.json").write_text("{}", encoding="utf-8")
    (home / ".bashrc").write_text("alias ll='ls -l'", encoding="utf-8")
    (home / "docs" / "notes.md").write_text("notes", encoding="utf-8")
    with pytest.raises(outdir.OutputError, match="holds files a build did not write"):
        _build(_raw(tmp_path, 1), home)
    assert sorted(str(p.relative_to(home)) for p in home.rglob("*")) == [".bashrc", "build_report.json", "docs", "docs/notes.md"]


def test_a_corpus_with_an_added_or_edited_file_is_not_replaced(tmp_path: Path) -> None:
    raw, out = _raw(tmp_path, 1), tmp_path / "out"
    _build(raw, out)
    (out / "my_analysis.ipynb").write_text("{}", encoding="utf-8")
    with pytest.raises(outdir.OutputError, match="my_analysis.ipynb"):
        _build(raw, out)
    (out / "my_analysis.ipynb").unlink()
    with open(out / "README.md", "a", encoding="utf-8") as f:
        f.write("my notes\n")
    with pytest.raises(outdir.OutputError, match="README.md"):
        _build(raw, out)
    assert (out / "README.md").read_text(encoding="utf-8").endswith("my notes\n")


def test_a_corpus_written_before_manifests_is_still_replaced(tmp_path: Path) -> None:
    raw, out = _raw(tmp_path, 1), tmp_path / "out"
    _build(raw, out)
    (out / outdir.MANIFEST).unlink()
    assert _build(raw, out).ok and (out / outdir.MANIFEST).is_file()


@pytest.mark.parametrize("kind", ["file", "symlink_to_folder", "symlink_to_file", "dot"])
def test_bad_out_is_refused_before_parsing(tmp_path: Path, kind: str, monkeypatch: pytest.MonkeyPatch) -> None:
    raw = _raw(tmp_path, 1)
    target = tmp_path / "target"
    if kind == "file":
        out = tmp_path / "notes.txt"
        out.write_text("mine", encoding="utf-8")
    elif kind == "dot":
        work = tmp_path / "work"
        work.mkdir()
        (work / "mine.txt").write_text("mine", encoding="utf-8")
        monkeypatch.chdir(work)
        out = Path(".")
    else:
        if kind == "symlink_to_folder":
            target.mkdir()
        else:
            target.write_text("mine", encoding="utf-8")
        out = tmp_path / "link"
        out.symlink_to(target)
    monkeypatch.setattr(jobs, "parse", lambda *a, **k: pytest.fail("parsed before refusing the output"))
    before = sorted(str(p) for p in tmp_path.rglob("*"))
    with pytest.raises(outdir.OutputError):
        _build(raw, out)
    assert sorted(str(p) for p in tmp_path.rglob("*")) == before


_CRASH = """
import os, shutil, sys
import policy_corpus
from policy_corpus import outdir
point, k = sys.argv[3], int(sys.argv[4])
calls = {"rename": 0, "rmtree": 0, "journal": 0}
real = {"rename": os.rename, "rmtree": shutil.rmtree, "journal": outdir._write_atomic}
def hook(name):
    def call(*a, **kw):
        calls[name] += 1
        if name == point and calls[name] == k:
            os._exit(9)  # a power cut: no finally, no clean-up
        return real[name](*a, **kw)
    return call
outdir.os.rename = hook("rename")
outdir.shutil.rmtree = hook("rmtree")
outdir._write_atomic = hook("journal")
policy_corpus.build(sys.argv[1], sys.argv[2], workers=1, cache_dir=sys.argv[5])
"""


@pytest.mark.parametrize(("point", "k"), [("journal", 1), ("rename", 1), ("rename", 2), ("rmtree", 1)])
def test_a_crash_at_any_point_of_the_swap_leaves_a_complete_corpus_recovered_next_time(
        tmp_path: Path, point: str, k: int, tree: object) -> None:
    raw, out, cache = _raw(tmp_path, 2), tmp_path / "corpus", tmp_path / "cache"
    _build(raw, out, cache_dir=cache)
    old = tree(out)  # type: ignore[operator]
    shutil.copy(SEED, raw / "009_new.txt")  # the next build writes a different corpus
    proc = subprocess.run([sys.executable, "-c", _CRASH, str(raw), str(out), point, str(k), str(cache)], capture_output=True, text=True)
    assert proc.returncode == 9, proc.stderr
    beside = [p.name for p in tmp_path.iterdir() if p.name.startswith(".corpus")]
    assert beside, "the crash left nothing to recover from"
    report = _build(raw, out, cache_dir=cache)
    assert report.recovered and report.articles == 2 and report.rejects[0]["stage"] == "dedup"
    assert not outdir.foreign_files(out)
    assert sorted(p.name for p in tmp_path.iterdir()) == ["cache", "corpus", "raw"]  # nothing transient left
    assert tree(out) != old  # type: ignore[operator]


def test_recovery_completes_or_rolls_back_from_every_state(tmp_path: Path, tree: object) -> None:
    """The states a crash can leave, built by hand: journal written; old moved aside; new moved in."""
    raw = _raw(tmp_path, 1)
    _build(raw, tmp_path / "old")
    _build(raw, tmp_path / "new", time_limit=5)
    (tmp_path / "new" / "README.md").write_text("new corpus\n", encoding="utf-8")
    outdir.write_manifest(tmp_path / "new")
    for state in ("journal_only", "old_aside", "new_in"):
        work = tmp_path / state
        work.mkdir()
        out = work / "corpus"
        shutil.copytree(tmp_path / "old", work / ".corpus.replaced-abcdefgh" if state != "journal_only" else out)
        shutil.copytree(tmp_path / "new", work / ".corpus.build-xyz_1234" if state != "new_in" else out)
        (work / ".corpus.swap.json").write_text(json.dumps({"new": ".corpus.build-xyz_1234", "old": ".corpus.replaced-abcdefgh"}),
                                                encoding="utf-8")
        done = outdir.recover(out)
        assert done and [p.name for p in work.iterdir()] == ["corpus"], (state, done)
        expected = "old" if state == "journal_only" else "new"
        assert tree(out) == tree(tmp_path / expected), state  # type: ignore[operator]


def test_a_journal_cannot_point_recovery_at_other_folders(tmp_path: Path) -> None:
    (tmp_path / "precious").mkdir()
    (tmp_path / "precious" / "a.txt").write_text("a", encoding="utf-8")
    (tmp_path / ".corpus.swap.json").write_text(json.dumps({"new": "../x", "old": "precious"}), encoding="utf-8")
    outdir.recover(tmp_path / "corpus")
    assert (tmp_path / "precious" / "a.txt").is_file() and not (tmp_path / "corpus").exists()


def test_stale_staging_folders_and_spools_are_removed(tmp_path: Path) -> None:
    raw = _raw(tmp_path, 1)
    for name in (".out.build-dead1234", ".out.spool-dead5678"):  # what a killed build leaves: marked
        (tmp_path / name).mkdir()
        (tmp_path / name / outdir.MARKER).touch()
        (tmp_path / name / "part-00000.parquet").write_text("x", encoding="utf-8")
    (tmp_path / ".other.build-keep1234").mkdir()  # another output's: not ours to remove
    (tmp_path / ".out.build-notes123").mkdir()  # a user's folder of that shape, unmarked
    (tmp_path / ".out.build-notes123" / "mine.txt").write_text("mine", encoding="utf-8")
    (tmp_path / ".out.build-x.replaced-abcdefgh").mkdir()  # the transient folder of an output named `.out.build-x`
    report = _build(raw, tmp_path / "out", use_cache=False)
    assert sorted(p.name for p in tmp_path.iterdir()) == [".other.build-keep1234", ".out.build-notes123", ".out.build-x.replaced-abcdefgh",
                                                           "out", "raw"]
    assert len(report.recovered) == 2


def test_files_added_to_the_output_during_the_build_are_kept(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    raw, out = _raw(tmp_path, 1), tmp_path / "out"
    _build(raw, out)
    original = jobs.parse

    def parse_and_meddle(data: bytes, id: str, sha256: str | None = None) -> policy_corpus.Article:
        (out / "notebook.ipynb").write_text("{}", encoding="utf-8")  # a user saves into the corpus folder meanwhile
        return original(data, id=id, sha256=sha256)

    monkeypatch.setattr(jobs, "parse", parse_and_meddle)
    with pytest.raises(outdir.OutputError, match="notebook.ipynb"):
        _build(raw, out, use_cache=False)
    assert (out / "notebook.ipynb").is_file() and (out / outdir.MANIFEST).is_file()
    assert sorted(p.name for p in tmp_path.iterdir()) == ["out", "raw"]


def test_a_same_size_edit_is_seen(tmp_path: Path) -> None:
    raw, out = _raw(tmp_path, 1), tmp_path / "out"
    _build(raw, out)
    card = (out / "README.md").read_bytes()
    (out / "README.md").write_bytes(card.replace(b"policy-corpus", b"POLICY-CORPUS", 1))
    with pytest.raises(outdir.OutputError, match="README.md"):
        _build(raw, out)


def test_a_journal_naming_a_symlink_neither_follows_it_nor_blocks_builds(tmp_path: Path) -> None:
    raw, out = _raw(tmp_path, 1), tmp_path / "corpus"
    _build(raw, out)
    (tmp_path / "precious").mkdir()
    (tmp_path / "precious" / "a.txt").write_text("a", encoding="utf-8")
    (tmp_path / ".corpus.replaced-abcdefgh").symlink_to(tmp_path / "precious")
    (tmp_path / ".corpus.swap.json").write_text(json.dumps({"new": ".corpus.build-abcdefgh", "old": ".corpus.replaced-abcdefgh"}),
                                                encoding="utf-8")
    assert _build(raw, out).ok and _build(raw, out).ok
    assert (tmp_path / "precious" / "a.txt").is_file()


def test_killing_the_build_leaves_no_process_behind(tmp_path: Path) -> None:
    raw = tmp_path / "raw"
    raw.mkdir()
    text = SEED.read_text(encoding="utf-8")
    for i in range(400):  # enough files for the pool, each distinct
        (raw / f"{i:03d}.txt").write_text(text.replace("2023", str(1991 + i % 30)) + f"\n第{i}号。", encoding="utf-8")
    env = {**os.environ, "POLICY_CORPUS_CACHE": str(tmp_path / "cache")}
    proc = subprocess.Popen([sys.executable, str(ROOT / "build.py"), "--raw", str(raw), "--out", str(tmp_path / "out"),
                             "--workers", "2", "--quiet"], env=env, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    deadline = time.monotonic() + 60
    family: set[int] = set()
    while time.monotonic() < deadline and len(family) < 3:  # main's forkserver and workers
        family = _descendants(proc.pid)
        time.sleep(0.1)
    assert len(family) >= 3, "the pool never started"
    kept = 0
    while time.monotonic() < deadline and kept == 0 and proc.poll() is None:  # until the cache has committed some files
        kept = _cached(tmp_path / "cache")
        time.sleep(0.1)
    proc.send_signal(signal.SIGKILL)
    proc.wait()
    assert 0 < kept < 400, "the build finished or committed nothing before it was killed"
    deadline = time.monotonic() + 15
    while time.monotonic() < deadline and _alive(family):
        time.sleep(0.2)
    assert not _alive(family)
    # progress survives: the next build takes what the killed one committed from the cache
    report = policy_corpus.build(raw, tmp_path / "out", workers=1, cache_dir=tmp_path / "cache")
    assert report.from_cache >= kept and report.parsed + report.from_cache == 400


_STUCK = """
import re
import policy_corpus.jobs as jobs

def stuck(data, id, sha256=None):
    re.match(r"(a+)+$", "a" * 64 + "b")  # hours of backtracking, holding the GIL

jobs.parse = stuck
"""


def test_killing_the_build_ends_workers_stuck_in_a_match(tmp_path: Path) -> None:
    """No time limit and every worker inside one endless match: the kernel still ends them with the build."""
    raw = tmp_path / "raw"
    raw.mkdir()
    for i in range(80):
        (raw / f"{i:03d}.txt").write_bytes(SEED.read_bytes() + f"\n{i}".encode())
    hook = tmp_path / "hook"
    hook.mkdir()
    (hook / "sitecustomize.py").write_text(_STUCK, encoding="utf-8")  # imported by every process, workers included
    env = {**os.environ, "PYTHONPATH": f"{hook}{os.pathsep}{os.environ.get('PYTHONPATH', '')}", "POLICY_CORPUS_CACHE": str(tmp_path / "c")}
    proc = subprocess.Popen([sys.executable, str(ROOT / "build.py"), "--raw", str(raw), "--out", str(tmp_path / "out"),
                             "--workers", "2", "--time-limit", "0", "--quiet"], env=env, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    deadline = time.monotonic() + 60
    busy: set[int] = set()
    while time.monotonic() < deadline and len(busy) < 2:
        busy = {p for p in _descendants(proc.pid) if _cpu_ticks(p) > 50}  # workers half a second into their match
        time.sleep(0.2)
    family = _descendants(proc.pid)
    assert len(busy) >= 2, "the workers never started their match"
    proc.send_signal(signal.SIGKILL)
    proc.wait()
    deadline = time.monotonic() + 10
    while time.monotonic() < deadline and _alive(family):
        time.sleep(0.2)
    assert not _alive(family)


def _cpu_ticks(pid: int) -> int:
    try:
        fields = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()
    except OSError:
        return 0
    return int(fields[11]) + int(fields[12])  # utime + stime


def _cached(folder: Path) -> int:
    import sqlite3

    total = 0
    for path in folder.glob("parsed-*.sqlite"):
        try:
            with sqlite3.connect(f"file:{path}?mode=ro", uri=True, timeout=1) as db:
                total += db.execute("SELECT COUNT(*) FROM parsed").fetchone()[0]
        except sqlite3.Error:
            pass
    return total


def _descendants(pid: int) -> set[int]:
    parents: dict[int, int] = {}
    for stat in Path("/proc").glob("[0-9]*/stat"):
        try:
            fields = stat.read_text().rsplit(")", 1)[1].split()
        except OSError:
            continue
        parents[int(stat.parent.name)] = int(fields[1])
    found, frontier = set(), {pid}
    while frontier:
        frontier = {p for p, pp in parents.items() if pp in frontier} - found
        found |= frontier
    return found


def _alive(pids: set[int]) -> set[int]:
    alive = set()
    for pid in pids:
        try:
            state = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()[0]
        except OSError:
            continue
        if state != "Z":
            alive.add(pid)
    return alive


# --- curation that reports instead of dropping ----------------------------------------------------

def _curate(tmp_path: Path, text: str) -> policy_corpus.Report:
    raw = _raw(tmp_path, 2)
    (raw / "metadata.jsonl").write_text(text, encoding="utf-8")
    return _build(raw, tmp_path / "out")


def test_two_lines_for_one_file_are_an_error_with_both_line_numbers(tmp_path: Path) -> None:
    name = "000_dac59bbde87f66ac.txt"
    report = _curate(tmp_path, json.dumps({"file_name": name, "author": "甲"}) + "\n\n" + json.dumps({"file_name": name, "author": "乙"}))
    assert report.rejects == [{"file": "metadata.jsonl", "stage": "metadata",
                               "reason": f"line 3: second line for '{name}' (first at line 1): neither applied"}]
    assert policy_corpus.load(data_dir=tmp_path / "out")[0]["author"] == GOLD["000_dac59bbde87f66ac"]["author"]


def test_huge_numbers_and_deep_nesting_are_reported_not_fatal(tmp_path: Path) -> None:
    name = "001_9406a226c00c984a.txt"
    head = json.dumps({"file_name": name})[:-1]
    lines = [f'{head}, "title": {"9" * 5000}}}', f'{head}, "title": {"[" * 5000 + "]" * 5000}}}', json.dumps({"file_name": name, "author": "某某"})]
    report = _curate(tmp_path, "\n".join(lines))
    reasons = sorted(r["reason"] for r in report.rejects)
    assert reasons[0].startswith("line 1: not usable JSON") and reasons[1] == "line 2: nested deeper than 8 levels"
    assert report.articles == 2
    assert policy_corpus.load(data_dir=tmp_path / "out")[1]["author"] == "某某"


@pytest.mark.parametrize("kind", ["symlink", "fifo"])
def test_a_metadata_file_that_is_not_regular_is_refused(tmp_path: Path, kind: str) -> None:
    raw = _raw(tmp_path, 1)
    if kind == "symlink":
        (tmp_path / "elsewhere.jsonl").write_text(json.dumps({"file_name": "000_dac59bbde87f66ac.txt", "author": "某某"}), encoding="utf-8")
        (raw / "metadata.jsonl").symlink_to(tmp_path / "elsewhere.jsonl")
    else:
        os.mkfifo(raw / "metadata.jsonl")  # opening it for reading would block forever
    report = _build(raw, tmp_path / "out")
    assert report.rejects == [{"file": "metadata.jsonl", "stage": "metadata",
                               "reason": "line 0: not a regular file (a symlink, FIFO or device); no curation applied"}]
    assert report.articles == 1


# --- names, encodings, locale, publish ----------------------------------------------------------------

def test_odd_file_names_are_rejected_per_file(tmp_path: Path) -> None:
    raw = _raw(tmp_path, 1)
    data = SEED.read_bytes()
    (raw / "line\nbreak.txt").write_bytes(data)
    (raw / "a..b.txt").write_bytes(data)
    (raw / "tab\there.txt").write_bytes(data)
    os.close(os.open(os.path.join(os.fsencode(raw), b"\xff\xfe bytes.txt"), os.O_CREAT | os.O_WRONLY))
    with open(os.path.join(os.fsencode(raw), b"\xff\xfe bytes.txt"), "wb") as f:
        f.write(data)
    report = _build(raw, tmp_path / "out")
    got = {r["file"]: r["reason"] for r in report.rejects}
    assert got == {
        "line\\u000abreak.txt": "file name has control characters, blanks at its ends, or no stem",
        "a..b.txt": "file name holds a path separator or '..'",
        "tab\\u0009here.txt": "file name has control characters, blanks at its ends, or no stem",
        "\\xff\\xfe bytes.txt": "file name is not valid UTF-8 (undecodable bytes)",
    }
    assert report.articles == 1
    assert (tmp_path / "out" / "rejects.jsonl").read_text(encoding="utf-8").count("\n") == 4


def test_a_c_locale_does_not_abort_the_build(tmp_path: Path) -> None:
    raw = _raw(tmp_path, 1)
    shutil.copy(SEED, raw / "海南_署名文章.txt")
    env = {**os.environ, "LC_ALL": "C", "LANG": "C", "PYTHONUTF8": "0", "PYTHONCOERCECLOCALE": "0",
           "POLICY_CORPUS_CACHE": str(tmp_path / "cache")}
    proc = subprocess.run([sys.executable, str(ROOT / "build.py"), "--raw", str(raw), "--out", str(tmp_path / "out"), "--quiet"],
                          env=env, capture_output=True)
    assert proc.returncode in (0, 1) and b"Traceback" not in proc.stderr, proc.stderr
    assert (tmp_path / "out" / "build_report.json").is_file()


def test_utf16_without_bom_is_read(tmp_path: Path) -> None:
    text = SEED.read_text(encoding="utf-8")
    for enc in ("utf-16-le", "utf-16-be"):
        for data in (text.encode(enc), text.encode(enc)[:-1]):  # whole, and cut after an odd byte
            got = policy_corpus.parse(data, id="x")
            assert got.title == GOLD["000_dac59bbde87f66ac"]["title"]
        with pytest.raises(policy_corpus.ParseError, match="not Chinese"):  # read, then refused for what it is
            policy_corpus.parse(("English only. " * 40).encode(enc), id="x")


@pytest.mark.parametrize("error", ["requests", "httpx", "oserror"])
def test_publish_network_errors_are_one_line(monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str], error: str) -> None:
    from huggingface_hub import HfApi

    def fail(*a: object, **k: object) -> None:
        if error == "requests":
            import requests

            raise requests.exceptions.ConnectionError("Max retries exceeded with url: /api/repos/create\n(Caused by ...)")
        if error == "httpx":
            import httpx

            raise httpx.ConnectError("[Errno -3] Temporary failure in name resolution")
        raise OSError("Network is unreachable")

    monkeypatch.setattr(HfApi, "create_repo", fail)
    code = main(["publish", "someone/corpus", "--quiet"])
    err = capsys.readouterr().err
    assert code == 2 and err.count("\n") == 1 and ("cannot reach the hub" in err or "unreachable" in err), err


def test_a_worker_whose_parent_died_before_it_armed_leaves() -> None:
    """The parent-death signal is asked for after the fork: a parent gone before that sends none, so the worker checks."""
    me = os.getpid()
    assert jobs._ours(me, me)  # spawned by the build itself
    assert jobs._ours(me, os.getppid())  # forked by a process the build started (here: this test's own parent)
    assert not jobs._ours(1, me)  # reparented to init: the forkserver is gone
    assert not jobs._ours(me, 2**22 + 12345)  # the build is gone
