"""Drafts: an unsaved edit survives leaving the caption and closing the app (SQLite, PostgreSQL)."""

from __future__ import annotations

from datetime import UTC, datetime

from sqlmodel import select

from photodesk.services.demo import build_demo_desk
from photodesk.services.desk import Desk
from photodesk.services.workbench import Workbench
from photodesk.store.models import Caption, Draft
from tests.desk_fixtures import new_desk

T0 = datetime(2025, 3, 3, 9, 0, tzinfo=UTC)
FREIGHTER = ("2024-10-11_amur-ledger_cargo-terminal.md", 2)


def freighter(wb: Workbench) -> int:
    return next(r.caption_id for r in wb.rows() if (r.article, r.position) == FREIGHTER)


def test_a_draft_survives_closing_and_reopening_the_desk(desk_url: str) -> None:
    with new_desk(desk_url) as desk:
        build_demo_desk(desk)
        wb = Workbench(desk, editor="alice", clock=lambda: T0)
        cid = freighter(wb)
        version = wb.detail(cid).caption.version
        kept = wb.save_draft(cid, version, "The river freighter, moored. ", "REUTERS/Pav")
        assert kept is not None and kept.saved_at == T0
    with new_desk(desk_url) as desk:
        wb = Workbench(desk, editor="alice")
        drafts = wb.drafts()
        assert drafts == {cid: kept}
        assert wb.detail(cid).draft == kept
        assert drafts[cid].caption == "The river freighter, moored. "  # exactly as typed
        assert next(r for r in wb.rows() if r.caption_id == cid).has_draft
        assert wb.counts().drafts == 1
        assert Workbench(desk, editor="bob").drafts() == {}  # drafts are the editor's own


def test_a_draft_is_replaced_not_added_and_can_be_discarded(desk: Desk) -> None:
    build_demo_desk(desk)
    wb = Workbench(desk, editor="alice")
    cid = freighter(wb)
    wb.save_draft(cid, 1, "first", None)
    wb.save_draft(cid, 1, "second", "AFP")
    assert [(d.caption, d.credit) for d in wb.drafts().values()] == [("second", "AFP")]
    with desk.read() as session:
        assert len(session.exec(select(Draft)).all()) == 1
    assert wb.discard_draft(cid) is True
    assert wb.discard_draft(cid) is False and wb.drafts() == {}


def test_a_draft_that_says_what_the_caption_says_is_no_draft(desk: Desk) -> None:
    build_demo_desk(desk)
    wb = Workbench(desk, editor="alice")
    cid = freighter(wb)
    current = wb.detail(cid).caption
    wb.save_draft(cid, current.version, current.caption + "!", "")
    assert wb.save_draft(cid, current.version, f" {current.caption}\n", "  ") is None
    assert wb.drafts() == {}  # typing back to the saved text drops the draft


def test_saving_the_caption_drops_the_draft(desk: Desk) -> None:
    build_demo_desk(desk)
    wb = Workbench(desk, editor="alice")
    cid = freighter(wb)
    current = wb.detail(cid).caption
    wb.save_draft(cid, current.version, current.caption, "REUTERS/Pavel")
    Workbench(desk, editor="bob").save_draft(cid, current.version, current.caption, "REUTERS")
    wb.save(cid, current.version, {"credit": "REUTERS/Pavel Surikov"})
    assert wb.drafts() == {}
    assert list(Workbench(desk, editor="bob").drafts()) == [cid]  # bob's edit is still his


def test_a_draft_goes_with_its_caption(desk: Desk) -> None:
    build_demo_desk(desk)
    wb = Workbench(desk, editor="alice")
    cid = freighter(wb)
    wb.save_draft(cid, 1, "gone soon", None)
    with desk.write() as session:
        session.delete(session.exec(select(Caption).where(Caption.id == cid)).one())
    assert wb.drafts() == {}
