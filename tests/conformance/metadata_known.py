"""Known disagreements with ExifTool on the real-world corpus, each with its reason.

These still count as disagreements in the printed agreement figure; listing them here only
says that each one was looked at and is deliberate or not ours to fix. docs/accuracy.md gives the
same list. A disagreement that is not here fails the conformance test.
"""

from __future__ import annotations

_CAMERA_JUNK = (
    "camera firmware default in EXIF ImageDescription, not a caption: photodesk drops it "
    "on purpose (core.agreement.is_camera_junk); ExifTool reports it"
)

_UNSUPPORTED = (
    "GIF is not a supported format (photodesk reports 'GIF is not supported'); ExifTool reads "
    "its size and the XMP inside it"
)

_UNDECLARED_UTF8 = (
    "IIM without a 1:90 declaration whose bytes are UTF-8: ExifTool reads cp1252 ('ÃŽle de "
    "Franc'), photodesk reads a dataset that is valid UTF-8 as UTF-8 ('Île de Franc'), so that "
    "a write-back does not make the mojibake permanent (iim_text.py)"
)

KNOWN: dict[tuple[str, str], str] = {
    # Deliberate: a picture desk must not see firmware boilerplate as the caption.
    ("Exiv2__exiv2/exiv2-olympus-c8080wz.jpg", "description"): _CAMERA_JUNK,
    ("exiftool__exiftool/Olympus.jpg", "description"): _CAMERA_JUNK,
    ("exiftool__exiftool/OlympusE1.jpg", "description"): _CAMERA_JUNK,
    ("ianare__exif-samples/corrupted.jpg", "description"): _CAMERA_JUNK,
    ("exiftool__exiftool/GE.jpg", "description"): _CAMERA_JUNK,
    ("exiftool__exiftool/Sanyo.jpg", "description"): _CAMERA_JUNK,
    ("ianare__exif-samples/Konica_Minolta_DiMAGE_Z3.jpg", "description"): _CAMERA_JUNK,
    ("exiftool__exiftool/Minolta.jpg", "description"): _CAMERA_JUNK + " ('DCF 1.0')",
    ("exiftool__exiftool/GoPro.jpg", "description"): _CAMERA_JUNK + " (the file's DCIM path)",
    # Not a supported format: the corpus README keeps this GIF as the unsupported-format case.
    ("exiftool__exiftool/GIF.gif", "title"): _UNSUPPORTED,
    ("exiftool__exiftool/GIF.gif", "width"): _UNSUPPORTED,
    ("exiftool__exiftool/GIF.gif", "height"): _UNSUPPORTED,
    # Undeclared IIM holding UTF-8: ExifTool shows mojibake (the corpus README says so).
    ("Exiv2__exiv2/exiv2-bug922.png", "state"): _UNDECLARED_UTF8,
    ("Exiv2__exiv2/imagemagick.png", "state"): _UNDECLARED_UTF8,
    # A fuzzed proof-of-concept file: the values differ in bytes neither reading can vouch for.
    ("Exiv2__exiv2/issue_1847_poc.jpg", "description"): (
        "fuzzed proof-of-concept file: the 2:120 dataset declares 38 bytes that run into a "
        "following APP13 header; photodesk keeps the 38 bytes, ExifTool ends the value at the "
        "NUL inside that header"
    ),
}
