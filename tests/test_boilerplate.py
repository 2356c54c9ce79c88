"""Boilerplate learned from the archive: template and network blocks are never reuse, are
removed from the articles that hold them, and copies (of one story) are still found."""

from __future__ import annotations

import json

import numpy as np
import pytest
from sqlalchemy import select

from archiver.align import align
from archiver.archive import Archive
from archiver.boilerplate import (
    REASON,
    Page,
    judge,
    known_lines,
    names_in,
    relation,
    strip_lines,
)
from archiver.document import Extraction, RemovedLine
from archiver.models import BoilerplateShingle
from archiver.passages import DEFAULT, shingle_hashes, tokenize
from archiver.storage import storage_for

# Four unrelated stories, in four paragraphs each, and a fifth told twice (an update).
STORIES = {
    "ferry": (
        "Sallow River Ferry Fares Rise for Commuters",
        [
            "Commuters on the Sallow River ferry will pay more from June after the Harborton "
            "transit board approved a fare rise on Monday, the first in six years, despite "
            "objections from riders who said the service was already unreliable.",
            "Board chair Miriam Okonkwo said the increase would pay for two new engines and "
            "longer evening hours, and that discounted passes for students and pensioners would "
            "not change. Riders will pay 4.20 for a single crossing instead of 3.60.",
            "The Westmere Riders Association had asked the board to wait until the autumn, when "
            "the ferry operator Tidewater Lines is due to publish its punctuality figures for the "
            "year, but the motion to delay was defeated by five votes to two.",
            "Tidewater Lines carried 1.9 million passengers last year. Its chief executive, Paul "
            "Anders, told the meeting that the company had lost money on the evening crossings "
            "since the pandemic and would review the timetable again in September.",
        ],
    ),
    "library": (
        "Northgate Library Reopens After Two-Year Rebuild",
        [
            "The Northgate public library reopened its doors on Saturday after a two-year rebuild "
            "that added a children's wing, a recording studio and a rooftop reading garden "
            "overlooking the old Eastvale rail yards.",
            "Head librarian Tomasz Wierzbicki said more than three thousand people came through "
            "on the first day, many of them to return books borrowed from the temporary branch "
            "in the Calder Street shopping arcade, which closes at the end of the month.",
            "The rebuild cost 14 million, most of it from a regional culture fund, and ran four "
            "months late after workers found asbestos in the roof of the original 1962 building, "
            "according to figures presented to the council in March.",
            "Opening hours will be longer than before the closure: the library will stay open "
            "until nine on weekdays, and the studio can be booked by any cardholder for two hours "
            "a week, with volunteers from Northgate College on hand to help.",
        ],
    ),
    "hospital": (
        "Eastvale Hospital Wing Delayed by Steel Shortage",
        [
            "A new maternity wing at Eastvale General Hospital will open a year later than "
            "planned because of a shortage of structural steel, the regional health authority "
            "said on Wednesday, blaming suppliers in the Ruhr and on the Gulf coast.",
            "Authority spokesman Daniel Ferreira said the builders, Marsh and Lind, had been "
            "unable to secure beams for the upper floors and that the frame would not be "
            "finished before next spring, pushing the opening to the summer after.",
            "Midwives at the hospital have complained for years about the cramped delivery "
            "suites in the old east block, and the Royal College of Midwives said the delay "
            "would leave mothers in rooms that were never meant for modern care.",
            "The wing will have forty beds, a neonatal unit and a birthing pool. Its budget has "
            "risen from 62 million to 71 million, and the authority said it would ask the "
            "Treasury to cover the difference rather than cut other projects.",
        ],
    ),
    "vineyard": (
        "Frost Hits Calder Valley Vineyards",
        [
            "Growers in the Calder valley lost up to half of their young grapes to a late frost "
            "on Thursday night, when temperatures fell to minus four degrees in the lower "
            "vineyards around Villamar and Puerto Salinas.",
            "Winemaker Lucia Bertolini said the damage at her estate was the worst since 1991, "
            "and that the frost candles and wind machines used through the night had saved only "
            "the slopes facing south, where the cold air drains away.",
            "The regional growers' cooperative said it would ask the agriculture ministry for "
            "emergency support, as it did two years ago after hail, and warned that prices for "
            "this year's white wines would rise in the shops by the autumn.",
            "Forecasters at the Villamar weather station said another cold night was possible on "
            "Sunday, but that cloud cover should keep temperatures above freezing in most of the "
            "valley, and growers were told to keep their equipment ready.",
        ],
    ),
}
UPDATE_TITLE = "Sallow River Ferry Fares Rise for Commuters as Board Overrules Riders"

