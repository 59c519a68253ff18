"""policy-corpus: Chinese provincial and local policy articles on cyberspace affairs, as records."""

from .build import Report, build, load
from .errors import ParseError
from .models import Article, Region, Section, SectionRow
from .pipeline import parse

__all__ = ["Article", "ParseError", "Region", "Report", "Section", "SectionRow", "build", "load", "parse"]
