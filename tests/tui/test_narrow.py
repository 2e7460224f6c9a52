"""An 80x24 terminal can edit: the comparison column gives way to the editors, the table and
the panel share the height, the header breaks between counts, and dialogs fit the screen."""

from __future__ import annotations

from textual.geometry import Region
from textual.pilot import Pilot
from textual.widget import Widget

from photodesk.services.desk import Desk
from photodesk.tui.screens.write import WriteScreen
from tests.tui.support import drive, make_app, settle, shown_text

SMALL = (80, 24)
SCREEN = Region(0, 0, *SMALL)
MIN_EDITOR = 40


def on_screen(widget: Widget) -> bool:
    """Whether the widget is drawn, whole, inside the terminal."""
    region = widget.region
    return widget.display and bool(region) and SCREEN.contains_region(region)


def test_the_editors_get_the_width_and_height_of_an_80x24_terminal(sqlite_demo: Desk) -> None:
    seen: dict[str, object] = {}

    async def scenario(pilot: Pilot[None]) -> None:
        screen = pilot.app.screen
        for name in ("#caption-editor", "#credit-input", "#findings", "#desk-table"):
            widget = screen.query_one(name)
            seen[name] = (widget.region.width, on_screen(widget))
        seen["compare"] = screen.query_one("#compare").display
        seen["header"] = shown_text(screen.query_one("#counts"))

    drive(make_app(sqlite_demo), scenario, size=SMALL)
    for name in ("#caption-editor", "#credit-input"):
        width, shown = seen[name]  # type: ignore[misc]
        assert width >= MIN_EDITOR and shown, (name, seen[name])
    assert seen["#findings"][1] and seen["#desk-table"][1]  # type: ignore[index]
    assert seen["compare"] is False
    header = str(seen["header"])
    for count in ("12 pictures", "1 missing credit", "2 errors", "0 drafts"):
        assert count in header  # on two lines, none cut off or split


def test_the_write_dialog_fits_an_80x24_terminal(sqlite_demo: Desk) -> None:
    seen: dict[str, object] = {}

    async def scenario(pilot: Pilot[None]) -> None:
        await pilot.press("w")
        await settle(pilot)
        dialog = pilot.app.screen
        assert isinstance(dialog, WriteScreen)
        for name in ("#write-title", "#write-where", "#write-folder", "#write", "#cancel"):
            seen[name] = on_screen(dialog.query_one(name))

    drive(make_app(sqlite_demo), scenario, size=SMALL)
    assert all(seen.values()), seen