#: The Valley Ledger's standing block at the foot of every article: its template.
ABOUT = [
    "About the Valley Ledger",
    "The Valley Ledger has covered the towns of the Sallow valley since 1921. Our newsroom of "
    "forty reporters publishes every day in print and online, and our journalism is paid for "
    "by readers like you. Send tips to newsroom@valleyledger.example or call the news desk at "
    "any hour of the day.",
]
#: A publishing network's notice, which its papers print in the middle of their articles.
NETWORK = (
    "Harbour Media Group papers are changing how you sign in. From next month one account "
    "will open the Valley Ledger, the Calder Bay Times, the Westmere Echo and the Northgate "
    "Star on every device, and subscribers keep the rate they pay today. Existing passwords "
    "keep working until the change, and the help desk answers questions every day."
)
#: Another of the network's notices, printed in the middle of some of its papers' articles.
SIGN_IN = (
    "Harbour Media Group readers can now save articles to read later. Tap the bookmark beside "
    "any headline on the Valley Ledger, the Calder Bay Times, the Westmere Echo or the "
    "Northgate Star, and your list follows you to every device where you are signed in, with "
    "no extra charge for subscribers and a limit of fifty articles for everyone else."
)
#: A statement that two outlets quote in pieces, with their own words between.
STATEMENT = [
    "we have always paid our pilots the rates agreed with their union and we will keep doing so",
    "the new rosters were drawn up with the safety regulator and meet every rule on rest hours",
    "no flight has been cancelled because of staff shortages since the start of the season",
    "we remain open to talks at any time and have offered the union a meeting on Friday morning",
]


def _page(story: str, *, title: str | None = None, head=(), middle=(), tail=()) -> str:
    headline, paragraphs = STORIES[story]
    body = [*paragraphs[:2], *middle, *paragraphs[2:]]
    lines = [*head, title or headline, *body, *tail]
    return "\n\n".join(lines) + "\n"


def _add(cli, write, name: str, text: str, outlet: str | None, *more: str) -> dict:
    args = ["add", "--json", write(name, text)]
    if outlet:
        args += ["--outlet", outlet]
    result = cli(*args, *more)
    assert result.exit_code == 0, result.output
    return next(json.loads(line) for line in result.output.splitlines() if line.startswith("{"))


def _pairs(cli) -> set[tuple[int, int]]:
    report = json.loads(cli("report", "--format", "json").output)
    return {(p["a"], p["b"]) for p in report["pairs"]}


def _removed(cli, article_id: int) -> dict[str, str]:
    data = json.loads(cli("show", article_id, "--json", "--removed").output)
    return {r["text"]: r["reason"] for r in data["removed"]}


def _text(cli, article_id: int) -> str:
    return json.loads(cli("show", article_id, "--json").output)["clean_text"]


# ---------------------------------------------------------------------------------------------
# Through the CLI, on real archives
# ---------------------------------------------------------------------------------------------


