"""The linking service on real desks: articles read from files, pictures scanned from JPEGs.

Runs on SQLite and on PostgreSQL (``desk`` fixture). The seed test is the acceptance criterion
"the seed's four captions link to the demo pictures in media/"; the generated desk checks that
what the pure linker achieves on values survives the readers and the store.
"""

from __future__ import annotations

from pathlib import Path

import pytest
from sqlmodel import col, select

from photodesk.services import linking as linking_service
from photodesk.services.desk import CaptionNotFound, Desk
from photodesk.services.history import history
from photodesk.services.importing import ingest_articles
from photodesk.services.linking import PictureNotFound, link_by_hand, link_desk, unlink
from photodesk.services.scanning import scan_folders
from photodesk.store.models import Caption, LinkProposal
from tests.linking_files import DeskFiles, write_desk

MEDIA = Path(__file__).resolve().parents[2] / "media"
SEED = "000_7100e35f6f55d0cb.txt"
SEED_PICTURES = {
    1: "AFP_33VY7UN.jpg",  # farewell at Artyom station, handout via AFP
    2: "AFP_33VU6HT.jpg",  # Knevichi aerodrome video grab, Russian Defence Ministry via AFP
    3: "AP23256418226947.jpg",  # Vostochny launch pad, Kremlin pool via AP
    4: "AP23261037481592.jpg",  # walrus show, KCNA/KNS via AP
}


@pytest.fixture(scope="module")
def files(tmp_path_factory: pytest.TempPathFactory) -> DeskFiles:
    return write_desk(tmp_path_factory.mktemp("linking"), seed=11, captions=60)


def load(desk: Desk, articles: list[Path], pictures: Path) -> None:
    report = ingest_articles(desk, articles)
    assert not report.failures
    scan = scan_folders(desk, [pictures])
    assert not scan.problems


def test_the_seed_captions_link_to_their_demo_pictures(desk: Desk, shared_dir: Path) -> None:
    seed = shared_dir / "seeds" / SEED
    load(desk, [seed, *sorted((MEDIA / "articles").iterdir())], MEDIA / "pictures")
    report = link_desk(desk)
    outcomes = {(Path(o.article).name, o.position): o for o in report.captions}
    for position, name in SEED_PICTURES.items():
        outcome = outcomes[(SEED, position)]
        assert outcome.outcome == "linked", (position, outcome.reason, outcome.proposals)
        assert outcome.picture is not None and Path(outcome.picture).name == name
        assert outcome.proposals == ()
        print(f"\nseed caption {position} → {name} {outcome.score:.2f}: {outcome.reason}")
    others = [o for key, o in outcomes.items() if key[0] != SEED and o.picture]
    assert not {Path(o.picture or "").name for o in others} & set(SEED_PICTURES.values())
    assert report.linked == len(report.captions) == 11  # the demo's own seven link too


def test_the_generated_desk_links_through_the_readers_and_the_store(
    desk: Desk, files: DeskFiles
) -> None:
    load(desk, files.articles, files.pictures)
    report = link_desk(desk)
    got = {(o.article, o.position): o.picture for o in report.captions}
    assert set(got) == set(files.truth)
    links = [key for key, picture in got.items() if picture]
    correct = sum(1 for key in links if got[key] == files.truth[key])
    linkable = sum(1 for picture in files.truth.values() if picture)
    precision, recall = correct / len(links), correct / linkable
    print(f"\nfiles desk: {len(got)} captions, precision {precision:.3f}, recall {recall:.3f}")
    assert precision >= 0.98 and recall >= 0.90
    assert report.summary().startswith(f"linked {report.linked} of {len(got)} captions: ")


def test_a_second_run_changes_nothing_and_proposals_are_stored_once(
    desk: Desk, files: DeskFiles
) -> None:
    load(desk, files.articles, files.pictures)
    first = link_desk(desk)
    assert first.changed == first.linked > 0
    second = link_desk(desk)
    assert second.changed == 0
    assert [o.picture for o in second.captions] == [o.picture for o in first.captions]
    with desk.read() as session:
        stored = [
            (p.caption_id, p.picture_id, p.reasons) for p in session.exec(select(LinkProposal))
        ]
    assert len(stored) == sum(len(o.proposals) for o in second.captions) > 0
    assert all(reasons for _, _, reasons in stored)


