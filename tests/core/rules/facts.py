"""Real facts for rule tests: the demo desk's pictures read by the real reader.

Rule tests build a CaptionFacts around one of these so that "fires" and "does not fire" are
judged against metadata an agency would actually embed, not a hand-made dictionary.
"""

from __future__ import annotations

from dataclasses import replace
from functools import cache
from pathlib import Path

from photodesk.core.rules import CaptionFacts, PictureFacts, picture_facts
from photodesk.metadata.read import read_file

PICTURES = Path(__file__).resolve().parents[3] / "media" / "pictures"

# The demo pictures by what is planted in them (media/README.md).
HANDOUT_AFP = "AFP_36HK2QW.jpg"  # Handout / Government of Khabarovsk Territory / AFP, mandatory
KREMLIN_POOL_AP = "AP24283537214406.jpg"  # Yevgeny Korshunov, Sputnik, Kremlin Pool Photo via AP
STATE_MEDIA_AP = "AP24284108853361.jpg"  # KCNA via KNS, Uncredited, NO SALES
ZORINA_AFP = "AFP_36HJ7ZM.jpg"  # Yulia Zorina / AFP (an article credits AP: the contradiction)
GETTY = "GettyImages-2176543210.jpg"  # Léa Fournier/Getty Images
REUTERS = "2024-10-10T001512Z_1_LYNXMPEK9A0C4_RTRMADP_3_RUSSIA-NORTHKOREA-TRADE.JPG"


@cache
def picture(name: str) -> PictureFacts:
    """The named demo picture's facts, read from the file."""
    return picture_facts(read_file(str(PICTURES / name)))


def facts(
    caption: str, credit: str | None, name: str | None = None, **changes: object
) -> CaptionFacts:
    """A caption linked to the named demo picture (or to none), credit parsed by the core."""
    subject = CaptionFacts(
        caption=caption,
        credit=credit,
        parsed=None,
        picture=None if name is None else picture(name),
        caption_id=1,
        article="story.txt",
    )
    return replace(subject, **changes) if changes else subject  # type: ignore[arg-type]
