"""``tests.tools``: a missing tool skips a test on a laptop and fails it under CI."""

from __future__ import annotations

import pytest

from tests.tools import require_tool

MISSING = ("photodesk-no-such-tool",)


def test_a_missing_tool_fails_under_ci(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("CI", "true")
    with pytest.raises(pytest.fail.Exception, match="CI must run this test"):
        require_tool(MISSING, "cannot check anything")


def test_a_missing_tool_skips_elsewhere_with_the_reason(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv("CI", raising=False)
    with pytest.raises(pytest.skip.Exception, match="photodesk-no-such-tool is not installed"):
        require_tool(MISSING, "cannot check anything")


def test_a_present_tool_is_found_by_any_of_its_names() -> None:
    assert require_tool((*MISSING, "sh"), "cannot run a shell").endswith("sh")