def test_a_template_block_at_the_foot_of_two_pages_is_no_reuse_and_is_removed(write, cli):
    first = _add(cli, write, "1.txt", _page("ferry", tail=ABOUT), "Valley Ledger")
    second = _add(cli, write, "2.txt", _page("library", tail=ABOUT), "Valley Ledger")
    assert second["reused_from"] == [] and _pairs(cli) == set()
    # The second article lost the block, with its own reason; the first keeps it until reclean.
    assert _removed(cli, second["id"])[ABOUT[1]] == REASON
    assert ABOUT[1] not in _text(cli, second["id"])
    assert ABOUT[1] in _text(cli, first["id"])
    # Learned: a third article holding the block loses it before its reuse is even looked for.
    third = _add(cli, write, "3.txt", _page("hospital", tail=ABOUT), "Valley Ledger")
    assert _removed(cli, third["id"])[ABOUT[1]] == REASON
    assert third["removed_lines"] == len(_removed(cli, third["id"]))
    # reclean applies what was learned to the first article.
    assert cli("reclean", first["id"]).exit_code == 0
    assert _removed(cli, first["id"])[ABOUT[1]] == REASON
    assert _pairs(cli) == set()


def test_outlet_less_pages_sharing_a_footer_are_judged_too(write, cli):
    _add(cli, write, "1.txt", _page("ferry", tail=ABOUT), None)
    second = _add(cli, write, "2.txt", _page("vineyard", tail=ABOUT), None)
    assert _pairs(cli) == set()
    assert _removed(cli, second["id"])[ABOUT[1]] == REASON


def test_a_network_notice_in_three_outlets_is_learned_and_the_earlier_pair_revised(write, cli):
    first = _add(cli, write, "1.txt", _page("ferry", middle=[NETWORK]), "Valley Ledger")
    second = _add(cli, write, "2.txt", _page("library", middle=[NETWORK]), "Northgate Star")
    # Two articles of two outlets sharing one paragraph: that may be a copy, it is reported.
    assert _pairs(cli) == {(first["id"], second["id"])}
    third = _add(cli, write, "3.txt", _page("hospital", middle=[NETWORK]), "Calder Bay Times")
    # Three unrelated stories of three papers carry it: the network's notice, not reuse.
    assert third["reused_from"] == [] and _pairs(cli) == set()
    assert _removed(cli, third["id"])[NETWORK] == REASON
    # ... and any later article of the network loses it when it is added.
    fourth = _add(cli, write, "4.txt", _page("vineyard", middle=[NETWORK]), "Westmere Echo")
    assert _removed(cli, fourth["id"])[NETWORK] == REASON


def test_a_learned_template_with_another_networks_name_is_removed_too(write, cli):
    # One network's notice is learned from three of its papers ...
    for name, story, outlet in (
        ("1.txt", "ferry", "Valley Ledger"),
        ("2.txt", "library", "Northgate Star"),
        ("3.txt", "hospital", "Calder Bay Times"),
    ):
        _add(cli, write, name, _page(story, middle=[NETWORK]), outlet)
    # ... another network fills its own name into the same template: its pages lose it as
    # they are added (the name is the only difference), and it never pairs them.
    other = NETWORK
    for theirs, ours in (
        ("Harbour Media Group", "Tidewater Newspapers"),
        ("Valley Ledger", "Saltmarsh Sentinel"),
        ("Northgate Star", "Coast Weekly"),
    ):
        other = other.replace(theirs, ours)
    fourth = _add(cli, write, "4.txt", _page("vineyard", middle=[other]), "Saltmarsh Sentinel")
    fifth = _add(cli, write, "5.txt", _page("ferry", middle=[other]), "Westmere Herald")
    assert _removed(cli, fourth["id"])[other] == REASON
    assert _removed(cli, fifth["id"])[other] == REASON
    assert fifth["reused_from"] in ([], [1])  # the ferry story itself is the first page's


