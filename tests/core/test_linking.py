"""The pure linker's rules: evidence, assignment, manual reservations, proposals and reasons."""

from __future__ import annotations

import random

from photodesk.core.credit_parse import parse_credit
from photodesk.core.linking import CaptionCandidate, LinkSettings, PictureCandidate, link
from photodesk.core.linking_blocking import build_index
from photodesk.core.linking_features import caption_facts

RESTRICTION = (
    'RESTRICTED TO EDITORIAL USE - MANDATORY CREDIT "AFP PHOTO / GOVERNMENT OF PRIMORSKY REGION"'
    " - NO MARKETING NO ADVERTISING CAMPAIGNS - DISTRIBUTED AS A SERVICE TO CLIENTS"
)
FAREWELL = (
    "This handout photograph taken and released by the Government of Primorsky region on "
    "September 17, 2023 shows North Korea's leader Kim Jong Un waving before boarding a train "
    "during a farewell ceremony at the Artyom railway station near Vladivostok. (Photo by Handout "
    f"/ Government of Primorsky region / AFP) / {RESTRICTION}"
)
DEPARTURE = FAREWELL.replace(
    "waving before boarding a train during", "as his armoured train leaves the platform after"
)
WALRUS = (
    "VLADIVOSTOK, RUSSIA - SEPTEMBER 17: North Korean leader Kim Jong Un watches a walrus show at "
    "the Primorsky Aquarium on September 17, 2023 in Vladivostok, Russia. (Photo by Sasha "
    "Mordovets/Getty Images)"
)
ARTICLE_FAREWELL = (
    "North Korea’s leader Kim Jong Un waves before boarding a train during a farewell ceremony "
    "at the Artyom railway station near Vladivostok, in the Primorsky region, on September 17, "
    "2023."
)
ARTICLE_WALRUS = "Kim Jong Un watches a walrus perform at Primorsky Aquarium in Vladivostok."


def caption(
    cid: int, text: str, credit: str | None = None, ref: str | None = None, article: int = 1
) -> CaptionCandidate:
    parsed = parse_credit(credit) if credit else None
    return CaptionCandidate(cid, article, text, parsed, ref, "2023-09-18T09:56:00")


def picture(pid: int, name: str, description: str | None, **values: object) -> PictureCandidate:
    fields: dict[str, object] = {"description": description, "date_created": "2023-09-17"}
    fields.update(values)
    return PictureCandidate.from_values(pid, f"/desk/pictures/{name}", fields)  # type: ignore[arg-type]


def desk() -> list[PictureCandidate]:
    return [
        picture(1, "AFP_33VY7UN.jpg", FAREWELL, credit="AFP", creators=["HANDOUT"],
                source="Government of Primorsky region", job_id="33VY7UN"),
        picture(2, "AFP_33VY7UP.jpg", DEPARTURE, credit="AFP", creators=["HANDOUT"],
                source="Government of Primorsky region", job_id="33VY7UP"),
        picture(3, "GettyImages-1666866032.jpg", WALRUS, credit="Getty Images",
                creators=["Sasha Mordovets"], job_id="775902113"),
    ]  # fmt: skip


def links_of(captions: list[CaptionCandidate], pictures: list[PictureCandidate]) -> dict[int, int]:
    return {m.caption_id: m.picture_id for m in link(captions, pictures).links}


def test_agency_original_links_to_the_edited_article_caption_not_to_its_sibling_frame() -> None:
    result = link(
        [caption(1, ARTICLE_FAREWELL, "Photo by Handout / Government of Primorsky region / AFP")],
        desk(),
    )
    (match,) = result.links
    assert match.picture_id == 1
    assert (
        match.reasons[0].startswith("caption ")
        and "like the embedded description" in match.reasons[0]
    )
    assert "credit agrees: AFP" in match.reasons
    assert "source agrees" in match.reasons
    assert "same day as the caption's date (2023-09-17)" in match.reasons


