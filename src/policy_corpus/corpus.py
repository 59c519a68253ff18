"""Reading a built corpus: load it, iterate its records, show, explain and validate them.

Only Parquet is read (never the raw files, except by `explain`), so everything here works on
the packaged data, on a build folder, or on a copy downloaded from the hub.
"""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path
from typing import Any, Literal

from .models import CONFIGS, Article, SectionRow

Format = Literal["datasets", "arrow", "pandas", "polars"]


def packaged_dir() -> Path:
    """The corpus the package ships (`policy_corpus/data`), read-only for users of an installed package."""
    return Path(__file__).resolve().parent / "data"


def data_dir(folder: str | Path | None = None) -> Path:
    """The corpus folder: `folder`, else the packaged data."""
    return Path(folder) if folder is not None else packaged_dir()


def shards(config: str = "articles", folder: str | Path | None = None) -> list[Path]:
    """The Parquet shards of one config, in order."""
    if config not in CONFIGS:
        raise ValueError(f"unknown config {config!r}: choose one of {', '.join(CONFIGS)}")
    files = sorted((data_dir(folder) / "data" / config).glob("train-*.parquet"))
    if not files:
        raise FileNotFoundError(f"no {config} Parquet files in {data_dir(folder)}: build the corpus first")
    return files


def load(config: str = "articles", split: str = "train", data_dir: str | Path | None = None, format: Format = "datasets",
         *, repo_id: str | None = None, revision: str | None = None) -> Any:
    """The corpus as a `datasets.Dataset` (or a pyarrow Table, pandas or polars DataFrame).

    By default the packaged data is read offline (or `data_dir`, a built folder). With `repo_id`
    a published corpus is loaded through `datasets.load_dataset` (the hub's copy, cached by
    `datasets`; `revision` pins a commit or tag), with the same configs and types.

    >>> import policy_corpus
    >>> articles = policy_corpus.load()
    >>> articles.features["date"].dtype, articles.features["published_at"].dtype
    ('date32', 'timestamp[ms, tz=Asia/Shanghai]')
    >>> frame = policy_corpus.load("sections", format="pandas")
    >>> list(frame.columns[:3])
    ['article_id', 'index', 'level']
    """
    import pyarrow as pa
    import pyarrow.parquet as pq

    if split != "train":
        raise ValueError(f"unknown split {split!r}: the corpus has only 'train'")
    if format not in ("datasets", "arrow", "pandas", "polars"):
        raise ValueError(f"unknown format {format!r}: choose datasets, arrow, pandas or polars")
    if repo_id is not None:
        if data_dir is not None:
            raise ValueError("give repo_id or data_dir, not both")
        return _from_hub(repo_id, config, split, revision, format)
    files = shards(config, data_dir)
    if format == "datasets":
        return _dataset(config, files)
    table = pa.concat_tables([pq.read_table(f, memory_map=True) for f in files])
    if format == "arrow":
        return table
    if format == "pandas":
        return table.to_pandas(types_mapper=None)
    if format == "polars":
        try:
            import polars as pl
        except ImportError:
            raise ImportError("format='polars' needs polars: pip install polars") from None
        return pl.from_arrow(table)
    raise AssertionError(format)


def _from_hub(repo_id: str, config: str, split: str, revision: str | None, format: Format) -> Any:
    """A published corpus through `datasets.load_dataset` (a hub repo id, or a folder laid out like one)."""
    import datasets

    if config not in CONFIGS:
        raise ValueError(f"unknown config {config!r}: choose one of {', '.join(CONFIGS)}")
    ds = datasets.load_dataset(repo_id, config, split=split, revision=revision)
    if format == "datasets":
        return ds
    table = ds.data.table if hasattr(ds.data, "table") else ds.with_format("arrow")[:]
    if format == "arrow":
        return table
    if format == "pandas":
        return table.to_pandas()
    import polars as pl

    return pl.from_arrow(table)


def _dataset(config: str, files: list[Path]) -> Any:
    """A `datasets.Dataset` without the two full copies its constructor would otherwise make.

    The files are read straight into the features' schema (all fields nullable, as `datasets`
    wants it), so it need not cast the table; and the fingerprint is a hash of the files'
    names, sizes and footers, so it need not hash the table's contents.
    """
    import datasets
    import pyarrow as pa
    import pyarrow.parquet as pq
    import xxhash

    from .schema import hf_features

    schema = hf_features(CONFIGS[config]).arrow_schema.with_metadata(pq.read_schema(files[0]).metadata)
    table = pa.concat_tables([pq.read_table(f, schema=schema, memory_map=True) for f in files])
    h = xxhash.xxh64()
    for f in files:
        size = f.stat().st_size
        with f.open("rb") as fh:
            fh.seek(max(0, size - 65536))
            h.update(f"{f.name}\0{size}\0".encode() + fh.read())
    return datasets.Dataset(table, fingerprint=f"policy-corpus-{config}-{h.hexdigest()}")


def records(config: str = "articles", folder: str | Path | None = None, columns: list[str] | None = None) -> Iterator[dict[str, Any]]:
    """Rows as plain dicts, a record batch at a time (memory stays flat on a large corpus).

    >>> rec = next(records())
    >>> type(rec["date"]).__name__ if rec["date"] else "NoneType", isinstance(rec["regions"], list)
    ('date', True)
    """
    import pyarrow.parquet as pq

    for path in shards(config, folder):
        for batch in pq.ParquetFile(path).iter_batches(batch_size=1000, columns=columns):
            yield from batch.to_pylist()