def test_a_pair_revised_twice_never_gets_back_the_boilerplate_learned_first(write, cli):
    """Two papers share two network notices: the first is learned from a third paper, the
    second from a fourth. The pair is aligned again each time, without either notice."""
    middle = [NETWORK, SIGN_IN]
    first = _add(cli, write, "1.txt", _page("ferry", middle=middle), "Valley Ledger")
    second = _add(cli, write, "2.txt", _page("library", middle=middle), "Northgate Star")
    assert _pairs(cli) == {(first["id"], second["id"])}
    _add(cli, write, "3.txt", _page("hospital", middle=[NETWORK]), "Calder Bay Times")
    # Two papers alone cannot tell the second notice from a copy: it is still reported.
    assert _pairs(cli) == {(first["id"], second["id"])}
    _add(cli, write, "4.txt", _page("vineyard", middle=[SIGN_IN]), "Westmere Echo")
    assert _pairs(cli) == set()


def test_a_wire_story_carried_by_three_outlets_is_still_reuse(write, cli):
    outlets = ("Meridian Press Agency", "Valley Ledger", "Northgate Star")
    ids = [
        _add(cli, write, f"{i}.txt", _page("hospital", head=[o], tail=[NETWORK]), o)["id"]
        for i, o in enumerate(outlets)
    ]
    assert _pairs(cli) == {(ids[0], ids[1]), (ids[0], ids[2]), (ids[1], ids[2])}


def test_a_wire_story_under_three_headlines_with_local_text_is_still_reuse(write, cli):
    """Each outlet runs the agency's story under its own headline, after paragraphs of its
    own: the story is most of each page, so it is a copy, however unrelated the rest."""
    local = {
        "Valley Ledger": ("Maternity Ward Wait Grows Longer", "ferry"),
        "Northgate Star": ("Steel Crunch Stalls Building Sites", "library"),
        "Calder Bay Times": ("Another Year in the Old East Block for Mothers", "vineyard"),
    }
    ids = []
    for i, (outlet, (title, own)) in enumerate(local.items()):
        mine = STORIES[own][1][:2]
        text = "\n\n".join([title, *mine, *STORIES["hospital"][1]]) + "\n"
        ids.append(_add(cli, write, f"{i}.txt", text, outlet)["id"])
    assert _pairs(cli) == {(ids[0], ids[1]), (ids[0], ids[2]), (ids[1], ids[2])}


def test_an_outlets_update_of_its_own_story_is_reported(write, cli):
    """Two versions of one story from one outlet share whole paragraphs at the foot of the
    page: the same story, so not the outlet's template."""
    first = _add(cli, write, "1.txt", _page("ferry"), "Valley Ledger")
    update = _page("ferry", title=UPDATE_TITLE, middle=["The vote came after a two-hour debate."])
    second = _add(cli, write, "2.txt", update, "Valley Ledger")
    assert second["reused_from"] == [first["id"]]


def test_a_statement_quoted_in_pieces_is_found(write, cli):
    """Each outlet quotes four pieces of one statement with its own words between them: no
    piece is long enough alone, together they are a shared quotation."""
    own = (
        (
            "Skyline Air Pilots Strike for a Second Day",
            "Pilots at Skyline Air stayed away from work in Westmere on Monday, grounding most "
            "of the carrier's regional flights for a second day running.",
            "the airline's chief operating officer said in a statement on Tuesday, as the "
            "first passengers queued for refunds at the desks in the departure hall.",
            "Talks between the two sides are expected to resume later in the week.",
        ),
        (
            "Travellers Stranded as Walkout Grounds Regional Carrier",
            "Hundreds of holidaymakers spent the night at Calder Bay airport after a walkout "
            "by pilots left the departure boards full of cancellations.",
            "a spokeswoman for the carrier told reporters at the airport, where more than forty "
            "flights were shown as delayed on the boards by noon.",
            "The pilots' union has not said how long the action will last.",
        ),
    )
    for i, (title, intro, narration, outro) in enumerate(own, 1):
        quoted = [f'"{piece.capitalize()}," {narration}' for piece in STATEMENT]
        text = "\n\n".join([title, intro, *quoted, outro])
        _add(cli, write, f"{i}.txt", text + "\n", f"Outlet {i}")
    report = json.loads(cli("report", "--format", "json").output)
    assert [(p["a"], p["b"]) for p in report["pairs"]] == [(1, 2)]
    pair = report["pairs"][0]
    assert len(pair["spans"]) >= 3
    # Both quote it: a shared quotation, which no date makes a sure copy.
    assert pair["kind"] == "quotation" and pair["confidence"] in ("low", "undetermined")
    assert "a shared quotation" in cli("report").output


