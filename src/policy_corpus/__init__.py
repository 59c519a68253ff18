"""policy-corpus: Chinese provincial and local policy articles on cyberspace affairs, as records."""

from .build import Report, build
from .corpus import explain, load, records, show
from .errors import ParseError
from .models import Article, Region, Section, SectionRow
from .parser.pipeline import parse

__all__ = ["Article", "ParseError", "Region", "Report", "Section", "SectionRow", "build", "explain", "load", "parse", "records", "show"]