def test_diacritics_datelines_and_credits_do_not_hide_a_match() -> None:
    text = (
        "Kim Jŏng Ŭn watches a walrus show at the Primorsky Aquarium, Vladivostok, 17 Sept. 2023."
    )
    result = link([caption(1, text, "Sasha Mordovets/Getty Images")], desk())
    assert [(m.picture_id, "photographer agrees" in m.reasons) for m in result.links] == [(3, True)]


def test_the_file_name_in_the_reference_decides_between_identical_frames() -> None:
    twins = [
        picture(1, "AFP_33VY7UN.jpg", FAREWELL, credit="AFP"),
        picture(2, "AFP_33VY7UP.jpg", FAREWELL, credit="AFP"),
    ]
    by_text = link([caption(1, ARTICLE_FAREWELL)], twins)
    assert not by_text.links
    assert by_text.notes[1].startswith("two pictures fit almost equally")
    assert {m.picture_id for m in by_text.proposals[1]} == {1, 2}
    by_name = link([caption(1, ARTICLE_FAREWELL, ref="../pictures/AFP_33VY7UP.jpg")], twins)
    assert [(m.picture_id, m.by_reference) for m in by_name.links] == [(2, True)]
    assert by_name.links[0].reasons[0] == "file name matches the article's image reference"


def test_agency_ids_survive_a_cms_rename() -> None:
    cases = {
        "https://cdn.example/2023/09/33VY7UP-1200x800.webp?w=1200": 2,
        "https://cdn.example/images/GettyImages-1666866032-scaled.jpg": 3,
    }
    for ref, expected in cases.items():
        result = link([caption(1, "A picture.", ref=ref)], desk())
        assert [m.picture_id for m in result.links] == [expected], ref
        assert result.links[0].reasons[0].startswith("agency id ")


def test_a_reference_naming_another_agency_picture_counts_against() -> None:
    ref = "https://cdn.example/2023/09/AFP_33ZZ9QQ.jpg"  # an AFP id the desk does not have
    result = link([caption(1, ARTICLE_FAREWELL, ref=ref)], desk())
    assert not result.links
    assert "the image reference names another picture id" in result.proposals[1][0].reasons


def test_a_hashed_cdn_name_says_nothing() -> None:
    ref = "https://cdn.example/img/9f86d081884c7d65.jpg"
    assert links_of([caption(1, ARTICLE_FAREWELL, ref=ref)], desk()) == {1: 1}


def test_one_picture_per_caption_and_per_article_but_shared_across_articles() -> None:
    same = [caption(1, ARTICLE_FAREWELL, article=1), caption(2, ARTICLE_FAREWELL, article=1)]
    assert list(links_of(same, desk()).values()).count(1) == 1
    other = [caption(1, ARTICLE_FAREWELL, article=1), caption(2, ARTICLE_FAREWELL, article=2)]
    assert links_of(other, desk()) == {1: 1, 2: 1}


def test_a_manual_link_reserves_its_picture_within_its_article() -> None:
    result = link([caption(1, ARTICLE_FAREWELL, article=7)], desk(), reserved={(7, 1)})
    assert 1 not in {m.picture_id for m in result.links}
    assert links_of([caption(1, ARTICLE_FAREWELL, article=8)], desk()) == {1: 1}


def test_nothing_alike_gives_no_candidate() -> None:
    result = link([caption(1, "Firefighters battle a blaze in a Lisbon warehouse.")], desk())
    assert not result.links and 1 not in result.proposals
    assert result.notes[1] == "no candidate picture"


def test_a_weak_match_is_proposed_with_its_reasons_and_the_threshold() -> None:
    text = "Kim Jong Un at a ceremony in the Primorsky region."
    result = link([caption(1, text)], desk())
    assert not result.links
    assert (
        result.notes[1].startswith("best candidate ")
        and "below the threshold 0.80" in result.notes[1]
    )
    best = result.proposals[1][0]
    assert best.picture_id in (1, 2) and best.reason.startswith("caption ")