def test_a_link_by_hand_is_kept_recorded_and_takes_its_picture_from_siblings(
    desk: Desk, files: DeskFiles
) -> None:
    load(desk, files.articles, files.pictures)
    report = link_desk(desk)
    linked = [o for o in report.captions if o.outcome == "linked"]
    first, other = linked[0], next(o for o in linked if o.picture != linked[0].picture)
    manual = link_by_hand(desk, other.caption_id, str(first.picture_id), editor="alice")
    assert (manual.outcome, manual.picture) == ("manual", first.picture)
    again = {o.caption_id: o for o in link_desk(desk).captions}
    assert again[other.caption_id].outcome == "manual"
    assert again[other.caption_id].picture == first.picture
    (revision,) = history(desk, other.caption_id)
    assert (revision.field, revision.old, revision.new) == ("picture", other.picture, first.picture)
    assert revision.editor == "alice"
    if first.article == other.article:  # one picture per article: the automatic link gave way
        assert again[first.caption_id].picture != first.picture


def test_unlink_keeps_a_caption_out_until_it_is_handed_back(desk: Desk, files: DeskFiles) -> None:
    load(desk, files.articles, files.pictures)
    target = next(o for o in link_desk(desk).captions if o.outcome == "linked")
    assert unlink(desk, target.caption_id).outcome == "manual"
    after = {o.caption_id: o for o in link_desk(desk).captions}[target.caption_id]
    assert (after.outcome, after.picture, after.reason) == ("manual", None, "unlinked by hand")
    unlink(desk, target.caption_id, automatic=True)
    back = {o.caption_id: o for o in link_desk(desk).captions}[target.caption_id]
    assert (back.outcome, back.picture) == ("linked", target.picture)
    assert [r.new for r in history(desk, target.caption_id)] == [None]


def test_pictures_are_named_by_id_path_or_unique_file_name(desk: Desk, files: DeskFiles) -> None:
    load(desk, files.articles, files.pictures)
    caption_id = link_desk(desk).captions[0].caption_id
    some = sorted(files.pictures.iterdir())[3]
    assert link_by_hand(desk, caption_id, str(some)).picture == str(some.resolve())
    assert link_by_hand(desk, caption_id, some.name).picture == str(some.resolve())
    with pytest.raises(PictureNotFound) as missing:
        link_by_hand(desk, caption_id, "nothing-like-it.jpg")
    assert missing.value.subject == "picture nothing-like-it.jpg"
    with pytest.raises(PictureNotFound):
        link_by_hand(desk, caption_id, "999999")
    with pytest.raises(CaptionNotFound):
        link_by_hand(desk, 999_999, some.name)
    with pytest.raises(CaptionNotFound):
        unlink(desk, 999_999)


def test_a_link_made_by_hand_while_the_linker_runs_survives(
    desk: Desk, files: DeskFiles, monkeypatch: pytest.MonkeyPatch
) -> None:
    load(desk, files.articles, files.pictures)
    before = {o.caption_id: o for o in link_desk(desk).captions}
    target = next(o for o in before.values() if o.outcome == "linked")
    elsewhere = next(
        o.picture_id for o in before.values() if o.picture_id not in (None, target.picture_id)
    )
    with desk.write() as session:  # forget the links, so that the next run wants to relink
        for row in session.exec(select(Caption).where(col(Caption.id) == target.caption_id)):
            row.picture_id = None
            session.add(row)
    real_link = linking_service.link

    def link_while_an_editor_works(*args, **kwargs):  # type: ignore[no-untyped-def]
        link_by_hand(desk, target.caption_id, str(elsewhere), editor="bob")
        return real_link(*args, **kwargs)

    monkeypatch.setattr(linking_service, "link", link_while_an_editor_works)
    link_desk(desk)
    with desk.read() as session:
        row = session.get(Caption, target.caption_id)
        assert row is not None and (row.picture_id, row.link_manual) == (elsewhere, True)


def test_a_caption_deleted_while_the_linker_runs_gets_no_proposals(
    desk: Desk, files: DeskFiles, monkeypatch: pytest.MonkeyPatch
) -> None:
    load(desk, files.articles, files.pictures)
    proposed = next(o for o in link_desk(desk).captions if o.proposals)
    real_link = linking_service.link

    def link_while_an_article_shrinks(*args, **kwargs):  # type: ignore[no-untyped-def]
        with desk.write() as session:
            row = session.get(Caption, proposed.caption_id)
            session.delete(row)
        return real_link(*args, **kwargs)

    monkeypatch.setattr(linking_service, "link", link_while_an_article_shrinks)
    link_desk(desk)  # no foreign-key error: the deleted caption's proposals are not written
    with desk.read() as session:
        left = session.exec(
            select(LinkProposal).where(col(LinkProposal.caption_id) == proposed.caption_id)
        ).all()
        assert left == []
