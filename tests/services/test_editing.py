"""Editing captions: a revision for every changed field, optimistic locking, history and revert.

Every test runs on SQLite and on PostgreSQL (the ``desk`` fixture).
"""

from __future__ import annotations

import uuid
from datetime import UTC, datetime, timedelta, timezone

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from photodesk.services.desk import CaptionNotFound, Desk, RevisionNotFound
from photodesk.services.editing import EditConflict, edit_caption, get_caption
from photodesk.services.history import RevertConflict, history, revert
from photodesk.store.models import Caption
from tests.desk_fixtures import seed_captions

T0 = datetime(2025, 1, 13, 10, 0, tzinfo=UTC)


def clock_at(moment: datetime):
    return lambda: moment


def test_each_changed_field_is_one_revision_with_editor_time_old_and_new(desk: Desk) -> None:
    [cid] = seed_captions(desk, 1)
    edited = edit_caption(
        desk,
        cid,
        1,
        {"caption": "Kim waves to supporters.", "credit": "Reuters/Kim Hong-Ji"},
        editor="alice",
        clock=clock_at(T0),
    )
    assert (edited.version, edited.edited_by, edited.edited_at) == (2, "alice", T0)
    assert edited.parsed_credit is not None
    assert edited.parsed_credit.agency == "Reuters"
    assert edited.parsed_credit.creators == ("Kim Hong-Ji",)

    revisions = history(desk, cid)
    assert [(r.field, r.old, r.new, r.editor, r.at, r.reverts) for r in revisions] == [
        ("caption", "Caption 1", "Kim waves to supporters.", "alice", T0, None),
        ("credit", "REUTERS/Photographer 1", "Reuters/Kim Hong-Ji", "alice", T0, None),
    ]
    assert get_caption(desk, cid) == edited


def test_an_unchanged_field_records_nothing_and_an_empty_save_keeps_the_version(
    desk: Desk,
) -> None:
    [cid] = seed_captions(desk, 1)
    same = edit_caption(desk, cid, 1, {"caption": "  Caption 1 "}, editor="alice")
    assert same.version == 1
    assert history(desk, cid) == []
    edited = edit_caption(desk, cid, 1, {"caption": "Caption 1", "credit": "AP"}, editor="bo")
    assert [r.field for r in history(desk, cid)] == ["credit"]
    assert edited.version == 2


def test_an_edit_is_checked_in_the_same_save(desk: Desk) -> None:
    [cid] = seed_captions(desk, 1)
    with desk.write() as session:
        caption = session.get(Caption, cid)
        assert caption is not None
        caption.status = "ok"
    # a save that changes nothing leaves the verdict alone
    assert edit_caption(desk, cid, 1, {"caption": "Caption 1"}, editor="a").status == "ok"
    emptied = edit_caption(desk, cid, 1, {"credit": ""}, editor="a")
    assert emptied.status == "error"
    assert "PD101" in {finding.code for finding in emptied.findings}
    assert get_caption(desk, cid).findings == emptied.findings
    credited = edit_caption(desk, cid, emptied.version, {"credit": "REUTERS/Pavel Surikov"})
    assert "PD101" not in {finding.code for finding in credited.findings}


def test_an_emptied_credit_is_no_credit(desk: Desk) -> None:
    [cid] = seed_captions(desk, 1)
    edited = edit_caption(desk, cid, 1, {"credit": "   "}, editor="alice")
    assert (edited.credit, edited.parsed_credit) == (None, None)
    assert history(desk, cid)[0].new is None


def test_a_save_from_a_stale_read_names_who_changed_it_and_saves_nothing(desk: Desk) -> None:
    [cid] = seed_captions(desk, 1)
    edit_caption(desk, cid, 1, {"credit": "AFP"}, editor="alice", clock=clock_at(T0))
    with pytest.raises(EditConflict) as caught:
        edit_caption(desk, cid, 1, {"credit": "AP"}, editor="bob")
    conflict = caught.value
    assert (conflict.caption_id, conflict.changed_by, conflict.changed_at) == (cid, "alice", T0)
    assert conflict.current_values == {"caption": "Caption 1", "credit": "AFP"}
    assert conflict.version == 2
    assert "alice" in str(conflict)
    assert "2025-01-13 10:00:00Z" in str(conflict)
    assert get_caption(desk, cid).credit == "AFP"
    assert [r.editor for r in history(desk, cid)] == ["alice"]


def test_times_are_stored_and_returned_in_utc(desk: Desk) -> None:
    [cid] = seed_captions(desk, 1)
    paris = datetime(2025, 1, 13, 11, 0, tzinfo=timezone(timedelta(hours=1)))
    edited = edit_caption(desk, cid, 1, {"credit": "AFP"}, editor="a", clock=clock_at(paris))
    assert edited.edited_at == T0
    assert edited.edited_at.tzinfo == UTC
    assert history(desk, cid)[0].at == T0


