"""Arrow schema and Hugging Face features derived from the pydantic models.

Nothing here names a field: it walks the models, so the Parquet files, the dataset card and
the docs can never disagree with the records.
"""

from __future__ import annotations

import datetime as dt
import types
import typing
from functools import cache
from typing import Any, Literal

import pyarrow as pa
from pydantic import BaseModel
from pydantic.fields import FieldInfo

TIMEZONE = "Asia/Shanghai"

_SCALARS: dict[Any, pa.DataType] = {
    str: pa.string(),
    int: pa.int64(),
    bool: pa.bool_(),
    float: pa.float64(),
    dt.date: pa.date32(),
    dt.datetime: pa.timestamp("ms", tz=TIMEZONE),
}
_NAMED = {"int8": pa.int8(), "int16": pa.int16(), "int32": pa.int32()}


def _unwrap_optional(tp: Any) -> tuple[Any, bool]:
    """Split `X | None` into (X, nullable)."""
    origin = typing.get_origin(tp)
    if origin in (typing.Union, types.UnionType):
        args = [a for a in typing.get_args(tp) if a is not type(None)]
        if len(args) == 1:
            return args[0], True
    return tp, False


def arrow_type(tp: Any, info: FieldInfo | None = None) -> pa.DataType:
    """The Arrow type of one annotation."""
    extra = info.json_schema_extra if info is not None else None
    if isinstance(extra, dict) and "arrow" in extra:
        return _NAMED[str(extra["arrow"])]
    tp, _ = _unwrap_optional(tp)
    origin = typing.get_origin(tp)
    if origin is Literal:
        return pa.string()
    if origin is list:
        (item,) = typing.get_args(tp)
        return pa.list_(arrow_type(item))
    if isinstance(tp, type) and issubclass(tp, BaseModel):
        return pa.struct(_fields(tp))
    return _SCALARS[tp]


def _fields(model: type[BaseModel]) -> list[pa.Field]:
    out = []
    for name, info in model.model_fields.items():
        _, nullable = _unwrap_optional(info.annotation)
        out.append(pa.field(name, arrow_type(info.annotation, info), nullable=nullable))
    return out


@cache
def arrow_schema(model: type[BaseModel]) -> pa.Schema:
    """The Arrow schema of a record model, without metadata."""
    return pa.schema(_fields(model))


def hf_features(model: type[BaseModel]) -> Any:
    """The `datasets.Features` of a record model (imported lazily: datasets is slow to import)."""
    from datasets import Features

    return Features.from_arrow_schema(arrow_schema(model))


def field_docs(model: type[BaseModel], prefix: str = "") -> list[tuple[str, str, str]]:
    """(name, arrow type, description) for every field, nested fields as `parent.child`."""
    rows = []
    for name, info in model.model_fields.items():
        tp, _ = _unwrap_optional(info.annotation)
        rows.append((prefix + name, str(arrow_type(info.annotation, info)), info.description or ""))
        inner = typing.get_args(tp)[0] if typing.get_origin(tp) is list else tp
        if isinstance(inner, type) and issubclass(inner, BaseModel):
            rows.extend(field_docs(inner, prefix=f"{prefix}{name}."))
    return rows
