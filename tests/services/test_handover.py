"""The desk's work per file (write-back and the ExifTool sheet start here), on the demo desk."""

from __future__ import annotations

from pathlib import Path

import pytest

from photodesk.services.checking import ArticleNotOnDesk
from photodesk.services.desk import Desk
from photodesk.services.editing import edit_caption, get_caption
from photodesk.services.handover import handover
from photodesk.services.linking_manual import link_by_hand
from photodesk.services.scanning import scan_folders


def by_name(desk: Desk) -> dict[str, object]:
    return {Path(entry.path).name: entry for entry in handover(desk)}


def test_every_linked_picture_gets_its_caption_and_credit(demo_copy: tuple[Desk, Path]) -> None:
    desk, _ = demo_copy
    entries = handover(desk)
    assert [e.path for e in entries] == sorted(e.path for e in entries)
    getty = next(e for e in entries if Path(e.path).name == "GettyImages-2176543210.jpg")
    (caption_id,) = getty.caption_ids
    caption = get_caption(desk, caption_id)
    assert getty.problem is None
    assert getty.values["description"] == caption.caption
    assert getty.values["credit"] == caption.credit
    assert getty.values["creators"] == ("Léa Fournier",)
    assert getty.values["copyright"] == getty.embedded["copyright"]
    assert all(e.values and e.problem is None for e in entries)


def test_an_edit_is_what_the_file_will_say(demo_copy: tuple[Desk, Path]) -> None:
    desk, _ = demo_copy
    entry = next(e for e in handover(desk) if e.embedded.get("credit") == "REUTERS")
    caption = get_caption(desk, entry.caption_ids[0])
    edit_caption(
        desk, caption.id, caption.version, {"credit": "REUTERS/Tatiana Meel"}, editor="ann"
    )
    again = next(e for e in handover(desk) if e.path == entry.path)
    assert again.values["credit"] == "REUTERS/Tatiana Meel"
    assert again.values["creators"] == ("Tatiana Meel",)


def test_a_picture_placed_twice_with_different_words_is_not_written(
    demo_copy: tuple[Desk, Path],
) -> None:
    desk, _ = demo_copy
    entries = handover(desk)
    first, second = entries[0], entries[1]
    link_by_hand(desk, first.caption_ids[0], first.path, editor="ann")  # hand links stay put
    link_by_hand(desk, second.caption_ids[0], first.path, editor="ann")
    entry = next(e for e in handover(desk) if e.path == first.path)
    assert entry.values == {}
    assert entry.problem is not None and "say different things" in entry.problem


def test_a_vanished_file_has_nothing_to_write_into(demo_copy: tuple[Desk, Path]) -> None:
    desk, root = demo_copy
    victim = root / "pictures" / "AFP_36HJ7ZM.jpg"
    victim.unlink()
    scan_folders(desk, [root / "pictures"])
    entry = next(e for e in handover(desk) if Path(e.path).name == victim.name)
    assert entry.values == {}
    assert entry.problem


def test_the_selection_is_by_article_like_check(demo_copy: tuple[Desk, Path]) -> None:
    desk, root = demo_copy
    article = root / "articles" / "2024-10-11_amur-ledger_cargo-terminal.md"
    chosen = handover(desk, [article])
    assert 0 < len(chosen) < len(handover(desk))
    with pytest.raises(ArticleNotOnDesk):
        handover(desk, [root / "articles" / "nowhere.md"])


def test_the_selection_by_caption_narrows_and_combines_with_articles(
    demo_copy: tuple[Desk, Path],
) -> None:
    desk, root = demo_copy
    entries = handover(desk)
    first, second = entries[0], entries[1]
    chosen = handover(desk, caption_ids=[first.caption_ids[0], second.caption_ids[0]])
    assert [e.path for e in chosen] == [first.path, second.path]
    assert handover(desk, caption_ids=[]) == []
    assert handover(desk, caption_ids=None) == entries
    article = root / "articles" / "2024-10-11_amur-ledger_cargo-terminal.md"
    in_article = {e.path for e in handover(desk, [article])}
    outside = next(e for e in entries if e.path not in in_article)
    assert handover(desk, [article], caption_ids=outside.caption_ids) == []
