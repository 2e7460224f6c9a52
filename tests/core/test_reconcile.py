"""Reconciliation: XMP, then IIM, then EXIF; truncations, dates, lists and camera junk agree."""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from photodesk.core.agreement import dates_agree, is_camera_junk, iso_date
from photodesk.core.metadata import FIELDS, BlockReading, Conflict
from photodesk.core.reconcile import _agree, reconcile, usable
from photodesk.metadata.fields import IIM_LIMITS


def xmp(**values):
    return BlockReading("xmp", values)


def iim(charset="utf-8", **values):
    return BlockReading("iim", values, charset)


def exif(**values):
    return BlockReading("exif", values)


def run(*blocks):
    return reconcile(blocks, IIM_LIMITS)


def test_priority_is_xmp_then_iim_then_exif_whatever_the_input_order():
    values, _ = run(exif(description="c"), iim(description="b", credit="AP"), xmp(title="t"))
    assert values == {"description": "b", "credit": "AP", "title": "t"}
    values, conflicts = run(exif(description="E"), xmp(description="X"))
    assert values["description"] == "X"
    assert conflicts == (Conflict("description", {"xmp": "X", "exif": "E"}),)


def test_values_are_compared_after_folding_whitespace():
    _, conflicts = run(xmp(description="A  caption\n here "), iim(description="A caption\rhere"))
    assert conflicts == ()


def test_unicode_composition_does_not_make_a_conflict():
    assert run(xmp(city="Zu\u0308rich"), iim(city="Z\u00fcrich"))[1] == ()


def test_a_zero_date_is_no_date():
    assert run(iim(date_created="0000-00-00"), exif(date_created="0000:00:00 00:00:00"))[0] == {}


def test_iim_cut_at_its_byte_limit_is_a_truncation():
    credit = "Photographer's Mate 3rd Class (AW) Elizabeth Thompson"
    values, conflicts = run(xmp(credit=credit), iim(credit=credit.encode()[:32].decode()))
    assert values == {"credit": credit} and conflicts == ()


def test_truncation_in_the_middle_of_a_utf8_character():
    creator = "Photographerís Mate 3rd Class (AW)"  # í is two bytes; the cut splits nothing here
    cut = creator.encode()[:32].decode("utf-8", "ignore")
    assert run(xmp(creators=(creator,)), iim(creators=(cut,)))[1] == ()
    split = "x" * 31 + "é and more"  # byte 32 is the first half of é
    cut = split.encode()[:32].decode("utf-8", "replace")
    assert cut.endswith("\ufffd")
    assert run(xmp(source=split), iim(source=cut))[1] == ()


def test_truncation_in_a_cp1252_block_is_counted_in_cp1252_bytes():
    credit = "Agence Française de Presse — Paris bureau"
    cut = credit.encode("cp1252")[:32].decode("cp1252")
    assert run(xmp(credit=credit), iim("cp1252", credit=cut))[1] == ()


def test_a_prefix_that_is_not_at_the_limit_is_a_conflict():
    _, conflicts = run(xmp(credit="REUTERS/Jane Doe"), iim(credit="REUTERS"))
    assert conflicts == (Conflict("credit", {"xmp": "REUTERS/Jane Doe", "iim": "REUTERS"}),)


def test_without_limits_nothing_is_a_truncation():
    credit = "x" * 40
    assert reconcile([xmp(credit=credit), iim(credit="x" * 32)])[1] != ()


def test_dates_are_compared_as_dates():
    assert run(xmp(date_created="2024-10-10"), exif(date_created="2024:10:10"))[1] == ()
    assert (
        run(xmp(date_created="2024-10-10"), iim(date_created="2024-10-10T14:30:00+02:00"))[1] == ()
    )
    assert (
        run(xmp(date_created="2024-10-10T14:30:00.25"), exif(date_created="2024:10:10 14:30:00"))[1]
        == ()
    )
    _, conflicts = run(xmp(date_created="2024-10-10"), exif(date_created="2024:10:11 09:00:00"))
    assert [c.field for c in conflicts] == ["date_created"]


def test_dates_with_offsets_agree_on_the_same_instant():
    assert dates_agree("2024-10-10T14:30:00+02:00", "2024-10-10T12:30:00Z")
    assert not dates_agree("2024-10-10T14:30:00+02:00", "2024-10-10T14:30:00Z")
    assert dates_agree("2024-10", "2024-10-10T14:30")  # a partial date agrees with its day
    assert not dates_agree("not a date", "2024-10-10")


def test_the_winning_date_is_iso_8601():
    assert run(exif(date_created="2001:05:19 18:36:41"))[0] == {
        "date_created": "2001-05-19T18:36:41"
    }
    assert iso_date("2001-05-19T18:36:41.5+01:00") == "2001-05-19T18:36:41.5+01:00"
    assert iso_date("0000:00:00 00:00:00") == "0000:00:00 00:00:00"


def test_lists_are_compared_as_lists():
    people = ("Jane Doe", "John Roe")
    assert run(xmp(creators=people), iim(creators=people))[1] == ()
    assert run(xmp(creators=people), iim(creators=people[::-1]))[1] != ()  # a Seq keeps its order
    assert run(xmp(keywords=("a", "b")), iim(keywords=("b", "a")))[1] == ()  # a Bag does not
    assert run(xmp(keywords=("a", "b")), iim(keywords=("a",)))[1] != ()
    assert run(xmp(creators=people), exif(creators="Jane Doe; John Roe"))[1] == ()


