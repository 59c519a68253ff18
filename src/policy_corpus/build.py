"""The build: every raw file becomes a record or a line of the rejects report."""

from __future__ import annotations

from dataclasses import dataclass, field
from importlib import resources
from pathlib import Path

from .errors import ParseError
from .models import Article
from .pipeline import parse
from .read import list_raw, read_file
from .write import write_dataset


def default_out_dir() -> Path:
    """The packaged data folder (src/policy_corpus/data in a checkout)."""
    return Path(str(resources.files("policy_corpus") / "data"))


@dataclass
class Report:
    """What a build did."""

    articles: int = 0
    rejects: list[dict] = field(default_factory=list)
    out_dir: str = ""

    @property
    def ok(self) -> bool:
        return not self.rejects


def build(raw_dir: str | Path = "raw", out_dir: str | Path | None = None) -> Report:
    """Parse every `*.txt` of `raw_dir` and publish the dataset to `out_dir`; never stops on a bad file."""
    raw_dir = Path(raw_dir)
    out = Path(out_dir) if out_dir is not None else default_out_dir()
    articles: list[Article] = []
    rejects: list[dict] = []
    for path in list_raw(raw_dir):
        try:
            doc = read_file(path, raw_dir)
            articles.append(parse(doc.text, id=doc.id, sha256=doc.sha256))
        except ParseError as exc:
            rejects.append({"file": path.name, "stage": exc.stage, "reason": exc.reason})
        except OSError as exc:
            rejects.append({"file": path.name, "stage": "read", "reason": f"cannot read: {exc.strerror}"})
    write_dataset(articles, out, rejects)
    return Report(articles=len(articles), rejects=rejects, out_dir=str(out))


def load(config: str = "articles", split: str = "train", data_dir: str | Path | None = None):
    """The packaged corpus as a `datasets.Dataset`, read straight from Parquet (no cache, offline)."""
    import datasets
    import pyarrow.parquet as pq

    if split != "train":
        raise ValueError(f"unknown split {split!r}: the corpus has only 'train'")
    folder = Path(data_dir) if data_dir is not None else default_out_dir()
    files = sorted((folder / "data" / config).glob(f"{split}-*.parquet"))
    if not files:
        raise ValueError(f"unknown config {config!r} or no data in {folder}")
    import pyarrow as pa

    table = pa.concat_tables([pq.read_table(f) for f in files])
    return datasets.Dataset(table)
