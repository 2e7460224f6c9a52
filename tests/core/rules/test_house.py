"""House style from ``photodesk.toml`` text: every setting read, every mistake named."""

from __future__ import annotations

import pytest

from photodesk.core.rules import RULE_CODES, HouseStyle, HouseStyleError, Severity, house_from_toml

FULL = """
[house]
territory = "gb"
web = false
[credit]
style = "slash"
label = "Photo: "
agencies = ["Amur Ledger", " Khabarovsk Daily "]
[caption]
min_chars = 20
max_chars = 400
require_date = false
require_place = false
[picture]
min_long_edge = 2000
[rules]
PD101 = "warning"
PD102 = "off"
[codes]
file = "codes.txt"
"""


def test_every_setting_is_read() -> None:
    house = house_from_toml(FULL, RULE_CODES | {"PD101", "PD102"})
    assert house == HouseStyle(
        territory="GB",
        web=False,
        credit_style="slash",
        credit_label="Photo: ",
        extra_agencies=("Amur Ledger", "Khabarovsk Daily"),
        caption_min_chars=20,
        caption_max_chars=400,
        require_date=False,
        require_place=False,
        min_long_edge=2000,
        severities={"PD101": Severity.WARNING, "PD102": None},
        codes_file="codes.txt",
    )


def test_an_empty_file_is_the_defaults() -> None:
    assert house_from_toml("") == HouseStyle()


@pytest.mark.parametrize(
    ("text", "key"),
    [
        ("[caption]\nmin_char = 3\n", "[caption] min_char"),
        ("[caption]\nmin_chars = true\n", "[caption] min_chars"),
        ("[caption]\nmin_chars = 900\n", "[caption] min_chars"),
        ('[house]\nterritory = "Britain"\n', "[house] territory"),
        ('[credit]\nstyle = "fancy"\n', "[credit] style"),
        ("[credit]\nagencies = [1]\n", "[credit] agencies"),
        ('[rules]\nPD999 = "off"\n', "[rules] PD999"),
        ('[rules]\nPD101 = "loud"\n', "[rules] PD101"),
        ("[colour]\nmode = 1\n", "[colour] mode"),
        ("territory = 'GB'\n", "territory"),
        ("[house\n", "photodesk.toml"),
    ],
)
def test_a_mistake_names_its_key(text: str, key: str) -> None:
    with pytest.raises(HouseStyleError) as caught:
        house_from_toml(text, frozenset({"PD101"}))
    assert caught.value.key == key


def test_keys_remap_ui_actions_and_refuse_what_is_not_a_key() -> None:
    house = house_from_toml('[keys]\nsave = "f2 ,ctrl+s"\nhelp = "f1"\n')
    assert house.keys == {"save": "f2, ctrl+s", "help": "f1"}
    assert HouseStyle().keys == {}
    for bad in ("save = 2", 'save = ""', 'save = "f2,,f3"'):
        with pytest.raises(HouseStyleError, match=r"\[keys\] save"):
            house_from_toml(f"[keys]\n{bad}\n")
