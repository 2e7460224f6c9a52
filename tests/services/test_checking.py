"""``check`` on a real desk: the demo desk's planted problems, fixes as revisions, and findings
that follow every change of a caption or a picture (SQLite and PostgreSQL).
"""

from __future__ import annotations

import os
import shutil
from pathlib import Path

import pytest
from sqlmodel import select

from photodesk.core.rules import HouseStyle, Severity
from photodesk.services.checking import ArticleNotOnDesk, check_desk
from photodesk.services.demo import build_demo_desk, default_media_root
from photodesk.services.desk import Desk
from photodesk.services.editing import edit_caption, get_caption
from photodesk.services.history import history
from photodesk.services.importing import ingest_articles
from photodesk.services.linking_manual import link_by_hand, unlink
from photodesk.services.scanning import scan_folders
from photodesk.store.models import Article, Caption

MEDIA = default_media_root()
TIMBER = ("2024-10-10_ap_shipyard-visit.html", 2)  # AP credit on an AFP picture: PD102
FREIGHTER = ("2024-10-11_amur-ledger_cargo-terminal.md", 2)  # no credit, the file has one: PD101


def caption_ids(desk: Desk) -> dict[tuple[str, int], int]:
    """(article file name, position) → caption id."""
    with desk.read() as session:
        rows = session.exec(select(Caption, Article).join(Article)).all()
        return {(Path(a.source_path).name, c.position): c.id for c, a in rows if c.id}


@pytest.fixture
def demo(desk: Desk) -> Desk:
    build_demo_desk(desk)
    return desk


def test_the_demo_desk_fails_on_its_planted_problems_and_only_on_those(demo: Desk) -> None:
    report = check_desk(demo)
    ids = caption_ids(demo)
    serious = {(f.caption_id, f.code) for f in report.findings if f.severity is not Severity.INFO}
    assert (ids[FREIGHTER], "PD101") in serious
    assert (ids[TIMBER], "PD102") in serious
    assert report.fails(Severity.ERROR)
    flagged = {caption_id for caption_id, _ in serious}
    assert flagged == {ids[FREIGHTER], ids[TIMBER]}, [
        (f.caption_id, f.code, f.message) for f in report.findings if f.severity.rank
    ]
    assert len(report.findings) == sum(1 for f in report.findings if f.caption_id in ids.values())


def test_missing_credit_names_the_embedded_one_and_the_contradiction_names_both(
    demo: Desk,
) -> None:
    ids = caption_ids(demo)
    findings = {(f.caption_id, f.code): f for f in check_desk(demo).findings}
    missing = findings[(ids[FREIGHTER], "PD101")]
    assert missing.severity is Severity.ERROR
    assert missing.fix is not None and missing.fix.value == "REUTERS/Pavel Surikov"
    assert missing.picture is not None and "LYNXMPEK9A0D1" in missing.picture
    contradiction = findings[(ids[TIMBER], "PD102")]
    assert "AP" in contradiction.message and "AFP" in contradiction.message


def test_verdicts_are_stored_for_the_ui_and_exports(demo: Desk) -> None:
    check_desk(demo)
    ids = caption_ids(demo)
    assert get_caption(demo, ids[FREIGHTER]).status == "error"
    assert "PD101" in {f.code for f in get_caption(demo, ids[FREIGHTER]).findings}
    crane = get_caption(demo, ids[("2024-10-11_amur-ledger_cargo-terminal.md", 1)])
    assert crane.status == "ok"


