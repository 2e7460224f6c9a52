"""Team mode: two editors on one desk never silently overwrite each other.

Editors are separate Desks (own engines, own connections) in separate threads or OS processes,
as two people at two terminals. The suite runs on SQLite and on PostgreSQL (``desk_url``); the
two tests about *how* each database keeps the lock are per backend.
"""

from __future__ import annotations

import json
import subprocess
import sys
import threading
from collections.abc import Callable
from concurrent.futures import ThreadPoolExecutor
from datetime import UTC, datetime
from pathlib import Path

from photodesk.services.desk import open_desk
from photodesk.services.editing import (
    CaptionView,
    Clock,
    EditConflict,
    edit_caption,
    get_caption,
    utc_now,
)
from photodesk.services.history import history
from tests.desk_fixtures import fresh_postgres_url, new_desk, seed_captions

WORKER = Path(__file__).with_name("desk_worker.py")
EDITORS = ("alice", "bob")
TIMEOUT = 30


def _race(url: str, cid: int, clock_for: Callable[[str], Clock]) -> dict[str, object]:
    """Both editors read the caption (version 1), wait for each other, then both save."""
    both_read = threading.Barrier(2, timeout=TIMEOUT)

    def editor(name: str) -> CaptionView | EditConflict:
        with open_desk(url) as desk:
            seen = get_caption(desk, cid)
            assert seen.version == 1
            both_read.wait()
            change = {"credit": f"credit by {name}"}
            try:
                return edit_caption(
                    desk, cid, seen.version, change, editor=name, clock=clock_for(name)
                )
            except EditConflict as conflict:
                return conflict

    with ThreadPoolExecutor(2) as pool:
        return dict(zip(EDITORS, pool.map(editor, EDITORS), strict=True))


def _assert_one_winner_and_no_lost_update(url: str, cid: int, outcomes: dict[str, object]) -> None:
    winners = [name for name, o in outcomes.items() if isinstance(o, CaptionView)]
    conflicts = [o for o in outcomes.values() if isinstance(o, EditConflict)]
    assert (len(winners), len(conflicts)) == (1, 1), outcomes
    [winner], [conflict] = winners, conflicts
    with open_desk(url) as desk:
        caption = get_caption(desk, cid)
        revisions = history(desk, cid)
    assert (caption.credit, caption.version, caption.edited_by) == (
        f"credit by {winner}",
        2,
        winner,
    )
    assert (conflict.changed_by, conflict.changed_at) == (winner, caption.edited_at)
    assert conflict.current_values["credit"] == f"credit by {winner}"
    assert winner in str(conflict)
    assert [(r.editor, r.old, r.new) for r in revisions] == [
        (winner, "REUTERS/Photographer 1", f"credit by {winner}")
    ]


def test_two_editors_save_the_same_read_one_wins_the_other_is_told_who(desk_url: str) -> None:
    for round_ in range(5):  # the interleaving differs from round to round
        with new_desk(desk_url) as desk:
            [cid] = seed_captions(desk, 1, article=f"race-{round_}.txt")
        outcomes = _race(desk_url, cid, lambda _name: utc_now)
        _assert_one_winner_and_no_lost_update(desk_url, cid, outcomes)


def test_postgresql_both_past_the_version_check_only_one_update_lands() -> None:
    """Why: proves the ``WHERE version = :read`` guard itself, not only the check before it.

    Each save reads its clock after its version check, inside its transaction; a barrier there
    holds both saves until both have seen version 1. Both then UPDATE at once: the server makes
    the second wait for the first and then finds no row at version 1.
    """
    with fresh_postgres_url() as url:
        with new_desk(url) as desk:
            [cid] = seed_captions(desk, 1)
        both_checked = threading.Barrier(2, timeout=TIMEOUT)

        def clock_for(_name: str) -> Clock:
            def clock() -> datetime:
                both_checked.wait()
                return datetime.now(UTC)

            return clock

        outcomes = _race(url, cid, clock_for)
        _assert_one_winner_and_no_lost_update(url, cid, outcomes)