@pytest.mark.both_backends
def test_learned_boilerplate_is_stored_as_shingles(write, cli, archive_url):
    _add(cli, write, "1.txt", _page("ferry", tail=ABOUT), "Valley Ledger")
    _add(cli, write, "2.txt", _page("library", tail=ABOUT), "Valley Ledger")
    with Archive.open(archive_url) as archive, archive.db.reading() as conn:
        rows = storage_for(conn).learned_shingles()
        known = storage_for(conn).known_shingles([r.hash for r in rows])
        held = {r.hash: r for r in conn.execute(select(BoilerplateShingle.__table__))}
    learned, holders = len(rows), min(r.articles for r in held.values())
    assert sorted(known) == sorted(held)
    words = len(tokenize(ABOUT[1])) - DEFAULT.shingle + 1
    assert learned >= words and holders == 2


# ---------------------------------------------------------------------------------------------
# The judgement, as pure functions
# ---------------------------------------------------------------------------------------------


def _judged(a_text, b_text, a_title, b_title, a_outlet="Ledger", b_outlet="Ledger", known=None):
    me, other = Page(2, b_title, b_outlet, b_text), Page(1, a_title, a_outlet, a_text)
    alignment = align(a_text, b_text)
    assert alignment
    return judge(me, {1: alignment}, {1: other, 2: me}, DEFAULT, None, known)


def _shingles(*texts: str) -> np.ndarray:
    return np.unique(np.concatenate([shingle_hashes(tokenize(t), DEFAULT.shingle) for t in texts]))


def test_a_block_above_learned_furniture_still_stands_at_the_foot():
    """A group's notice followed by a stack of each paper's own blocks, already learned: only
    the pages' own text decides where the notice stands."""
    furniture = {
        "ferry": " ".join(STORIES["vineyard"][1]),
        "library": " ".join(STORIES["hospital"][1]),
    }
    ferry = _page("ferry", tail=[NETWORK, furniture["ferry"]])
    library = _page("library", tail=[NETWORK, furniture["library"]])
    titles = STORIES["ferry"][0], STORIES["library"][0]
    args = (ferry, library, *titles, "Valley Ledger", "Northgate Star")
    assert not _judged(*args)  # 160 words of story after it: not the foot
    assert _judged(*args, known=_shingles(*furniture.values()))


def test_a_lead_copied_to_the_head_of_a_page_without_outlet_is_no_template():
    """A lead names its story's people and places, and the page that copied it names them
    again in its own text: leaving the block's names out, the two would look unrelated. Only
    a footer is judged that way; a copied lead stands at the head."""
    lead = STORIES["hospital"][1][0]
    original = "\n\n".join(
        [
            STORIES["hospital"][0],
            lead,
            "The Ruhr mills that supply Eastvale General Hospital's builders blamed a gas "
            "shortage, and a Gulf coast supplier said its ships were booked until June.",
            *STORIES["vineyard"][1],
        ]
    )
    copier = "\n\n".join(
        [
            "Mothers Wait Longer",
            lead,
            "Eastvale General Hospital has missed its targets before: steel from the Ruhr and "
            "the Gulf was late for its car park too, the Westmere Echo found.",
            *STORIES["ferry"][1],
        ]
    )
    titles = STORIES["hospital"][0], "Mothers Wait Longer"
    assert not _judged(original, copier, *titles, "Ledger", None)


