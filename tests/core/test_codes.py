"""Photo Mechanic code replacements: the file's text parsed, ``=code=`` and ``=code#n=`` expanded.

The table here is parsed from a file's text exactly as an editor's Photo Mechanic file holds it
(tab-separated UTF-8, a byte-order mark and Windows line ends included).
"""

from __future__ import annotations

from hypothesis import given
from hypothesis import strategies as st

from photodesk.core.codes import CodeTable, parse_codes

FILE_TEXT = (
    "\ufeffkju\tKim Jong Un\tNorth Korean leader Kim Jong Un\tKIM JONG UN\r\n"
    "khv\tKhabarovsk, Russia\r\n"
    "\r\n"
    "rtr\tREUTERS/Pavel Surikov\r\n"
    "no tab here\r\n"
    "khv\tKhabarovsk (again)\r\n"
    "c#\tC sharp\r\n"
)
TABLE = parse_codes(FILE_TEXT, "codes.txt")


def test_the_file_text_becomes_code_to_columns() -> None:
    assert dict(TABLE.entries) == {
        "kju": ("Kim Jong Un", "North Korean leader Kim Jong Un", "KIM JONG UN"),
        "khv": ("Khabarovsk, Russia",),
        "rtr": ("REUTERS/Pavel Surikov",),
        "c#": ("C sharp",),
    }
    assert TABLE.source == "codes.txt" and TABLE.error is None and len(TABLE) == 4


def test_bad_lines_are_reported_by_number_and_the_first_definition_counts() -> None:
    assert TABLE.problems == (
        "line 5: expected code<TAB>replacement",
        "line 6: 'khv' is defined again (the first one counts)",
    )
    assert TABLE.lookup("khv") == "Khabarovsk, Russia"


def test_a_column_number_picks_the_third_column_onwards() -> None:
    assert TABLE.replacement("kju") == "Kim Jong Un"
    assert TABLE.replacement("kju#1") == "Kim Jong Un"
    assert TABLE.replacement("kju#2") == "North Korean leader Kim Jong Un"
    assert TABLE.replacement("kju#3") == "KIM JONG UN"
    assert TABLE.replacement("kju#4") is None
    assert TABLE.replacement("c#") == "C sharp"  # a code may end in '#' itself
    assert TABLE.replacement("nope") is None


def test_the_closing_equals_sign_expands_the_code_before_the_cursor() -> None:
    text = "=kju= waves in =khv="
    assert TABLE.expand_at_cursor(text, 5) == ("Kim Jong Un waves in =khv=", 11)
    assert TABLE.expand_at_cursor(text, len(text)) == (
        "=kju= waves in Khabarovsk, Russia",
        len("=kju= waves in Khabarovsk, Russia"),
    )


def test_the_second_column_by_number_and_text_after_the_cursor_kept() -> None:
    text = "Here =kju#2= waves."
    assert TABLE.expand_at_cursor(text, 12) == ("Here North Korean leader Kim Jong Un waves.", 36)


def test_what_is_not_a_known_code_stays_as_typed() -> None:
    for text in ("=nope=", "a = b =", "x=", "=kju#9=", "=kju"):
        assert TABLE.expand_at_cursor(text, len(text)) == (text, len(text))
    assert TABLE.expand_at_cursor("=kju= ", 6) == ("=kju= ", 6)  # the cursor is not after '='
    assert TABLE.expand_at_cursor("=kju=", 99) == ("=kju=", 99)


def test_expand_all_expands_every_known_code_and_keeps_the_rest() -> None:
    text = "=kju#2= visits =khv= (=rtr=); 2+2=4= and =x=khv="
    assert TABLE.expand_all(text) == (
        "North Korean leader Kim Jong Un visits Khabarovsk, Russia (REUTERS/Pavel Surikov);"
        " 2+2=4= and =xKhabarovsk, Russia"
    )  # the '=' after an unknown code opens the next one, as it does while typing


@given(st.text(alphabet="=ab #12\t", max_size=30))
def test_an_empty_table_changes_nothing(text: str) -> None:
    empty = CodeTable()
    assert empty.expand_all(text) == text
    assert empty.expand_at_cursor(text, len(text)) == (text, len(text))


PIECES = st.lists(
    st.one_of(st.sampled_from(["=kju=", "=kju#2="]), st.text(alphabet="ab .,", max_size=5))
)


@given(PIECES)
def test_typing_expands_as_expand_all_does(pieces: list[str]) -> None:
    """Codes among plain words: expanded at each closing '=' while typing, or all at once."""
    table = parse_codes("kju\tKim\tKIM\n")
    expected = "".join({"=kju=": "Kim", "=kju#2=": "KIM"}.get(piece, piece) for piece in pieces)
    typed, cursor = "", 0
    for char in "".join(pieces):
        typed, cursor = table.expand_at_cursor(typed + char, cursor + 1)
    assert typed == expected and cursor == len(expected)
    assert table.expand_all("".join(pieces)) == expected
