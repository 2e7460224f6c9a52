"""Photoshop's IPTCDigest after a write: current where the file had one, never added where not.

ExifTool is the judge: it computes CurrentIPTCDigest from the IIM where MWG puts it and warns
"IPTCDigest is not current" when the stored digest differs, the case in which readers following
the MWG guidance take the IIM for newer than XMP. The real files that
carry a digest come from the corpus in ../shared (found with ExifTool itself); the demo desk's
agency JPEGs carry none. Every write goes to tmp_path.
"""

from __future__ import annotations

import hashlib
import json
import shutil
import struct
import subprocess
from pathlib import Path

import pytest

from photodesk.core.metadata import Value
from photodesk.metadata.containers import parse_container
from photodesk.metadata.fingerprint import fingerprint
from photodesk.metadata.write import WriteError, write_picture
from photodesk.metadata.write_digest import refresh_iptc_digest
from tests.metadata.crafted import iim, irb, jpeg, segment, with_segments

MEDIA = Path(__file__).resolve().parents[2] / "media" / "pictures"
EXIFTOOL = shutil.which("exiftool")
# Skipped with the reason where ExifTool is missing, failed under CI (tests/tools.py).
needs_exiftool = pytest.mark.usefixtures("exiftool_installed")
NOT_CURRENT = "IPTCDigest is not current"
PS_HEADER = b"Photoshop 3.0\x00"
VALUES: dict[str, Value] = {
    "description": "Ri Sŏng Chŏl waves from a train in Khabarovsk; «Привет», said Léa.",
    "creators": ("Léa Fournier",),
    "credit": "Léa Fournier/AFP",
}


class Digests:
    """What ExifTool says about one file's digest: stored, computed, and every warning."""

    def __init__(self, found: dict[str, object]) -> None:
        self.stored = found.get("Photoshop:IPTCDigest")
        self.current = found.get("File:CurrentIPTCDigest")
        self.warnings = [str(v) for k, v in found.items() if k.endswith(":Warning")]


def exiftool_digests(paths: list[Path]) -> dict[str, Digests]:
    """One ExifTool run over ``paths``; family-4 groups keep every duplicate warning."""
    assert EXIFTOOL is not None
    output = subprocess.run(
        [EXIFTOOL, "-j", "-a", "-G1:4", "-warning", "-IPTCDigest", "-CurrentIPTCDigest", "--"]
        + [str(path) for path in paths],
        check=True,
        capture_output=True,
    ).stdout
    return {item["SourceFile"]: Digests(item) for item in json.loads(output.decode("utf-8"))}


def corpus_with_digest(shared_dir: Path) -> list[Path]:
    """The real corpus files that carry an IPTCDigest, as ExifTool finds them."""
    assert EXIFTOOL is not None
    root = shared_dir / "corpus" / "real"
    output = subprocess.run(
        [EXIFTOOL, "-q", "-q", "-r", "-if", "$IPTCDigest", "-p", "$Directory/$FileName", str(root)],
        capture_output=True,
    ).stdout
    return sorted(Path(line) for line in output.decode("utf-8").splitlines() if line)


def image_sha256(path: Path) -> str | None:
    return fingerprint(path).image_sha256


@needs_exiftool
def test_every_real_file_with_a_digest_has_a_current_one_after_a_write(
    shared_dir: Path, tmp_path: Path
) -> None:
    """JPEGs (stale or current digests, IRBs in one or several APP13 segments, stray bytes
    between segments) and a Photoshop TIFF: ExifTool's digests agree, and nothing warns."""
    sources = corpus_with_digest(shared_dir)
    assert len(sources) >= 40, sources
    written: list[Path] = []
    refused: list[str] = []
    for index, path in enumerate(sources):
        target = tmp_path / f"{index:02d}{path.suffix}"
        shutil.copyfile(path, target)
        before = image_sha256(target)
        try:
            write_picture(target, VALUES, target)
        except WriteError as error:  # broken files libexiv2 will not write
            if "which photodesk cannot update" not in str(error):  # a stale copy: test_write
                refused.append(f"{path.name}: {error}")
            continue
        assert before is not None and image_sha256(target) == before, path
        written.append(target)
    assert len(refused) <= 3, refused
    found = exiftool_digests(written)
    checked = {".jpg": 0, ".tif": 0}
    for target in written:
        digests = found[str(target)]
        assert not [w for w in digests.warnings if NOT_CURRENT in w], target
        if digests.current is not None:  # ExifTool found IIM where MWG puts it
            assert digests.stored == digests.current, target
            checked[target.suffix] += 1
    assert checked[".jpg"] >= 35 and checked[".tif"] >= 1, checked