def test_settings_change_the_decision() -> None:
    text = "Kim Jong Un at a ceremony in the Primorsky region."
    loose = LinkSettings(accept=0.2, margin=0.0)
    assert link([caption(1, text)], desk(), settings=loose).links


def test_picture_order_does_not_change_the_links() -> None:
    captions = [
        caption(1, ARTICLE_FAREWELL, article=1),
        caption(2, ARTICLE_WALRUS, "Sasha Mordovets/Getty Images", article=1),
    ]
    expected = links_of(captions, desk())
    assert expected == {1: 1, 2: 3}
    shuffled = desk()
    random.Random(3).shuffle(shuffled)
    assert links_of(captions, shuffled) == expected


def test_blocking_scores_only_pictures_that_share_rare_words() -> None:
    pictures = desk() + [
        picture(10 + n, f"AFP_{n}X.jpg", f"Farmers harvest wheat near Rostov number {n}.")
        for n in range(200)
    ]
    index = build_index(pictures)
    found = index.candidates(caption_facts(caption(1, ARTICLE_WALRUS)), limit=12)
    ids = [index.pictures[i].picture_id for i in found]
    assert ids[0] == 3 and set(ids) <= {1, 2, 3}  # Kim in Vladivostok, never the farmers


def test_empty_inputs() -> None:
    assert link([], desk()).links == ()
    result = link([caption(1, ARTICLE_FAREWELL)], [])
    assert not result.links and result.notes == {1: "no candidate picture"}


def test_a_picture_without_metadata_is_found_by_its_name_only() -> None:
    bare = [PictureCandidate(5, "/desk/x/AFP_33VY7UN.jpg")]
    assert links_of([caption(1, ARTICLE_FAREWELL, ref="AFP_33VY7UN.jpg")], bare) == {1: 5}
    assert links_of([caption(1, ARTICLE_FAREWELL)], bare) == {}


def test_an_exact_file_name_outranks_the_same_name_in_another_format() -> None:
    """Two files of one stem (exiv2-bug922.png and .tif, as in the exiv2 corpus): each caption
    gets the file its reference names, extension included, even when other evidence (the png's
    date, years off) favours the sibling; the sibling is another file, not a second match."""
    text = "Picture {} shows the Amur embankment at Khabarovsk on October 10, 2024."
    captions = [
        CaptionCandidate(29, 1, text.format(29), parse_credit("Jean-Noël Pétré/Getty Images"),
                         "../pics/Exiv2__exiv2/exiv2-bug922.png", "2024-10-10"),
        CaptionCandidate(30, 1, text.format(30), parse_credit("REUTERS/Léa Fournier"),
                         "../pics/Exiv2__exiv2/exiv2-bug922.tif", "2024-10-10"),
    ]  # fmt: skip
    png = picture(1, "exiv2-bug922.png", None, credit="Spielberg", source="Chez moi",
                  date_created="2006-02-04T16:09:30+00:00", job_id="36")  # fmt: skip
    tif = picture(2, "exiv2-bug922.tif", None, title="this is a title", date_created=None)
    result = link(captions, [png, tif])
    assert {m.caption_id: m.picture_id for m in result.links} == {29: 1, 30: 2}
    assert all(
        m.reasons[0] == "file name matches the article's image reference" for m in result.links
    )
    # Without the exact file on the desk, the sibling is what a CMS's conversion looks like.
    assert [m.picture_id for m in link(captions[:1], [tif]).links] == [2]


def test_the_name_without_extension_still_names_a_converted_file() -> None:
    """A CMS that turned AFP_33VY7UP.jpg into .webp: no .webp on the desk, so the stem decides."""
    result = link([caption(1, ARTICLE_FAREWELL, ref="/img/AFP_33VY7UP.webp")], desk())
    assert [(m.picture_id, m.by_reference) for m in result.links] == [(2, True)]
    assert result.links[0].reasons[0] == "file name matches the article's image reference"
