"""Croissant 1.0 metadata (croissant.json) for a built corpus folder, derived from the models.

Every `cr:Field` comes from walking the pydantic models with the Arrow types of `schema.py`, so
the JSON-LD, the Parquet files and the card can never disagree. Nothing here names a field.

Nested columns (Parquet `list<struct>` such as `regions`, `sections`, `provenance`): Croissant
1.0 describes them as a field with `repeated: true` and one `subField` per struct member.
mlcroissant 1.x reads Parquet with pandas, so such a column arrives as an array of dicts; each
sub-field therefore takes the parent's column and a `transform: {jsonPath: <member>}`, which
mlcroissant applies to every element and zips back into a list of dicts. A list member inside
the struct (`sections[].paragraphs`) is a repeated sub-field and loads as a list per element.
This is the faithful shape and it validates and loads, so no column is flattened or dropped.
Plain `list<string>` columns are `repeated: true` leaves. `repeated` (Croissant 1.0) is used
rather than 1.1's `isArray`, because the document conforms to 1.0.

What mlcroissant cannot represent (none of it occurs in the models today): a null struct loads
as a dict whose members are all null, and a list of structs inside a list of structs cannot be
read at all (mlcroissant zips only one level), so such a model raises TypeError here.

Types: string (and Literal) → sc:Text, any integer width → sc:Integer, bool → sc:Boolean,
date → sc:Date, timestamp → sc:DateTime (mlcroissant yields a tz-aware pandas Timestamp).
"""

from __future__ import annotations

import json
import typing
from importlib import metadata
from pathlib import Path
from typing import Any

import pyarrow as pa
import pyarrow.parquet as pq
from pydantic import BaseModel
from pydantic.fields import FieldInfo

from .models import CONFIGS
from .schema import arrow_schema, arrow_type

PACKAGE = "policy-corpus"
CONFORMS_TO = "http://mlcommons.org/croissant/1.0"
#: The card's licence file, on the hub (the data's terms are two-part: see LICENSE.md).
LICENSE = "https://huggingface.co/datasets/policy-corpus/policy-corpus/blob/main/LICENSE.md"
#: Where the dataset is published; a `Project-URL` in the package metadata takes precedence.
DEFAULT_URL = "https://huggingface.co/datasets/policy-corpus/policy-corpus"
PARQUET = "application/x-parquet"
FILE_NAME = "croissant.json"

#: The Croissant 1.0 JSON-LD context as mlcroissant expects it (the spec's, plus two `cr:` terms
#: it checks for: without them it warns that the context is not standard).
CONTEXT: dict[str, Any] = {
    "@language": "en",
    "@vocab": "https://schema.org/",
    "citeAs": "cr:citeAs",
    "column": "cr:column",
    "conformsTo": "dct:conformsTo",
    "cr": "http://mlcommons.org/croissant/",
    "rai": "http://mlcommons.org/croissant/RAI/",
    "data": {"@id": "cr:data", "@type": "@json"},
    "dataType": {"@id": "cr:dataType", "@type": "@vocab"},
    "dct": "http://purl.org/dc/terms/",
    "equivalentProperty": "cr:equivalentProperty",
    "examples": {"@id": "cr:examples", "@type": "@json"},
    "extract": "cr:extract",
    "field": "cr:field",
    "fileProperty": "cr:fileProperty",
    "fileObject": "cr:fileObject",
    "fileSet": "cr:fileSet",
    "format": "cr:format",
    "includes": "cr:includes",
    "isLiveDataset": "cr:isLiveDataset",
    "jsonPath": "cr:jsonPath",
    "key": "cr:key",
    "md5": "cr:md5",
    "parentField": "cr:parentField",
    "path": "cr:path",
    "recordSet": "cr:recordSet",
    "references": "cr:references",
    "regex": "cr:regex",
    "repeated": "cr:repeated",
    "replace": "cr:replace",
    "samplingRate": "cr:samplingRate",
    "sc": "https://schema.org/",
    "separator": "cr:separator",
    "source": "cr:source",
    "subField": "cr:subField",
    "transform": "cr:transform",
}


#: Arrow leaf type tests and the Croissant data type of each, first match wins.
_DATA_TYPES = (
    (pa.types.is_string, "sc:Text"),
    (pa.types.is_large_string, "sc:Text"),
    (pa.types.is_integer, "sc:Integer"),
    (pa.types.is_boolean, "sc:Boolean"),
    (pa.types.is_floating, "sc:Float"),
    (pa.types.is_date, "sc:Date"),
    (pa.types.is_timestamp, "sc:DateTime"),
)


def data_type(t: pa.DataType) -> str:
    """The Croissant data type of an Arrow leaf type."""
    for test, name in _DATA_TYPES:
        if test(t):
            return name
    raise TypeError(f"no Croissant data type for Arrow type {t}")


