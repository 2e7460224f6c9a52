"""IPTC-IIM datasets: bounded parsing, the 1:90 character-set rule, ISO 2022 escapes, no repairs."""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from photodesk.metadata.iim import iter_datasets, read_iim

UTF8 = b"\x1b%G"


def ds(record: int, number: int, payload: bytes) -> bytes:
    """One dataset: tag marker, record, dataset, two-byte length (or an extended length)."""
    if len(payload) < 0x8000:
        return bytes([0x1C, record, number]) + len(payload).to_bytes(2, "big") + payload
    return bytes([0x1C, record, number, 0x80, 0x04]) + len(payload).to_bytes(4, "big") + payload


def block(*datasets: tuple[int, bytes], charset: bytes | None = None) -> bytes:
    head = ds(1, 90, charset) if charset is not None else b""
    return head + ds(2, 0, b"\x00\x04") + b"".join(ds(2, n, p) for n, p in datasets)


def test_fields_lists_and_charset_of_a_declared_utf8_block():
    data = block(
        (120, "Île de France, été".encode()),
        (80, b"Jane Doe"),
        (80, b"John Roe"),
        (110, b"REUTERS"),
        (25, b"politics"),
        (25, b"france"),
        (5, b"PAR01"),
        charset=UTF8,
    )
    reading = read_iim(data)
    assert reading.block == "iim"
    assert reading.charset == "utf-8"
    assert reading.warnings == ()
    assert reading.values == {
        "description": "Île de France, été",
        "creators": ("Jane Doe", "John Roe"),
        "credit": "REUTERS",
        "keywords": ("politics", "france"),
        "title": "PAR01",
    }


def test_undeclared_ascii_is_cp1252_without_a_warning():
    reading = read_iim(block((110, b"AP")))
    assert reading.charset == "cp1252"
    assert reading.values == {"credit": "AP"}
    assert reading.warnings == ()


def test_undeclared_8bit_text_is_cp1252_and_flagged():
    reading = read_iim(block((90, "Göteborg – Café".encode("cp1252"))))
    assert reading.values["city"] == "Göteborg – Café"
    assert reading.charset == "cp1252"
    assert any("legacy 8-bit IPTC text, no character set declared" in w for w in reading.warnings)
    assert not any("is UTF-8" in w for w in reading.warnings)


def test_undeclared_utf8_is_read_as_utf8_dataset_by_dataset():
    """ExifTool shows mojibake for these (corpus README); a desk must not, nor write it back.
    One block may mix a cp1252 dataset with a UTF-8 one (exiv2-bug501.jpg)."""
    reading = read_iim(block((95, "Île de Franc".encode()), (90, "Göteborg".encode("cp1252"))))
    assert reading.values["state"] == "Île de Franc"
    assert reading.values["city"] == "Göteborg"
    assert reading.charset == "cp1252"
    assert any(
        "2:95 is UTF-8 although no character set is declared" in w and "ÃŽle de Franc" in w
        for w in reading.warnings
    )
    assert any("legacy 8-bit IPTC text" in w for w in reading.warnings)


def test_declared_utf8_with_invalid_bytes_is_replaced_with_a_warning():
    reading = read_iim(block((110, b"Caf\xe9"), charset=UTF8))
    assert reading.values["credit"] == "Caf\ufffd"
    assert any("not valid UTF-8" in w for w in reading.warnings)


def test_iso_8859_designation_in_1_90_is_decoded_and_named():
    reading = read_iim(block((90, "Łódź".encode("iso8859-2")), charset=b"\x1b-B"))
    assert reading.values["city"] == "Łódź"
    assert reading.charset == "iso8859-2"
    assert any("ESC - B" in w for w in reading.warnings)


def test_unsupported_or_garbage_1_90_falls_back_to_cp1252_with_a_warning():
    jis = read_iim(block((110, b"AFP"), charset=b"\x1b$B"))
    assert jis.charset == "cp1252" and jis.values["credit"] == "AFP"
    assert any("ESC $ B" in w for w in jis.warnings)
    garbage = read_iim(block((110, b"AFP"), charset=b" ? \x1c \x02"))  # exiv2-bug444.jpg
    assert garbage.values["credit"] == "AFP"
    assert any("no ISO 2022 escape sequence" in w for w in garbage.warnings)


