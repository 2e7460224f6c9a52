"""``ingest``: idempotent, and a changed article never costs an edit made on the desk.

Real article files in a temporary folder, a real SQLite desk file; editors are simulated by
changing a caption in a write unit, as the editing service does.
"""

from __future__ import annotations

from pathlib import Path

import pytest
from sqlmodel import col, select

from photodesk.core.types import CaptionDraft, Credit
from photodesk.services.caption_merge import FieldMerge, Stored, match_drafts, merge_field
from photodesk.services.desk import Desk
from photodesk.services.drafts import drafts_of, save_draft
from photodesk.services.editing import EditConflict, apply_edit
from photodesk.services.importing import ingest_articles
from photodesk.store.models import Article, Caption, Revision

CRANE = (
    "A crane lifts a container in Khabarovsk, Russia, October 10, 2024.",
    "REUTERS/Pavel Surikov",
)
TRUCKS = (
    "Trucks queue at a checkpoint outside Khabarovsk on Oct. 9, 2024.",
    "AP Photo/Nikolai Kravets",
)
SHIP = ("The freighter Amurskaya Zarya at the new berth on Thursday.", "AFP PHOTO / Ivan Petrov")
BANNER = ("Visitors walk past a banner for the Amur Trade Forum.", "Léa Fournier/Getty Images")


def article(path: Path, *captions: tuple[str, str], title: str = "Test") -> Path:
    """A Markdown article whose images carry ``caption credit`` as their title."""
    body = [f"# {title}", "", "Body text about the port.", ""]
    for number, (caption, credit) in enumerate(captions, 1):
        body += [f'![p{number}](pics/{number}.jpg "{caption} {credit}")', "", "More text.", ""]
    path.write_text("\n".join(body), encoding="utf-8")
    return path


def captions(desk: Desk) -> list[Caption]:
    with desk.read() as session:
        rows = list(session.exec(select(Caption).order_by(col(Caption.position))))
        session.expunge_all()  # plain values after the unit ends
    return rows


def edit(desk: Desk, position: int, **values: str) -> None:
    """What an editor does: change the desk's text, never the source."""
    with desk.write() as session:
        row = session.exec(select(Caption).where(col(Caption.position) == position)).one()
        for name, value in values.items():
            setattr(row, name, value)
        row.version += 1


def test_a_new_article_puts_its_captions_on_the_desk(desk, tmp_path):
    path = article(tmp_path / "a.md", CRANE, TRUCKS)
    report = ingest_articles(desk, [path])
    assert report.summary() == "ingested 1 article: 1 new, 0 updated, 0 unchanged; 2 captions"
    rows = captions(desk)
    assert [(r.position, r.caption, r.credit) for r in rows] == [(1, *CRANE), (2, *TRUCKS)]
    assert [(r.source_caption, r.source_credit) for r in rows] == [CRANE, TRUCKS]
    assert rows[0].image_ref == "pics/1.jpg"
    assert (
        rows[0].parsed_credit
        == Credit("REUTERS/Pavel Surikov", ("Pavel Surikov",), agency="Reuters").as_dict()
    )
    with desk.read() as session:
        stored = session.exec(select(Article)).one()
        session.expunge_all()
    assert stored.source_path == str(path.resolve())
    assert (stored.format, stored.title) == ("markdown", "Test")
    assert len(stored.content_sha256) == 64


def test_ingesting_twice_makes_no_duplicates(desk, tmp_path, monkeypatch):
    path = article(tmp_path / "a.md", CRANE, TRUCKS)
    ingest_articles(desk, [path])
    monkeypatch.chdir(tmp_path)  # the same file by another name is the same article
    report = ingest_articles(desk, [Path("a.md"), path])
    assert [r.outcome for r in report.articles] == ["unchanged", "unchanged"]
    assert len(captions(desk)) == 2
    with desk.read() as session:
        assert len(session.exec(select(Article)).all()) == 1
        assert session.exec(select(Revision)).all() == []