def test_the_editor_defaults_to_the_login_name(desk: Desk, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr("getpass.getuser", lambda: "picdesk")
    [cid] = seed_captions(desk, 1)
    assert edit_caption(desk, cid, 1, {"credit": "AP"}).edited_by == "picdesk"


def test_missing_captions_and_revisions_and_unknown_fields(desk: Desk) -> None:
    [cid] = seed_captions(desk, 1)
    with pytest.raises(CaptionNotFound, match="caption 999"):
        edit_caption(desk, 999, 1, {"credit": "AP"}, editor="a")
    with pytest.raises(CaptionNotFound):
        history(desk, 999)
    with pytest.raises(RevisionNotFound, match="revision 999"):
        revert(desk, 999, editor="a")
    with pytest.raises(ValueError, match="status"):
        edit_caption(desk, cid, 1, {"status": "ok"}, editor="a")


def test_revert_is_a_new_revision_and_reverting_it_redoes(desk: Desk) -> None:
    [cid] = seed_captions(desk, 1)
    edit_caption(desk, cid, 1, {"credit": "AFP/Jung Yeon-je"}, editor="alice")
    [first] = history(desk, cid)
    undo = revert(desk, first.id, editor="bob", clock=clock_at(T0))
    assert (undo.field, undo.old, undo.new, undo.reverts) == (
        "credit",
        "AFP/Jung Yeon-je",
        "REUTERS/Photographer 1",
        first.id,
    )
    assert (undo.editor, undo.at) == ("bob", T0)
    caption = get_caption(desk, cid)
    assert (caption.credit, caption.version) == ("REUTERS/Photographer 1", 3)
    assert caption.parsed_credit is not None
    assert caption.parsed_credit.agency == "Reuters"
    redo = revert(desk, undo.id, editor="alice")
    assert get_caption(desk, cid).credit == "AFP/Jung Yeon-je"
    assert [r.id for r in history(desk, cid)] == [first.id, undo.id, redo.id]


def test_revert_refuses_when_the_field_changed_since(desk: Desk) -> None:
    [cid] = seed_captions(desk, 1)
    edit_caption(desk, cid, 1, {"credit": "AFP"}, editor="alice")
    edit_caption(desk, cid, 2, {"credit": "AFP/Jung"}, editor="carol", clock=clock_at(T0))
    edit_caption(desk, cid, 3, {"caption": "Later"}, editor="dave")  # another field, later
    first = history(desk, cid)[0]
    with pytest.raises(RevertConflict) as caught:
        revert(desk, first.id, editor="bob")
    assert (caught.value.changed_by, caught.value.changed_at) == ("carol", T0)
    assert caught.value.subject == f"revision {first.id}"
    assert "credit" in caught.value.reason
    assert get_caption(desk, cid).credit == "AFP/Jung"
    assert len(history(desk, cid)) == 3


def test_a_revert_of_one_field_ignores_changes_to_the_other(desk: Desk) -> None:
    [cid] = seed_captions(desk, 1)
    edit_caption(desk, cid, 1, {"credit": "AFP"}, editor="alice")
    edit_caption(desk, cid, 2, {"caption": "Kim waves."}, editor="carol")
    revert(desk, history(desk, cid)[0].id, editor="bob")
    caption = get_caption(desk, cid)
    assert (caption.caption, caption.credit) == ("Kim waves.", "REUTERS/Photographer 1")


EDIT = st.tuples(st.sampled_from(["caption", "credit"]), st.sampled_from(["A", "B", "C", ""]))
STEPS = st.lists(st.one_of(EDIT, st.integers(min_value=0, max_value=9)), max_size=10)


def _step(desk: Desk, cid: int, step: tuple[str, str] | int) -> None:
    """An edit, or a revert of the step-th revision (refused when its field changed since)."""
    if isinstance(step, tuple):
        field, value = step
        edit_caption(desk, cid, get_caption(desk, cid).version, {field: value}, editor="e")
        return
    revisions = history(desk, cid)
    if not revisions:
        return
    before = get_caption(desk, cid)
    try:
        revert(desk, revisions[step % len(revisions)].id, editor="e")
    except RevertConflict:
        assert get_caption(desk, cid) == before


@settings(
    max_examples=15, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(steps=STEPS)
def test_the_history_of_each_field_is_an_unbroken_chain(
    desk: Desk, steps: list[tuple[str, str] | int]
) -> None:
    """Replaying the revisions from the article's text gives the caption as it is: no loss."""
    [cid] = seed_captions(desk, 1, article=f"chain-{uuid.uuid4()}.txt")
    for step in steps:
        _step(desk, cid, step)
    current = get_caption(desk, cid)
    replay = {"caption": "Caption 1", "credit": "REUTERS/Photographer 1"}
    revisions = history(desk, cid)
    for revision in revisions:
        assert replay[revision.field] == revision.old
        replay[revision.field] = revision.new
    assert replay == {"caption": current.caption, "credit": current.credit}
    assert current.version == 1 + len(revisions)  # every step here saves at most one field