def _nested_model(annotation: Any) -> type[BaseModel] | None:
    """The record model inside `X`, `X | None` or `list[X]`, if any (for sub-field descriptions)."""
    if isinstance(annotation, type) and issubclass(annotation, BaseModel):
        return annotation
    for arg in typing.get_args(annotation):
        if (found := _nested_model(arg)) is not None:
            return found
    return None


def _field(parent_id: str, name: str, info: FieldInfo, source: dict[str, Any], in_list: bool = False) -> dict[str, Any]:
    """One `cr:Field` (with its sub-fields) for a model attribute; `source` reads the enclosing column."""
    t = arrow_type(info.annotation, info)
    repeated = pa.types.is_list(t)
    item = t.value_type if repeated else t
    node: dict[str, Any] = {"@type": "cr:Field", "@id": f"{parent_id}/{name}", "name": name}
    node["description"] = info.description or ""
    model = _nested_model(info.annotation)
    if pa.types.is_struct(item) and model is not None:
        if repeated and in_list:
            raise TypeError(f"{node['@id']}: mlcroissant cannot read a list of structs inside a list of structs")
        node["subField"] = [
            _field(node["@id"], sub, sub_info, _member(source, sub), in_list or repeated)
            for sub, sub_info in model.model_fields.items()
        ]
    else:
        node["dataType"] = data_type(item)
        node["source"] = source
    if repeated:
        node["repeated"] = True
    return node


def _member(source: dict[str, Any], member: str) -> dict[str, Any]:
    """The source of a struct member: the same column, then a JSONPath step into each element."""
    outer = source.get("transform", {}).get("jsonPath")
    return {**source, "transform": {"jsonPath": f"{outer}.{member}" if outer else member}}


def _column_source(file_set: str, column: str) -> dict[str, Any]:
    return {"fileSet": {"@id": file_set}, "extract": {"column": column}}


def record_set(config: str, model: type[BaseModel]) -> dict[str, Any]:
    """The `cr:RecordSet` of one config, one field per model attribute."""
    file_set = f"{config}-parquet"
    fields = [_field(config, name, info, _column_source(file_set, name)) for name, info in model.model_fields.items()]
    return {"@type": "cr:RecordSet", "@id": config, "name": config, "description": _doc(model), "field": fields}


def file_set(config: str) -> dict[str, Any]:
    """The `cr:FileSet` holding one config's Parquet shards."""
    return {
        "@type": "cr:FileSet",
        "@id": f"{config}-parquet",
        "name": f"{config}-parquet",
        "description": f"Parquet shards of the `{config}` config",
        "encodingFormat": PARQUET,
        "includes": f"data/{config}/*.parquet",
    }


def _doc(model: type[BaseModel]) -> str:
    """The first line of a model's docstring."""
    return (model.__doc__ or "").strip().split("\n", 1)[0]


def _url(meta: metadata.PackageMetadata) -> str:
    """The first `Project-URL` of the package, else the default hub address."""
    urls = meta.get_all("Project-URL") or []
    return urls[0].split(",", 1)[1].strip() if urls else DEFAULT_URL


def cite_as(version: str, url: str, description: str) -> str:
    """A BibTeX entry without a date, so that the document does not change between builds."""
    return (
        "@misc{policy_corpus,\n"
        f"  title = {{policy-corpus: {description}}},\n"
        f"  note = {{Version {version}}},\n"
        f"  howpublished = {{\\url{{{url}}}}}\n"
        "}"
    )


def check_folder(out_dir: Path) -> None:
    """Refuse to describe a folder whose Parquet files do not match the models."""
    for config, model in CONFIGS.items():
        files = sorted((out_dir / "data" / config).glob("*.parquet"))
        if not files:
            raise FileNotFoundError(f"no Parquet files for config {config!r} in {out_dir}")
        expected = arrow_schema(model)
        for f in files:
            if not pq.read_schema(f).remove_metadata().equals(expected):
                raise ValueError(f"{f} does not have the schema of {model.__name__}")


def croissant(out_dir: Path) -> dict[str, Any]:
    """The Croissant 1.0 JSON-LD of a built corpus folder (deterministic, no timestamps)."""
    check_folder(Path(out_dir))
    meta = metadata.metadata(PACKAGE)
    version, url, description = meta["Version"], _url(meta), meta["Summary"]
    return {
        "@context": CONTEXT,
        "@type": "sc:Dataset",
        "name": PACKAGE,
        "description": description,
        "conformsTo": CONFORMS_TO,
        "license": LICENSE,
        "url": url,
        "version": version,
        "citeAs": cite_as(version, url, description),
        "inLanguage": "zh",
        "distribution": [file_set(config) for config in CONFIGS],
        "recordSet": [record_set(config, model) for config, model in CONFIGS.items()],
    }


def write_croissant(out_dir: Path) -> Path:
    """Write `croissant.json` beside the card and return its path."""
    path = Path(out_dir) / FILE_NAME
    text = json.dumps(croissant(Path(out_dir)), indent=1, ensure_ascii=False, sort_keys=False) + "\n"
    path.write_text(text, encoding="utf-8")
    return path