def test_untouched_captions_follow_the_article(desk, tmp_path):
    path = article(tmp_path / "a.md", CRANE, TRUCKS)
    ingest_articles(desk, [path])
    reworded = ("A crane lifts the first container in Khabarovsk, Russia, October 10.", CRANE[1])
    article(path, reworded, TRUCKS)
    report = ingest_articles(desk, [path])
    [result] = report.articles
    assert result.outcome == "updated"
    assert [c.describe() for c in result.changes] == ["#1 updated: caption"]
    first = captions(desk)[0]
    assert (first.caption, first.source_caption, first.version) == (reworded[0], reworded[0], 2)
    assert first.edited_by == "ingest"
    with desk.read() as session:
        [revision] = session.exec(select(Revision)).all()
        session.expunge_all()
    assert (revision.caption_id, revision.field, revision.editor) == (first.id, "caption", "ingest")
    assert (revision.old, revision.new) == (CRANE[0], reworded[0])


def test_a_desk_edit_survives_a_changed_article(desk, tmp_path):
    path = article(tmp_path / "a.md", CRANE, TRUCKS)
    ingest_articles(desk, [path])
    edit(desk, 1, caption="Edited on the desk.", credit="Pavel Surikov/Reuters")
    changed = (
        "A crane lifts the first container in Khabarovsk on October 10.",
        "REUTERS/P. Surikov",
    )
    article(path, changed, TRUCKS)
    [result] = ingest_articles(desk, [path]).articles
    assert [c.describe() for c in result.changes] == ["#1 kept desk edit: caption, credit"]
    first = captions(desk)[0]
    assert (first.caption, first.credit) == ("Edited on the desk.", "Pavel Surikov/Reuters")
    assert (first.source_caption, first.source_credit) == changed


def test_an_edit_is_kept_only_where_made(desk, tmp_path):
    path = article(tmp_path / "a.md", CRANE, TRUCKS)
    ingest_articles(desk, [path])
    edit(desk, 2, credit="AP Photo / Nikolai Kravets")
    article(path, CRANE, (TRUCKS[0] + " Traffic was slow.", "AP Photo/N. Kravets"))
    [result] = ingest_articles(desk, [path]).articles
    assert [c.describe() for c in result.changes] == [
        "#2 updated: caption",
        "#2 kept desk edit: credit",
    ]
    second = captions(desk)[1]
    assert second.caption == TRUCKS[0] + " Traffic was slow."
    assert second.credit == "AP Photo / Nikolai Kravets"


def test_added_removed_and_kept_captions(desk, tmp_path):
    path = article(tmp_path / "a.md", CRANE, TRUCKS, SHIP)
    ingest_articles(desk, [path])
    edit(desk, 3, caption="The desk rewrote this one.")
    article(path, BANNER, CRANE)  # trucks dropped untouched, ship dropped but edited
    report = ingest_articles(desk, [path])
    [result] = report.articles
    assert sorted(c.describe() for c in result.changes) == [
        "#1 added",
        "#2 removed",
        "#3 kept, gone from the article",
    ]
    rows = captions(desk)
    assert [(r.position, r.caption) for r in rows] == [
        (1, BANNER[0]),
        (2, CRANE[0]),
        (3, "The desk rewrote this one."),
    ]
    assert "1 added, 1 removed, 1 kept though gone from the article" in report.summary()


def test_a_caption_with_an_unsaved_edit_is_kept_when_the_article_drops_it(desk, tmp_path):
    """An editor typing into a caption must not lose the text to a re-ingest behind her back."""
    path = article(tmp_path / "a.md", CRANE, TRUCKS)
    ingest_articles(desk, [path])
    trucks = captions(desk)[1]
    assert trucks.id is not None
    save_draft(desk, trucks.id, "alice", trucks.version, "Half-typed fix.", trucks.credit)
    article(path, CRANE)
    [result] = ingest_articles(desk, [path]).articles
    assert [c.describe() for c in result.changes] == ["#2 kept, gone from the article"]
    assert [r.id for r in captions(desk)][1] == trucks.id
    assert [d.caption for d in drafts_of(desk, "alice").values()] == ["Half-typed fix."]


