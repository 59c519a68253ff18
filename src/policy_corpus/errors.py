"""The one error the pipeline raises for bad input."""

from __future__ import annotations


class ParseError(ValueError):
    """A raw file that cannot become a valid record; `stage` and `reason` go to rejects.jsonl."""

    def __init__(self, stage: str, reason: str, file: str | None = None) -> None:
        self.stage = stage
        self.reason = reason
        self.file = file
        where = f"{file}: " if file else ""
        super().__init__(f"{where}{stage}: {reason}")