def test_iso_2022_jp_text_is_decoded_with_a_warning():
    reading = read_iim(block((120, "東京の夜景".encode("iso2022_jp"))))
    assert reading.values["description"] == "東京の夜景"
    assert any("ISO-2022-JP-2" in w for w in reading.warnings)


def test_escapes_that_cannot_be_interpreted_are_removed_and_reported():
    reading = read_iim(block((110, b"\x1b-AReuters \xe9")))
    assert reading.values["credit"] == "Reuters é"
    assert any("ESC - A" in w and "removed" in w for w in reading.warnings)


def test_iim_date_and_time_become_iso_8601():
    assert read_iim(block((55, b"20241010"), (60, b"143000+0200"))).values == {
        "date_created": "2024-10-10T14:30:00+02:00"
    }
    assert read_iim(block((55, b"20241010"))).values == {"date_created": "2024-10-10"}
    dashed = read_iim(block((55, b"2015-01-22"), (60, b"000000+0000")))
    assert dashed.values == {"date_created": "2015-01-22T00:00:00+00:00"}
    assert any("read as 20150122" in w for w in dashed.warnings)
    odd = read_iim(block((55, b"10/10/24")))
    assert odd.values == {"date_created": "10/10/24"}
    assert any("not CCYYMMDD" in w for w in odd.warnings)


def test_extended_length_dataset():
    caption = b"x" * 40_000
    assert read_iim(block((120, caption))).values["description"] == "x" * 40_000


def test_truncated_dataset_stops_cleanly_and_keeps_what_came_before():
    data = block((110, b"AP"), (120, b"A caption"))[:-4]
    reading = read_iim(data)
    assert reading.values == {"credit": "AP"}
    assert any("claims more bytes than remain" in w for w in reading.warnings)


def test_garbage_after_the_datasets_is_a_warning():
    reading = read_iim(block((110, b"AP")) + b"\xff\xfe junk")
    assert reading.values == {"credit": "AP"}
    assert any("unexpected bytes" in w for w in reading.warnings)


def test_nul_padding_is_silent_even_between_joined_blocks():
    data = block((110, b"AP")) + b"\x00" + block((80, b"Jane Doe")) + b"\x00\x00\x00"
    reading = read_iim(data)
    assert reading.values == {"credit": "AP", "creators": ("Jane Doe",)}
    assert reading.warnings == ()


def test_invalid_extended_length_stops_with_a_warning():
    data = block((110, b"AP")) + bytes([0x1C, 2, 120, 0x80, 0x09]) + b"\x00" * 9
    reading = read_iim(data)
    assert reading.values == {"credit": "AP"}
    assert reading.warnings


def test_repeated_single_dataset_keeps_the_first_and_says_so():
    reading = read_iim(block((110, b"AP"), (110, b"AFP")))
    assert reading.values == {"credit": "AP"}
    assert any("appears 2 times" in w for w in reading.warnings)


def test_nul_terminators_and_blank_values_are_dropped():
    reading = read_iim(block((110, b"AP\x00"), (115, b"   "), (40, b"\x00")))
    assert reading.values == {"credit": "AP"}


def test_empty_block_has_no_charset():
    assert read_iim(b"").values == {}
    assert read_iim(b"").charset is None


def test_datasets_are_bounded_by_the_data():
    warnings: list[str] = []
    assert iter_datasets(bytes([0x1C, 2, 120, 0xFF, 0xFF]) + b"short", warnings) == []
    assert warnings


@settings(max_examples=300, deadline=None)
@given(st.binary(max_size=600))
def test_arbitrary_bytes_never_raise(data):
    reading = read_iim(data)
    assert reading.block == "iim"


@settings(max_examples=300, deadline=None)
@given(st.data())
def test_mutated_blocks_never_raise(data):
    original = bytearray(block((120, "Été à Paris".encode()), (80, b"Jane"), charset=UTF8))
    for _ in range(data.draw(st.integers(1, 6))):
        index = data.draw(st.integers(0, len(original) - 1))
        original[index] = data.draw(st.integers(0, 255))
    cut = data.draw(st.integers(0, len(original)))
    read_iim(bytes(original[:cut]))
