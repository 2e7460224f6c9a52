"""The picture in the detail panel: half blocks in every test terminal, textual-image's widget
with the real thumbnail where graphics are forced (no test terminal draws images).

The thumbnail the panel receives is compared with one made here straight from the file by
``photodesk.metadata.thumbnail`` (the UI itself never reads a picture).
"""

from __future__ import annotations

import io
import sys
from pathlib import Path

import pytest
from PIL import Image
from textual.pilot import Pilot
from textual_image.widget import SixelImage, TGPImage

from photodesk.metadata.thumbnail import make_thumbnail
from photodesk.services.desk import Desk
from photodesk.tui.widgets import preview as preview_module
from photodesk.tui.widgets.detail import PREVIEW_COLUMNS, PREVIEW_ROWS
from photodesk.tui.widgets.preview import (
    PictureFrame,
    PicturePreview,
    graphics_forced,
    half_block_lines,
    picture_side,
)
from tests.tui.support import FREIGHTER, TIMBER, desk_screen, drive, go_to, make_app, settle

TGP_START = "\x1b_G"


def thumbnail_of(path: str) -> Image.Image:
    """The picture at the panel's thumbnail size, made from the file here, in the test."""
    data = make_thumbnail(Path(path), max_side=picture_side(PREVIEW_COLUMNS, PREVIEW_ROWS))
    with Image.open(io.BytesIO(data)) as image:
        return image.convert("RGB")


def transmissions(sent: str) -> int:
    """How many images textual-image sent with the Kitty graphics protocol (PNG, ``f=100``)."""
    return sum(
        1 for message in sent.split(TGP_START)[1:] if "f=100" in message and "m=0" in message
    )


def test_no_test_terminal_is_asked_for_graphics() -> None:
    """pytest's streams are no terminal: nothing was asked, half blocks it is."""
    assert preview_module.GRAPHICS is None


def test_the_panel_paints_half_blocks_where_the_terminal_draws_no_images(
    sqlite_demo: Desk,
) -> None:
    seen: dict[str, object] = {}

    async def scenario(pilot: Pilot[None]) -> None:
        screen = desk_screen(pilot)
        caption_id = await go_to(pilot, *TIMBER)
        panel = screen.panel
        widget = panel.query_one(PicturePreview)
        preview = screen.workbench.preview(caption_id, PREVIEW_COLUMNS, PREVIEW_ROWS)
        assert preview is not None
        seen["frames"] = len(panel.query(PictureFrame))
        seen["frame"] = panel.frame
        seen["painted"] = [list(widget.render_line(y)) for y in range(PREVIEW_ROWS)]
        seen["lines"] = half_block_lines(preview.pixel_rows())

    drive(make_app(sqlite_demo), scenario)
    assert seen["frames"] == 0 and seen["frame"] is None
    painted, lines = seen["painted"], seen["lines"]
    assert isinstance(painted, list) and isinstance(lines, list) and lines
    for row, line in zip(painted, lines, strict=False):
        assert row[: len(line)] == line


@pytest.mark.parametrize("widget", [TGPImage, SixelImage], ids=["tgp", "sixel"])
def test_with_graphics_the_frame_gets_the_thumbnail_of_the_caption_on_screen(
    sqlite_demo: Desk, widget: type[TGPImage | SixelImage], monkeypatch: pytest.MonkeyPatch
) -> None:
    sent = io.StringIO()  # textual-image writes its graphics straight to the terminal
    monkeypatch.setattr(sys, "__stdout__", sent)
    seen: list[tuple[object, ...]] = []
    sent_after_repaints: list[int] = []

    async def look(pilot: Pilot[None], caption: tuple[str, int]) -> None:
        await go_to(pilot, *caption)
        panel = desk_screen(pilot).panel
        frame = panel.frame
        assert frame is not None and panel.detail is not None
        image = frame.picture.image
        assert isinstance(image, Image.Image)
        seen.append(
            (
                type(frame.picture),
                frame.display,
                panel.query_one(PicturePreview).display,
                panel.detail.picture_path,
                image.size,
                image.tobytes(),
                transmissions(sent.getvalue()),
            )
        )

    async def scenario(pilot: Pilot[None]) -> None:
        await look(pilot, TIMBER)
        desk_screen(pilot).panel.refresh(layout=True)  # a repaint, the help screen and back:
        await pilot.press("f1")  # the same caption, so nothing goes to the terminal again
        await settle(pilot)
        await pilot.press("escape")
        await settle(pilot)
        sent_after_repaints.append(transmissions(sent.getvalue()))
        await look(pilot, FREIGHTER)

    with graphics_forced(widget):
        drive(make_app(sqlite_demo), scenario)
    assert len(seen) == 2
    for kind, framed, half_blocks, path, size, pixels, _sent in seen:
        assert isinstance(kind, type) and issubclass(kind, widget) and framed and not half_blocks
        assert isinstance(path, str)
        expected = thumbnail_of(path)
        assert size == expected.size and pixels == expected.tobytes()
    assert seen[0][3] != seen[1][3] and seen[0][5] != seen[1][5]
    if widget is TGPImage:  # a picture goes to the terminal when the caption changes, only then
        first, second = seen[0][6], seen[1][6]
        assert isinstance(first, int) and isinstance(second, int)
        assert first >= 1 and sent_after_repaints == [first] and second > first