def test_fix_takes_the_embedded_credit_as_a_revision_and_leaves_the_contradiction(
    demo: Desk,
) -> None:
    ids = caption_ids(demo)
    report = check_desk(demo, fix=True, editor="night desk")
    fixed = {item.caption_id: item for item in report.fixed}
    assert fixed[ids[FREIGHTER]].changes == {"credit": "REUTERS/Pavel Surikov"}
    assert ids[TIMBER] not in fixed  # a contradiction needs a person
    [revision] = history(demo, ids[FREIGHTER])
    assert (revision.field, revision.old, revision.new, revision.editor) == (
        "credit", None, "REUTERS/Pavel Surikov", "night desk",
    )  # fmt: skip
    codes = {(f.caption_id, f.code) for f in report.findings}
    assert (ids[FREIGHTER], "PD101") not in codes and (ids[TIMBER], "PD102") in codes
    # what is left needs a person: the caption names no place (the file says Khabarovsk)
    assert {f.code for f in get_caption(demo, ids[FREIGHTER]).findings} == {"PD202"}
    again = check_desk(demo, fix=True, editor="night desk")
    assert again.fixed == []  # nothing left that is safe to fix: fixing is idempotent


def test_an_edit_recomputes_the_findings(demo: Desk) -> None:
    ids = caption_ids(demo)
    check_desk(demo)
    before = get_caption(demo, ids[TIMBER])
    assert before.status == "error"
    after = edit_caption(demo, before.id, before.version, {"credit": "Yulia Zorina / AFP"})
    assert "PD102" not in {f.code for f in after.findings}
    assert after.status in {"ok", "warning"}


def test_linking_and_unlinking_recompute_the_findings(demo: Desk) -> None:
    ids = caption_ids(demo)
    crane = ids[("2024-10-11_amur-ledger_cargo-terminal.md", 1)]
    unlink(demo, crane, editor="a")
    assert "PD401" in {f.code for f in get_caption(demo, crane).findings}
    link_by_hand(demo, crane, "AFP_36HJ7ZM.jpg", editor="a")  # REUTERS credit, AFP picture
    assert "PD102" in {f.code for f in get_caption(demo, crane).findings}


def test_a_rescanned_picture_recomputes_its_captions_findings(desk: Desk, tmp_path: Path) -> None:
    pictures = tmp_path / "pictures"
    pictures.mkdir()
    shutil.copytree(MEDIA / "articles", tmp_path / "articles")
    for source in (MEDIA / "pictures").iterdir():
        shutil.copy2(source, pictures / source.name)
    build_demo_desk(desk, tmp_path)
    ids = caption_ids(desk)
    crane = ids[("2024-10-11_amur-ledger_cargo-terminal.md", 1)]
    linked = get_caption(desk, crane)
    assert linked.status == "ok"
    [target] = pictures.glob("*LYNXMPEK9A0C4*")
    # the agency resends the frame with another photographer's metadata
    shutil.copyfile(pictures / "AFP_36HJ7ZM.jpg", target)
    os.utime(target, ns=(1, 1))
    scan_folders(desk, [pictures], workers=1)
    assert "PD102" in {f.code for f in get_caption(desk, crane).findings}
    target.unlink()
    scan_folders(desk, [pictures], workers=1)
    assert "PD301" in {f.code for f in get_caption(desk, crane).findings}


def test_articles_narrow_the_check_and_an_unknown_one_is_refused(demo: Desk) -> None:
    article = MEDIA / "articles" / FREIGHTER[0]
    report = check_desk(demo, [article])
    assert report.captions == 2
    assert {Path(f.article or "").name for f in report.findings} <= {FREIGHTER[0]}
    with pytest.raises(ArticleNotOnDesk):
        check_desk(demo, [MEDIA / "articles" / "no-such-story.txt"])


def test_the_house_style_decides_severities(demo: Desk) -> None:
    demo.use_house_style(HouseStyle(severities={"PD101": None, "PD102": Severity.WARNING}))
    report = check_desk(demo)
    assert "PD101" not in {f.code for f in report.findings}
    assert not report.fails(Severity.ERROR)
    assert report.fails(Severity.WARNING)


def test_ingest_checks_new_captions(desk: Desk, tmp_path: Path) -> None:
    story = tmp_path / "story.md"
    story.write_text(
        '# Port\n\nText.\n\n![a](a.jpg "A crane in Khabarovsk on October 10, 2024.")\n',
        encoding="utf-8",
    )
    ingest_articles(desk, [story])
    [cid] = caption_ids(desk).values()
    assert get_caption(desk, cid).status == "error"  # no credit and no picture to offer one