def test_list_items_may_be_truncated_one_by_one():
    long = "A keyword well past the sixty-four byte limit of the IIM keyword dataset"
    values, conflicts = run(xmp(keywords=(long, "b")), iim(keywords=("b", long[:64])))
    assert conflicts == () and values["keywords"] == (long, "b")


def test_blank_values_and_exif_camera_junk_are_no_values():
    values, conflicts = run(
        iim(description="Real caption"),
        exif(description="OLYMPUS DIGITAL CAMERA         ", creators=("   ",), copyright=" "),
    )
    assert values == {"description": "Real caption"}
    assert conflicts == ()
    assert run(exif(description="SONY DSC"))[0] == {}
    # junk is only junk in EXIF: an agency that typed it into IIM meant it
    assert run(iim(description="SONY DSC"))[0] == {"description": "SONY DSC"}


def test_camera_junk_patterns():
    for junk in ("OLYMPUS DIGITAL CAMERA", "KONICA MINOLTA DIGITAL CAMERA", "SONY DSC", "DCF 1.0"):
        assert is_camera_junk(junk), junk
    for caption in ("A digital camera on a table", "SONY DSC-RX100 review", "Jane Doe"):
        assert not is_camera_junk(caption), caption


def test_a_conflict_keeps_every_blocks_value():
    _, conflicts = run(xmp(credit="AFP"), iim(credit="AFP"), exif(description="x"))
    assert conflicts == ()
    _, conflicts = run(xmp(copyright="© AFP"), iim(copyright="© AFP"), exif(copyright="© AP"))
    assert conflicts == (Conflict("copyright", {"xmp": "© AFP", "iim": "© AFP", "exif": "© AP"}),)


@given(
    st.dictionaries(
        st.sampled_from(["description", "creators", "credit", "date_created", "keywords"]),
        st.one_of(st.text(max_size=40), st.lists(st.text(max_size=20), max_size=4).map(tuple)),
    ),
    st.dictionaries(st.sampled_from(["description", "credit", "date_created"]), st.text()),
)
def test_reconcile_never_raises(first, second):
    values, conflicts = run(xmp(**first), iim(**second), exif(**second))
    assert set(values) <= set(first) | set(second)
    assert all(c.field in values for c in conflicts)


def test_identical_values_in_every_block_take_the_short_path_to_the_same_answer():
    caption = "OLYMPUS DIGITAL CAMERA"  # junk in EXIF, a caption in XMP and IIM
    assert run(xmp(description=caption), iim(description=caption), exif(description=caption)) == (
        {"description": caption},
        (),
    )
    assert run(exif(description=caption), exif(description="x")) == ({}, ())  # EXIF alone: junk
    assert run(xmp(credit="  "), iim(credit="  "), exif(credit="  ")) == ({}, ())
    assert run(xmp(date_created="2024:10:10"), iim(date_created="2024:10:10"))[0] == {
        "date_created": "2024-10-10"
    }
    assert run(xmp(keywords=(" a ", "")), iim(keywords=(" a ", "")))[0] == {"keywords": ("a",)}


def _reference(blocks):
    """The reconciliation as first written (every block shaped, then compared): the oracle for
    the short path taken when every block holds the same raw value."""
    by_block = {}
    for reading in blocks:
        by_block.setdefault(reading.block, reading)
    ordered = [by_block[b] for b in ("xmp", "iim", "exif") if b in by_block]
    charset = by_block["iim"].charset if "iim" in by_block else None
    values, conflicts = {}, []
    for name in FIELDS:
        present = []
        for reading in ordered:
            value = usable(name, reading.block, reading.values.get(name))
            if value is not None:
                present.append((reading.block, value))
        if not present:
            continue
        best = present[0][1]
        values[name] = iso_date(best) if name == "date_created" and isinstance(best, str) else best
        for other in present[1:]:
            if not _agree(name, present[0], other, IIM_LIMITS.get(name), charset):
                conflicts.append(Conflict(name, dict(present)))
                break
    return values, tuple(conflicts)


_TEXTS = st.sampled_from(
    ["AFP", " AFP", "AFP ", "", "  ", "SONY DSC", "a; b", "a", "b", "2024:10:10", "0000:00:00"]
)
_VALUES = st.one_of(_TEXTS, st.lists(_TEXTS, max_size=3).map(tuple))
_FIELDS = st.sampled_from(["description", "creators", "keywords", "credit", "date_created"])
_READINGS = st.dictionaries(_FIELDS, _VALUES)


@settings(max_examples=1000)
@given(_READINGS, _READINGS, _READINGS, st.permutations(["xmp", "iim", "exif"]))
def test_reconcile_matches_the_reference_on_every_shape(first, second, third, order):
    made = {"xmp": xmp(**first), "iim": iim(**second), "exif": exif(**third)}
    blocks = [made[block] for block in order]
    assert run(*blocks) == _reference(blocks)
    same = [made[block].__class__(block, first) for block in order]  # one raw value everywhere
    assert run(*same) == _reference(same)
