"""PD3xx: the linked picture itself — gone, unreadable, too small, CMYK, or of doubtful text.

A caption can be perfect and still publish a broken picture: the file was moved after the scan,
the agency's upload was cut short, a print-desk CMYK file reached the web queue. These rules judge
the file as the scan read it (``PictureFacts``), never the file system. A vanished file reports
PD301 alone, since what the scan once read about it no longer describes anything that will be
published; an unreadable one reports PD302 alone, since nothing else about it is known.
A caption with no picture is PD401's business, not theirs.
"""

from __future__ import annotations

from photodesk.core.metadata import LEGACY_IIM_CHARSET
from photodesk.core.rules.house import HouseStyle
from photodesk.core.rules.model import NO_HITS, CaptionFacts, Hit, PictureFacts, Rule
from photodesk.core.rules.severity import Severity


def _readable(facts: CaptionFacts) -> PictureFacts | None:
    """The linked picture when it is still there and was read; None when no later rule applies."""
    picture = facts.picture
    if picture is None or picture.missing or picture.error is not None:
        return None
    return picture


# The hits whose text never changes are built once.
_GONE = (
    Hit(
        "the picture's file has gone since the scan (moved, renamed or deleted); "
        "put it back or link the caption to another picture"
    ),
)
_CMYK = (
    Hit(
        "the picture is CMYK, which browsers show with wrong colours or not at all; "
        "convert it to RGB (sRGB) before it goes on the web"
    ),
)
_LEGACY = (
    Hit(
        "the picture's IPTC text declares no character set (1:90), so it was decoded as "
        "cp1252 and accented letters may be wrong; check the embedded caption and credit"
    ),
)


def _missing(facts: CaptionFacts, house: HouseStyle) -> tuple[Hit, ...]:
    """The file was there at the scan and is gone now: the page would show a broken image."""
    if facts.picture is not None and facts.picture.missing:
        return _GONE
    return NO_HITS


def _unreadable(facts: CaptionFacts, house: HouseStyle) -> tuple[Hit, ...]:
    """The file is there but not a picture photodesk can read: most often a cut-off upload."""
    picture = facts.picture
    if picture is not None and not picture.missing and picture.error is not None:
        return (
            Hit(
                f"the picture cannot be read ({picture.error}); "
                "fetch it again from the agency or link another picture"
            ),
        )
    return NO_HITS


def _too_small(facts: CaptionFacts, house: HouseStyle) -> tuple[Hit, ...]:
    """A thumbnail or a web preview sent by mistake looks blurred at the site's display size."""
    picture = _readable(facts)
    if picture is None or picture.width is None or picture.height is None:
        return NO_HITS
    if max(picture.width, picture.height) < house.min_long_edge:
        return (
            Hit(
                f"the picture is {picture.width}×{picture.height} px, below the house minimum "
                f"of {house.min_long_edge} px on the longer side; ask the agency for the full "
                "size"
            ),
        )
    return NO_HITS


def _cmyk_for_web(facts: CaptionFacts, house: HouseStyle) -> tuple[Hit, ...]:
    """Browsers show a CMYK JPEG with wrong colours or not at all; print takes it as it is."""
    picture = _readable(facts)
    if house.web and picture is not None and picture.color_mode == "cmyk":
        return _CMYK
    return NO_HITS


def _legacy_charset(facts: CaptionFacts, house: HouseStyle) -> tuple[Hit, ...]:
    """IIM text with no 1:90 was decoded as cp1252, a guess: accents and names may be garbled.

    The reader says so in a warning that starts with ``LEGACY_IIM_CHARSET``; no fix is offered,
    because only an editor reading the text can tell whether the guess was right.
    """
    picture = _readable(facts)
    warnings = () if picture is None else picture.warnings
    if warnings and any(w.startswith(LEGACY_IIM_CHARSET) for w in warnings):
        return _LEGACY
    return NO_HITS


RULES: tuple[Rule, ...] = (
    Rule(
        "PD301",
        "picture-missing",
        Severity.ERROR,
        "The linked picture's file has vanished since the scan.",
        _missing,
    ),
    Rule(
        "PD302",
        "picture-unreadable",
        Severity.ERROR,
        "The linked picture's file cannot be read (empty, truncated, not an image).",
        _unreadable,
    ),
    Rule(
        "PD303",
        "picture-too-small",
        Severity.WARNING,
        "The picture's longer side is below the house minimum ([picture] min_long_edge).",
        _too_small,
    ),
    Rule(
        "PD304",
        "cmyk-for-web",
        Severity.ERROR,
        "The picture is CMYK and the site publishes on the web ([house] web).",
        _cmyk_for_web,
    ),
    Rule(
        "PD305",
        "legacy-iptc-charset",
        Severity.WARNING,
        "The picture's IPTC text is legacy 8-bit with no declared character set (1:90).",
        _legacy_charset,
    ),
)