def get(id: str, folder: str | Path | None = None) -> dict[str, Any]:
    """One article record by id; KeyError if there is none."""
    import pyarrow.compute as pc
    import pyarrow.parquet as pq

    for path in shards("articles", folder):
        table = pq.read_table(path, filters=pc.field("id") == id)
        if table.num_rows:
            return table.to_pylist()[0]
    raise KeyError(f"no article {id!r} in the corpus")


def show(id: str, folder: str | Path | None = None) -> str:
    """One article, readable: its fields, then its sections.

    >>> first = next(records())
    >>> show(first["id"]).splitlines()[0] == "id: " + first["id"]
    True
    """
    rec = get(id, folder)
    out = [f"id: {rec['id']}"]
    for name in Article.model_fields:
        if name in ("id", "sections", "text", "provenance"):
            continue
        value = rec[name]
        if name == "regions":
            value = "、".join(f"{r['name']} ({r['code']})" for r in value) or None
        elif isinstance(value, list):
            value = "、".join(map(str, value)) or None
        if value is not None:
            out.append(f"{name}: {value}")
    for s in rec["sections"]:
        out.append("")
        if s["heading"]:
            out.append(f"{'#' * (s['level'] + 1)} {s['heading']}")
        out.extend(s["paragraphs"])
    return "\n".join(out)


def explain(id: str, raw_dir: str | Path = "raw", data_dir: str | Path | None = None) -> str:
    """The raw lines of an article with the fields they produced, and the rule that took each."""
    row = get(id, data_dir)
    by_line: dict[int | None, list[str]] = {}
    for p in row["provenance"]:
        value = row[p["field"]]
        if p["field"] == "regions":
            value = "、".join(r["name"] for r in value)
        by_line.setdefault(p["line"], []).append(f"{p['field']}={value} [{p['rule']}]")
    from .errors import ParseError
    from .parser.read import decode, read_raw

    raw = Path(raw_dir) / f"{id}.txt"
    try:  # decoded and split exactly as the parser did, so line numbers match the provenance
        lines = decode(read_raw(raw, Path(raw_dir)), raw.name).split("\n")
    except (OSError, ParseError):
        lines = []
    refused, roles = _trace(raw, id) if lines else ([], [])
    for r in refused:
        where = None if r.line is None else r.line + 1
        by_line.setdefault(where, []).append(f"✗ {r.field}={r.value} [{r.rule}] refused: {r.reason}")
    role_of = {line + 1: f"{role}: {why}" for line, role, why in roles}
    out = [f"{id}  (raw: {raw if raw.exists() else 'not found: only the stored provenance is shown, no raw lines'})"]
    for n in sorted({*(k for k in by_line if k is not None), *role_of}):
        text = lines[n - 1].strip() if n <= len(lines) else ""
        out.append(f"{n:>5} | {text[:80]}" + (f"   ⟨{role_of[n]}⟩" if n in role_of else ""))
        out.extend(f"      {'' if f.startswith('✗') else '→ '}{f}" for f in by_line.get(n, []))
    out.extend(f"    - {'' if f.startswith('✗') else '→ '}{f}" for f in by_line.get(None, []))
    return "\n".join(out)


def _trace(raw: Path, id: str) -> tuple[list, list[tuple[int, str, str]]]:
    """Parse the raw file again: the candidates the field checks refused, and the header lines' roles."""
    from .errors import ParseError

    try:
        from .parser.pipeline import trace

        _, page, refused = trace(raw.read_bytes(), id=id)
    except (OSError, ParseError, ImportError):  # ImportError: a reading-only install shows the stored provenance only
        return [], []
    return refused, list(page.header.roles)


def validate_folder(folder: str | Path | None = None) -> list[str]:
    """Problems of a built folder: files, schemas, every record against the models and rules."""
    import pyarrow.parquet as pq
    from pydantic import ValidationError

    from .card import CHART, LICENSE_FILE
    from .croissant import FILE_NAME
    from .parser.validate import check_article
    from .schema import arrow_schema

    root = data_dir(folder)
    problems = [f"missing {name}" for name in ("README.md", LICENSE_FILE, FILE_NAME, CHART) if not (root / name).is_file()]
    ids: set[str] = set()
    for config, model in CONFIGS.items():
        try:
            files = shards(config, root)
        except FileNotFoundError as exc:
            problems.append(str(exc))
            continue
        for path in files:
            if pq.read_schema(path).remove_metadata() != arrow_schema(model):
                problems.append(f"{path.relative_to(root)}: schema differs from the {model.__name__} model")
        for rec in records(config, root):
            key = rec.get("id") or f"{rec.get('article_id')}#{rec.get('index')}"
            try:
                obj = model.model_validate(rec)
            except ValidationError as exc:
                problems.append(f"{config} {key}: {exc.error_count()} invalid field(s): {exc.errors()[0]['loc']}: {exc.errors()[0]['msg']}")
                continue
            if isinstance(obj, Article):
                if obj.id in ids:
                    problems.append(f"articles {obj.id}: duplicate id")
                ids.add(obj.id)
                problems.extend(f"articles {obj.id}: {p}" for p in check_article(obj))
            elif isinstance(obj, SectionRow) and obj.article_id not in ids:
                problems.append(f"sections {key}: no article {obj.article_id!r}")
    return problems