def test_a_tiff_with_its_iim_only_in_the_photoshop_block_gets_that_iim_digest(
    shared_dir: Path, tmp_path: Path
) -> None:
    """Pillow's tiff_adobe_deflate.tif has a zero digest and no IIM; libexiv2 then puts the new
    IIM into the IRB (tag 34377), not tag 33723, so ExifTool computes no CurrentIPTCDigest. The
    digest is still made the MD5 of the file's only IIM."""
    source = shared_dir / "corpus" / "real" / "python-pillow__Pillow" / "tiff_adobe_deflate.tif"
    target = tmp_path / source.name
    shutil.copyfile(source, target)
    write_picture(target, VALUES, target)
    data = target.read_bytes()
    found = parse_container(data).iim
    assert found is not None
    assert hashlib.md5(found).digest() in data  # the 16 bytes of resource 0x0425


@needs_exiftool
@pytest.mark.parametrize("name", sorted(p.name for p in MEDIA.iterdir() if p.is_file()))
def test_an_agency_picture_without_a_digest_gets_none(tmp_path: Path, name: str) -> None:
    target = tmp_path / name
    shutil.copyfile(MEDIA / name, target)
    before = image_sha256(target)
    write_picture(target, VALUES, target)
    assert image_sha256(target) == before
    digests = exiftool_digests([target])[str(target)]
    assert digests.stored is None and digests.current is not None  # IIM, and no digest
    assert not [w for w in digests.warnings if NOT_CURRENT in w]


def digest_resource(digest: bytes = b"\x00" * 16) -> tuple[int, bytes]:
    return (0x0425, digest)


def test_only_the_sixteen_digest_bytes_change_even_across_app13_segments() -> None:
    """An IRB split over two APP13 segments with the digest cut in half by the split: the
    digest is patched in both halves, and no other byte (length, image data) moves."""
    block = iim((1, 90, b"\x1b%G"), (2, 120, "Légende".encode()))
    resources = irb((0x0404, block), (0x03ED, b"\x00" * 16), digest_resource())
    split = len(resources) - 8  # inside the digest's 16 bytes
    first = segment(0xED, PS_HEADER + resources[:split])
    second = segment(0xED, PS_HEADER + resources[split:])
    data = with_segments(jpeg(), first, second)
    patched = refresh_iptc_digest(data, "jpeg")
    assert len(patched) == len(data)
    changed = [i for i, (a, b) in enumerate(zip(data, patched, strict=True)) if a != b]
    assert changed and len(changed) <= 16
    joined = patched[4 + len(PS_HEADER) + 2 : 2 + len(first)]
    joined += patched[2 + len(first) + 4 + len(PS_HEADER) : 2 + len(first) + len(second)]
    assert joined[-16:] == hashlib.md5(block).digest()
    assert patched[2 + len(first) + len(second) :] == data[2 + len(first) + len(second) :]
    assert refresh_iptc_digest(patched, "jpeg") is patched  # already current: left alone


def test_no_digest_is_added_and_a_digest_without_iim_is_left_alone() -> None:
    no_digest = with_segments(jpeg(), segment(0xED, PS_HEADER + irb((0x0404, iim((2, 5, b"X"))))))
    assert refresh_iptc_digest(no_digest, "jpeg") is no_digest
    no_iim = with_segments(jpeg(), segment(0xED, PS_HEADER + irb(digest_resource(b"\x01" * 16))))
    assert refresh_iptc_digest(no_iim, "jpeg") is no_iim
    assert refresh_iptc_digest(b"\x89PNG\r\n\x1a\n", "png") == b"\x89PNG\r\n\x1a\n"


def test_a_broken_structure_is_left_as_it_is() -> None:
    """A JPEG cut before SOS, an IRB that claims more than it holds, a TIFF that is not one."""
    resources = irb((0x0404, iim((2, 5, b"X"))), digest_resource())
    whole = with_segments(jpeg(), segment(0xED, PS_HEADER + resources))
    cut = whole[: 2 + 4 + len(PS_HEADER) + len(resources)]  # the APP13 segment, then nothing
    assert refresh_iptc_digest(cut, "jpeg") is cut
    lying = bytearray(whole)
    size_at = whole.index(b"8BIM\x04\x25") + 8
    lying[size_at : size_at + 4] = struct.pack(">I", 1 << 20)
    assert refresh_iptc_digest(bytes(lying), "jpeg") == bytes(lying)
    assert refresh_iptc_digest(b"II*\x00\xff\xff\xff\xff", "tiff") == b"II*\x00\xff\xff\xff\xff"