def test_an_edited_block_is_never_boilerplate():
    edited = (
        ABOUT[1]
        .replace("forty", "fifty")
        .replace("every day", "daily")
        .replace("any hour", "every hour")
    )
    a, b = _page("ferry", tail=ABOUT), _page("library", tail=[ABOUT[0], edited])
    assert not _judged(a, b, STORIES["ferry"][0], STORIES["library"][0])


def test_a_block_in_the_middle_of_two_pages_is_not_judged_from_two_alone():
    a, b = _page("ferry", middle=[NETWORK]), _page("library", middle=[NETWORK])
    assert not _judged(a, b, STORIES["ferry"][0], STORIES["library"][0])


def test_relation_compares_titles_and_the_names_outside_the_shared_text():
    ferry, hospital = Page(1, STORIES["ferry"][0]), Page(2, STORIES["hospital"][0])
    apart = relation(ferry, hospital, _page("ferry"), _page("hospital"))
    assert apart.titles == 0.0 and apart.names is not None and apart.names < 0.2
    assert apart.unrelated(DEFAULT) and not apart.same_story(DEFAULT)
    together = relation(ferry, Page(2, UPDATE_TITLE), _page("ferry"), _page("ferry"))
    assert together.same_story(DEFAULT)
    # The outlet's own name never makes two titles alike.
    a, b = Page(1, "Ledger wins award", "Ledger"), Page(2, "Ledger moves office", "Ledger")
    assert relation(a, b, "", "").titles == 0.0


def test_names_are_capitalised_words_inside_sentences():
    text = "On Monday the Harborton council met. Residents asked Miriam Okonkwo about it."
    assert names_in(text, set()) == {"harborton", "miriam", "okonkwo"}
    assert names_in(text, {"harborton"}) == {"miriam", "okonkwo"}


def test_known_lines_need_most_of_their_shingles_known():
    text = "\n\n".join(["A line of its own words that nobody else wrote.", NETWORK])
    tokens = tokenize(text)
    known = tokenize(NETWORK)
    hashes = shingle_hashes(known, DEFAULT.shingle)
    assert known_lines(text, tokens, hashes) == [1]
    assert known_lines(text, tokens, hashes[: len(hashes) // 2]) == []
    # A name of a few words filled in between known stretches counts with them; a longer
    # stretch of other words does not.
    renamed = NETWORK.replace("Harbour Media Group", "Tidewater Newspapers")
    assert known_lines(renamed, tokenize(renamed), hashes) == [0]
    rewritten = NETWORK.replace(
        "and subscribers keep the rate they pay today", "and subscribers will pay the new rate"
    ).replace("keep working until the change", "stop working on the first day of spring")
    assert known_lines(rewritten, tokenize(rewritten), hashes) == []


def test_strip_lines_keeps_the_numbering_and_never_strips_everything():
    extraction = Extraction(
        text="first line\n\nsecond line\n\nthird line",
        removed=[RemovedLine(2, "menu", "navigation")],
        linenos=[1, 3, 5],
    )
    stripped = strip_lines(extraction, [1])
    assert stripped.text == "first line\n\nthird line"
    assert stripped.linenos == [1, 5]
    assert [(r.lineno, r.reason) for r in stripped.removed] == [(2, "navigation"), (3, REASON)]
    assert strip_lines(extraction, [0, 1, 2]) is extraction


def test_windows_made_mostly_of_known_boilerplate_are_not_signed():
    from archiver.minhash import is_empty
    from archiver.reuse import signatures

    story = " ".join(STORIES["ferry"][1])
    text = "\n\n".join([story, NETWORK])
    tokens = tokenize(text)
    assert not is_empty(signatures(tokens)).any()
    # Half of the notice's shingles known (the rest hold a name a network filled in): the
    # windows over it are left out, the story's windows are still signed.
    known = np.unique(shingle_hashes(tokenize(NETWORK), DEFAULT.shingle)[::2])
    empty = is_empty(signatures(tokens, DEFAULT, known))
    assert empty[-1] and not empty[0]
    assert empty.sum() < len(empty) / 2
