"""The record schema, defined once.

Every other description of a record (the Arrow schema, the dataset card's features, the
field table in the docs) is derived from these pydantic models, so a field is added or
changed here and nowhere else.
"""

from __future__ import annotations

import datetime as dt
from typing import Literal

from pydantic import BaseModel, ConfigDict, Field

#: Flags a record may carry; the card documents each of them from this table.
FLAGS: dict[str, str] = {
    "converted_from_hant": "the raw text was Traditional script and was converted with OpenCC tw2s",
    "pinyin_annotations_removed": "pinyin annotation debris such as 網(wǎng) was removed",
    "no_title": "no title could be found on the page",
    "no_date": "no publication date is printed on the page",
    "no_author": "no signing author could be found",
    "pull_quotes_removed": "short paragraphs repeating a sentence of the body were dropped",
    "garbled_characters": "the page contains characters garbled by its site (kept as they are)",
    # Abstentions: evidence was there but too weak or conflicting to state a value, so the field is null
    # (`explain ID` lists each refused candidate with its reason code).
    "abstained_title": "a title candidate was found but refused by the title checks (chrome, byline, column name...)",
    "abstained_author": "an author candidate was found but refused by the author checks (a unit, a role word, 未知...)",
    "abstained_post": "a post candidate was found but refused by the post checks (a headline sentence...)",
    "abstained_source": "a source candidate was found but refused by the source checks (no publication named...)",
    "abstained_date": "a date candidate was found but refused (an impossible date or time)",
    "abstained_regions": "the body names places but none dominates it, so no region is stated",
}

Script = Literal["Hans", "Hant"]
Level = Literal["province", "prefecture", "county"]


class _Record(BaseModel):
    model_config = ConfigDict(strict=True, extra="forbid", frozen=True)


class Region(_Record):
    """An administrative region the article is about."""

    name: str = Field(description="full path of the region, e.g. 湖南省郴州市北湖区")
    code: str = Field(description="6-digit GB/T 2260 administrative division code")
    province: str = Field(description="the province-level unit the region belongs to")
    level: Level = Field(description="province, prefecture or county")
    current_code: str | None = Field(description="code of the unit the place belongs to in the gazetteer's latest year "
                                     "(its own after a rename, the absorbing prefecture after a merger); null when "
                                     "abolished without a single successor")


class Section(_Record):
    """One heading of the body with the paragraphs under it."""

    heading: str | None = Field(description="the heading, null for text before the first heading")
    level: int = Field(ge=1, le=6, description="1 for top-level headings, 2 for points under them", json_schema_extra={"arrow": "int8"})
    paragraphs: list[str] = Field(description="the paragraphs of the section, in order")


class Provenance(_Record):
    """Where one field's value came from."""

    field: str = Field(description="the field the value fills")
    rule: str = Field(description="the extraction rule that produced it, or metadata.jsonl for a curated value")
    start: int | None = Field(description="character offset of the evidence in the normalised text", json_schema_extra={"arrow": "int32"})
    end: int | None = Field(description="end offset (exclusive) of the evidence in the normalised text", json_schema_extra={"arrow": "int32"})
    line: int | None = Field(description="1-based line number of the evidence in the raw file", json_schema_extra={"arrow": "int32"})


class Article(_Record):
    """One raw article turned into a record (config `articles`)."""

    id: str = Field(description="the raw file's name without .txt")
    url: str | None = Field(description="address of the page the text was copied from (from raw/metadata.jsonl), for attribution")
    title: str | None = Field(description="the article's own title; a two-line title is joined with one space")
    subtitle: str | None = Field(description="the text after —— on or under the title line")
    author: str | None = Field(description="the person(s) who signed the article, joined with 、")
    post: str | None = Field(description="the author's official position(s) as written")
    source: str | None = Field(description="the publication it first appeared in, without 《》, 杂志 or issue")
    source_issue: str | None = Field(description="the issue of that publication, e.g. 2023年第12期")
    site: str | None = Field(description="the website the text was copied from, as named in its footer")
    editor: str | None = Field(description="the web editor (编辑, 责任编辑)")
    date: dt.date | None = Field(description="the page's publication date (Beijing time)")
    time: str | None = Field(description="the publication time as printed (HH:MM or HH:MM:SS), where printed")
    published_at: dt.datetime | None = Field(description="date and time as a timestamp in Asia/Shanghai; null unless a time is printed")
    regions: list[Region] = Field(description="regions the article is about, in order of first mention as a subject")
    documents: list[str] = Field(description="titles of documents cited in 《》 in the body, first-mention order")
    sections: list[Section] = Field(description="the body: headings with their paragraphs")
    text: str = Field(description="headings and paragraphs joined with newlines")
    script: Script = Field(description="script of the raw text: Hans or Hant")
    raw_sha256: str = Field(description="SHA-256 of the raw file's bytes")
    flags: list[str] = Field(description="sorted quality flags from the documented vocabulary")
    duplicate_of: str | None = Field(description="id of the earliest article this one is a near-duplicate reprint of")
    provenance: list[Provenance] = Field(description="for each extracted field: rule, evidence span and raw line")


class SectionRow(_Record):
    """One section of one article (config `sections`)."""

    article_id: str = Field(description="id of the article the section belongs to")
    index: int = Field(ge=0, description="position of the section in the article, from 0", json_schema_extra={"arrow": "int16"})
    level: int = Field(ge=1, le=6, description="heading level", json_schema_extra={"arrow": "int8"})
    heading: str | None = Field(description="the heading, null for text before the first heading")
    heading_path: list[str] = Field(description="the headings enclosing this one, outermost first")
    paragraphs: list[str] = Field(description="the paragraphs of the section")
    text: str = Field(description="heading and paragraphs joined with newlines")
    region_code: str | None = Field(description="the roundup region the section belongs to, else the article's single region, else null")


CONFIGS: dict[str, type[_Record]] = {"articles": Article, "sections": SectionRow}
