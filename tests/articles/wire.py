"""The captions our fixture articles (tests/fixtures/articles) hold, shared by every format.

The fixtures tell one invented wire story in each format, so the same pictures, captions and
credits come back whatever the reader; each test lists which of them its format carries.
"""

from __future__ import annotations

from pathlib import Path

FIXTURES = Path(__file__).resolve().parents[1] / "fixtures" / "articles"
TITLE = "Grain ships leave Odesa as Black Sea corridor reopens"

SHIP = "A cargo ship loaded with grain leaves the port of Odesa, Ukraine, on March 1, 2024."
MINISTRY = (
    "A man walks past the Russian Defence Ministry building in Moscow, Russia, March 1, 2024."
)
ZELENSKYY = (
    "Ukrainian President Volodymyr Zelenskyy speaks during a news conference in Kyiv, Ukraine, "
    "on February 28, 2024."
)
DOCKS = "Dock workers check a grain hold at the port of Chornomorsk."
TUG = "A tugboat guides a bulk carrier out of the harbour in Odesa."
TUG_DATED = "A tugboat guides a bulk carrier out of the harbour in Odesa, Ukraine, March 1, 2024."
CRANES = "Port cranes stand idle at the harbour in Izmail, Ukraine, on February 27, 2024."

AP_VUCCI = "AP Photo/Evan Vucci"
AP_LUKATSKY = "AP Photo/Efrem Lukatsky"
REUTERS = "REUTERS/Maxim Shemetov"
HANDOUT = "Photo by Handout / Ukrainian Presidential Press Service / AFP"
GETTY = "Anna Moneymaker/Getty Images"
SUPINSKY = "Photo by Sergei Supinsky / AFP"

# Text that must never come back as a caption, in any format.
DECOYS = (
    "ODESA, Ukraine (AP)",
    "(file photo)",
    "5,000 miles",
    "R-Wis.",
    "Reporting by",
    "Not A Caption",
    "Not A Picture",
    "Someone Else",
    "Related",
    "Read more",
    "Comments",
)


def fixture_text(name: str) -> str:
    return (FIXTURES / name).read_text(encoding="utf-8")


def pairs(article: object) -> list[tuple[str, str | None]]:
    """(caption, credit as printed) for each caption of an ArticleDraft, in order."""
    captions = article.captions  # type: ignore[attr-defined]
    return [(c.caption, c.credit.text if c.credit else None) for c in captions]
