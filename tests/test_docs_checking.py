"""docs/checking.md keeps up with the code: every rule and every house-style setting is there."""

from __future__ import annotations

from pathlib import Path

from photodesk.core.rules import RULES
from photodesk.core.rules.house import setting_keys

DOC = (Path(__file__).resolve().parent.parent / "docs" / "checking.md").read_text("utf-8")


def test_every_rule_has_its_row_with_code_name_and_default_severity() -> None:
    rows = {
        line.split("|")[1].strip(): line for line in DOC.splitlines() if line.startswith("| PD")
    }
    assert set(rows) == {rule.code for rule in RULES}
    for rule in RULES:
        cells = [cell.strip() for cell in rows[rule.code].split("|")]
        assert cells[2] == rule.name
        assert cells[3].startswith(rule.severity.value)


def test_every_setting_is_documented_in_its_section() -> None:
    example = DOC.split("```toml", 1)[1].split("```", 1)[0]
    for section, key in setting_keys():
        block = example.split(f"\n[{section}]", 1)[1].split("\n[", 1)[0]
        assert f"{key} =" in block, (section, key)