def test_sqlite_admits_one_writer_at_a_time_and_the_second_sees_the_first(
    tmp_path: Path,
) -> None:
    """Why: a second save must wait for the write lock, not fail or read a stale version."""
    url = f"sqlite:///{tmp_path / 'desk.db'}"
    with new_desk(url) as desk:
        [cid] = seed_captions(desk, 1)
    alice_inside, release_alice = threading.Event(), threading.Event()
    bob_clock_read = threading.Event()

    def alice_clock() -> datetime:
        alice_inside.set()
        assert release_alice.wait(TIMEOUT)
        return datetime.now(UTC)

    def bob_clock() -> datetime:
        bob_clock_read.set()
        return datetime.now(UTC)

    clocks = {"alice": alice_clock, "bob": bob_clock}

    def save(name: str) -> CaptionView | EditConflict:
        with open_desk(url) as own:
            if name == "bob":
                assert alice_inside.wait(TIMEOUT)
            try:
                change = {"credit": f"credit by {name}"}
                return edit_caption(own, cid, 1, change, editor=name, clock=clocks[name])
            except EditConflict as conflict:
                return conflict

    with ThreadPoolExecutor(2) as pool:
        futures = {name: pool.submit(save, name) for name in EDITORS}
        assert alice_inside.wait(TIMEOUT)
        assert not bob_clock_read.wait(0.5)  # bob waits for the lock while alice is saving
        assert not futures["bob"].done()
        release_alice.set()
        outcomes = {name: future.result(TIMEOUT) for name, future in futures.items()}
    assert not bob_clock_read.is_set()  # bob was refused at the version check
    _assert_one_winner_and_no_lost_update(url, cid, outcomes)


def test_two_processes_at_once_lose_no_write(desk_url: str) -> None:
    """Each process edits its own caption N times and appends N times to a shared one."""
    count = 25
    with new_desk(desk_url) as desk:
        own_a, own_b, shared = seed_captions(desk, 3)
    owns = dict(zip(EDITORS, (own_a, own_b), strict=True))
    workers = {
        name: subprocess.Popen(
            [sys.executable, str(WORKER), desk_url, name, str(own), str(shared), str(count)],
            stdin=subprocess.PIPE,
            stdout=subprocess.PIPE,
            text=True,
        )
        for name, own in owns.items()
    }
    for worker in workers.values():  # both started and connected: now go together
        assert worker.stdout is not None
        assert worker.stdout.readline().strip() == "ready"
    for worker in workers.values():
        assert worker.stdin is not None
        worker.stdin.write("go\n")
        worker.stdin.flush()
    reports = {}
    for name, worker in workers.items():
        out, _ = worker.communicate(timeout=120)
        assert worker.returncode == 0, f"{name} failed"
        reports[name] = json.loads(out.strip().splitlines()[-1])
    alice, bob = reports["alice"], reports["bob"]
    assert alice["started"] < bob["finished"] and bob["started"] < alice["finished"]  # at once
    print(f"retried appends: alice {alice['conflicts']}, bob {bob['conflicts']}")
    _assert_all_edits_kept(desk_url, owns, shared, count)


def _assert_all_edits_kept(url: str, owns: dict[str, int], shared: int, count: int) -> None:
    with open_desk(url) as desk:
        for name, own in owns.items():
            assert get_caption(desk, own).caption == f"{name} {count - 1}"
            assert [(r.editor, r.new) for r in history(desk, own)] == [
                (name, f"{name} {i}") for i in range(count)
            ]
        final = get_caption(desk, shared)
        revisions = history(desk, shared)
    tokens = final.caption.split()[2:]  # after "Caption 3"
    for name in owns:
        assert [t for t in tokens if t.startswith(name)] == [f"{name}{i}" for i in range(count)]
    assert len(revisions) == 2 * count
    assert final.version == 1 + 2 * count
    previous = "Caption 3"
    for revision in revisions:  # an unbroken chain: every save started from the one before
        assert revision.old == previous
        previous = revision.new
    assert previous == final.caption