def test_a_reordered_article_keeps_caption_ids(desk, tmp_path):
    path = article(tmp_path / "a.md", CRANE, TRUCKS, SHIP)
    ingest_articles(desk, [path])
    ids = {r.caption: r.id for r in captions(desk)}
    article(path, SHIP, CRANE, TRUCKS)
    [result] = ingest_articles(desk, [path]).articles
    assert result.changes == ()
    assert [(r.caption, r.id) for r in captions(desk)] == [
        (SHIP[0], ids[SHIP[0]]),
        (CRANE[0], ids[CRANE[0]]),
        (TRUCKS[0], ids[TRUCKS[0]]),
    ]


def test_an_editor_saving_meanwhile_makes_the_article_merge_again(desk, tmp_path, monkeypatch):
    path = article(tmp_path / "a.md", CRANE, TRUCKS)
    ingest_articles(desk, [path])
    calls = []

    def conflict_once(*args, **kwargs):
        calls.append(args[1])
        if len(calls) == 1:  # as if an editor had saved between our read and our update
            raise EditConflict(args[1], "alice", None, {}, 2)
        return apply_edit(*args, **kwargs)

    monkeypatch.setattr("photodesk.services.ingest_merge.apply_edit", conflict_once)
    article(path, (CRANE[0] + " Later.", CRANE[1]), TRUCKS)
    [result] = ingest_articles(desk, [path]).articles
    assert [c.describe() for c in result.changes] == ["#1 updated: caption"]
    assert len(calls) == 2
    assert captions(desk)[0].caption == CRANE[0] + " Later."


def test_unreadable_articles_are_listed_and_the_rest_ingested(desk, tmp_path):
    good = article(tmp_path / "good.md", CRANE)
    binary = tmp_path / "photo.txt"
    binary.write_bytes(b"\xff\xd8\xff\xe0 not text")
    report = ingest_articles(desk, [tmp_path / "absent.md", binary, good])
    assert [(Path(f.path).name, f.reason) for f in report.failures] == [
        ("absent.md", "no such file"),
        ("photo.txt", "binary data (a JPEG image), not article text"),
    ]
    assert report.summary().endswith("; 2 unreadable")
    assert [r.caption for r in captions(desk)] == [CRANE[0]]


def test_demo_articles(desk):
    folder = Path(__file__).resolve().parents[2] / "media" / "articles"
    files = sorted(folder.iterdir())
    report = ingest_articles(desk, files)
    assert (report.count("new"), report.failures) == (len(files), [])
    assert len(captions(desk)) == sum(r.captions for r in report.articles) >= 4


def draft(text: str, image: str | None = None) -> CaptionDraft:
    return CaptionDraft(text, None, image)


@pytest.mark.parametrize(
    ("stored", "drafts", "expected"),
    [
        ([Stored(1, 1, "A dog runs.", None)], [draft("A dog runs fast.")], {0: 1}),
        ([Stored(1, 1, "A dog runs.", None)], [draft("Stocks fell sharply today.")], {}),
        # the same picture reference carries a rewritten caption
        ([Stored(1, 1, "A dog.", "a.jpg")], [draft("x", "b.jpg"), draft("Cat.", "a.jpg")], {1: 1}),
        # two identical captions match in order
        (
            [Stored(1, 1, "Same.", None), Stored(2, 2, "Same.", None)],
            [draft("Same."), draft("Same.")],
            {0: 1, 1: 2},
        ),
    ],
)
def test_matching(stored, drafts, expected):
    assert match_drafts(stored, drafts) == expected


def test_merge_field_rules():
    assert merge_field("a", "a", "b") == merge_field("a", "a", "b")
    assert merge_field("a", "a", "b").value == "b"
    assert (merge_field("desk", "a", "b").value, merge_field("desk", "a", "b").kept_edit) == (
        "desk",
        True,
    )
    assert merge_field("desk", "a", "a").kept_edit is False
    assert merge_field(None, None, "new credit").value == "new credit"
    assert merge_field("desk", "a", "desk") == FieldMerge("desk", False)  # the article agrees now
