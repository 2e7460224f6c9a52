"""Where the house style comes from: beside the desk's file, or ``--config``."""

from __future__ import annotations

from pathlib import Path

import pytest

from photodesk.core.rules import HouseStyle
from photodesk.services.config import ConfigError, load_house_style
from photodesk.services.desk import open_desk


def test_the_file_beside_a_sqlite_desk_is_its_house_style(tmp_path: Path) -> None:
    (tmp_path / "photodesk.toml").write_text("[picture]\nmin_long_edge = 3000\n", "utf-8")
    with open_desk(f"sqlite:///{tmp_path / 'desk.db'}") as desk:
        assert desk.config_path == tmp_path / "photodesk.toml"
        assert desk.house.min_long_edge == 3000


def test_no_file_means_the_defaults_but_a_named_one_must_exist(tmp_path: Path) -> None:
    with open_desk(f"sqlite:///{tmp_path / 'desk.db'}") as desk:
        assert desk.house == HouseStyle()
    named = tmp_path / "elsewhere.toml"
    with (
        open_desk(f"sqlite:///{tmp_path / 'desk.db'}", config=named) as desk,
        pytest.raises(ConfigError, match="no such file"),
    ):
        _ = desk.house


def test_a_file_that_is_not_text_is_an_error_naming_it(tmp_path: Path) -> None:
    path = tmp_path / "photodesk.toml"
    path.write_bytes(b"\xff\xfe[house]")
    with pytest.raises(ConfigError) as caught:
        load_house_style(path)
    assert caught.value.subject == str(path) and "UTF-8" in caught.value.reason
