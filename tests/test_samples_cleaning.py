"""The bundled samples: each one's metadata, its boilerplate gone and its article kept."""

from __future__ import annotations

from pathlib import Path

import pytest

from archiver.document import Extraction
from archiver.html import extract_html
from archiver.reading import decode
from archiver.textclean import clean_text

SAMPLES = Path(__file__).resolve().parents[1] / "samples"

#: file -> (title, author, outlet, published), as a reader of the page and samples/README.md
#: would write them. "Staff Reporter" names nobody, and 12 has no byline.
EXPECTED = {
    "01-mpa-port-strike.txt": (
        "Harborton dockworkers walk out over automation plan, halting container traffic",
        "Priya Raman",
        "Meridian Press Agency",
        "2024-05-12",
    ),
    "02-ledger-port-strike.html": (
        "Port of Harborton at a standstill as dockworkers strike over automation",
        "Priya Raman",
        "The National Ledger",
        "2024-05-12T16:40:00+01:00",
    ),
    "03-coastline-port-strike.txt": (
        "Port strike leaves cargo ships stranded as Harborton dockworkers walk out",
        None,
        "Coastline Today",
        "2024-05-14",
    ),
    "04-courier-ferry-fares.html": (
        "Ferry fares to rise by a third as council plugs river service deficit",
        "Owen Pritchard",
        "Riverside Courier",
        "2024-05-09T06:30:00+01:00",
    ),
    "05-ledger-transit-funding.html": (
        "Fare rises and raided reserves: cities struggle to keep public transport afloat",
        "Ruth Okafor",
        "The National Ledger",
        "2024-05-13T07:00:00+01:00",
    ),
    "06-courier-hospital-wing.txt": (
        "St. Brennan's opens new cancer wing after four years of building work",
        "Dana Whitlock",
        "Riverside Courier",
        "2024-05-10",
    ),
    "07-harbortonnotes-hospital-parking.html": (
        "St. Brennan's has a shiny new wing. Good luck parking there.",
        "Gil Marsh",
        "Harborton Notes",
        "2024-05-13T20:15:00+01:00",
    ),
    "08-courier-library-hours.txt": (
        "City libraries to open on Sundays from June in year-long trial",
        "Dana Whitlock",
        "Riverside Courier",
        "2024-05-11",
    ),
    "09-mpa-drought-wheat.txt": (
        "Drought to cut wheat harvest to lowest in more than a decade, ministry says",
        "Ilse Marchetti",
        "Meridian Press Agency",
        "2024-05-08",
    ),
    "10-ledger-grain-prices.html": (
        "Bakers brace for costlier flour as drought shrinks the wheat crop",
        "Samuel Ferreira",
        "The National Ledger",
        "2024-05-11T09:20:00+01:00",
    ),
    "11-ledger-wind-farm.html": (
        "Regulator approves Calder Bay offshore wind farm over fishing industry objections",
        "Anika Brandt",
        "The National Ledger",
        "2024-05-10T12:05:00+01:00",
    ),
    "12-libertysignal-wind-farm.txt": (
        "Unelected Regulators Hand Coastline to Wind Giant as Fishermen Cry Foul",
        None,
        "Liberty Signal Daily",
        None,  # only the crawl-date header: see test_a_header_date_is_barely_trusted
    ),
    "13-harbortonnotes-tide-pools.html": (
        "Low tide at Gannet Point: crabs, anemones and one very patient blenny",
        "Gil Marsh",
        "Harborton Notes",
        "2024-05-06T18:40:00+01:00",
    ),
    "14-faro-fiesta-sardina.html": (
        "Miles de personas llenan el puerto de Villamar en la Fiesta de la Sardina",
        "Lucía Ferrer Campos",
        "El Faro Costero",
        "2024-05-11T19:30:00+02:00",
    ),
    "15-coastline-marathon.txt": (
        "Record field braves the rain at the Harborton Marathon",
        None,
        "Coastline Today",
        "2024-05-13",
    ),
    "16-courier-ferry-cancellations.txt": (
        "Tidewater Lines scraps evening ferry crossings for the summer, blaming a shortage of "
        "deckhands",
        "Owen Pritchard",
        "Riverside Courier",
        "2024-05-15",
    ),
    "17-courier-bridge-repairs.txt": (
        "Old Mill bridge repairs to close the western bank road for two weeks",
        "Dana Whitlock",
        "Riverside Courier",
        "2024-05-16",
    ),
    "18-coastline-ferry-cancellations.txt": (
        "No ferry home after seven: evening commuters left stranded by Tidewater cuts",
        None,
        "Coastline Today",
        "2024-05-16",
    ),
    "21-haigang-port-strike.html": (
        "临江港码头工人罢工 抗议自动化吊机计划",
        "陈晓梅",
        "海港日报",
        "2024-05-20T09:30:00+08:00",
    ),
    "22-donghai-port-automation.html": (
        "港口自动化提速 多地码头面临用工转型",
        "林涛",
        "东海新闻网",
        "2024-05-21T15:10:00+08:00",
    ),
    "23-donghai-typhoon-ferries.html": (
        "台风逼近 东海六条客运航线明起停航",
        "赵悦",
        "东海新闻网",
        "2024-05-22T18:45:00+08:00",
    ),
    "24-hafenbote-elektrofaehre.txt": (
        "Neue Elektrofähre soll ab Juli zur Insel Wellsand fahren",
        "Jana Keller",
        "Der Hafenbote",
        "2024-05-12",
    ),
}

#: The first and last sentence of each article body.
BODY = {
    "01": ("HARBORTON, May 12 (MPA) — Dockworkers", "delayed more than 80 vessels."),
    "02": ("HARBORTON, May 12 (MPA) — Dockworkers", "delayed more than 80 vessels."),
    "03": ("Harborton – Dockworkers at the Port", "delayed more than 80 vessels."),
    "04": ("HARBORTON — Single fares on the Sallow", "money the council does not currently have."),
    "05": (
        "Four years after the pandemic emptied",
        'waiting for someone else to blink," she said.',
    ),
    "06": ("Harborton – St. Brennan's Hospital will", "no decision was expected before next year."),
    "07": (
        "I spent a good part of last Tuesday",
        "stand in the car park for an afternoon and watch.",
    ),
    "08": ("Harborton – The city's three largest", "run on Sundays during the school term."),
    "09": ("WESTMERE, May 8 (MPA) — A dry winter", "results from the south are in."),
    "10": (
        "Independent bakers say they are preparing",
        'a little less of the good stuff," she said.',
    ),
    "11": ("The national energy regulator on Friday", "too little weight to the local economy."),
    "12": ("The national energy regulator on Friday", "too little weight to the local economy."),
    "13": ("The spring tides this week were the lowest", "I will be there with the coffee."),
    "14": ("Villamar – Más de 15.000 personas", "hasta altas horas de la madrugada."),
    "15": ("Harborton – More than 6,200 runners", "Next year’s marathon is set for May 11, 2025."),
    # The Courier's subscription appeal stays in 16 when it is cleaned alone: only the archive
    # learns, from 17, that it is the Courier's standing text (tests/test_reuse_samples.py).
    "16": ("Harborton – Commuters who rely", "every meeting that decides how Harborton is run."),
    "17": ("Harborton – The Old Mill bridge", "every meeting that decides how Harborton is run."),
    "18": (
        "Harborton – Nurses, shop workers",
        "protest on the Harborton pier for Saturday morning.",
    ),
    "21": ("海港日报讯（记者 陈晓梅）5月20日", "并将密切关注事态发展。"),
    "22": ("随着智能港口建设加快", "两地工会已表示将密切关注临江港的谈判结果。"),
    "23": ("受今年第3号台风影响", "尽量避免前往海边和山区。"),
    # The German lead paragraph ("Vorspann") under the headline opens the text.
    "24": ("Die Reederei Nordhafen-Wellsand bekommt", "über neue Tarife beraten."),
}

#: Boilerplate of the samples' templates; none of it may be left in any clean text.
BOILERPLATE = (
    "责任编辑",
    "分享到",
    "扫一扫",
    "版权所有",
    "本网转载此文",
    "Share on Facebook",
    "Share on X",
    "Compartir en Facebook",
    "Advertisement",
    "Publicidad",
    "Sponsored content",
    "Leave a Reply",
    "Please enter your",
    "Save my name, email",
    "Your email address will not be published",
    "Loading comments",
    "Now loading",
    "All rights reserved",
    "Todos los derechos reservados",
    "cookies",
    "captcha",
    "verify you are human",
    "does not always share or support",
    "originally appeared on",
    "Read more",
    "More articles",
    "Noticias relacionadas",
    "Sign up for",
    "Get the Courier Daily",
    "Skip to main content",
    "Home >",
    "Doctors Stunned",
    "staff reporters cover",
    "Dana Whitlock covers health",
    "Powered by WordPress",
    "Zum Inhalt springen",
    "Anzeige",
    "Lesen Sie auch",
    "Der Beitrag wurde am",
    "Schlagworte",
    "Das könnte Sie auch interessieren",
    "Verpasse keine News",
    "Schreibe einen Kommentar",
    "Zurück zur Übersicht",
    "Impressum",
    "Alle Rechte vorbehalten",
)


def extract(name: str) -> Extraction:
    """A sample decoded and extracted as `archiver add` does, without an archive."""
    decoded = decode((SAMPLES / name).read_bytes(), name=name)
    return extract_html(decoded.text) if decoded.format == "html" else clean_text(decoded.text)


@pytest.fixture(scope="module")
def extractions() -> dict[str, Extraction]:
    """Every sample extracted once for the whole module."""
    return {name: extract(name) for name in EXPECTED}


def test_every_sample_is_listed():
    assert sorted(p.name for p in SAMPLES.iterdir() if p.suffix in (".txt", ".html")) == sorted(
        EXPECTED
    )


@pytest.mark.parametrize("name", sorted(EXPECTED))
def test_metadata(name, extractions):
    title, author, outlet, published = EXPECTED[name]
    meta = extractions[name].metadata
    value = {key: field.value for key, field in meta.items()}
    assert value.get("title") == title
    assert value.get("author") == author
    assert value.get("outlet") == outlet
    if published is not None:
        assert value.get("published") == published
        assert meta["published"].confidence >= 0.5


def test_a_header_date_is_barely_trusted(extractions):
    published = extractions["12-libertysignal-wind-farm.txt"].metadata["published"]
    assert published.value == "2024-05-14"
    assert published.source == "header-date"
    assert published.confidence <= 0.3


@pytest.mark.parametrize("name", sorted(EXPECTED))
def test_boilerplate_is_removed(name, extractions):
    text = extractions[name].text.casefold()
    for phrase in BOILERPLATE:
        assert phrase.casefold() not in text, phrase


@pytest.mark.parametrize("name", sorted(EXPECTED))
def test_body_is_kept(name, extractions):
    first, last = BODY[name[:2]]
    paragraphs = extractions[name].text.split("\n\n")
    # HTML keeps the section, headline, standfirst and byline trafilatura puts above the body.
    assert any(p.startswith(first) for p in paragraphs[:6])
    assert paragraphs[-1].endswith(last) or any(p.endswith(last) for p in paragraphs[-2:])


def test_text_samples_keep_exactly_the_article(extractions):
    # Plain text is where the cleaner alone decides: the body, from its first paragraph on.
    for name in EXPECTED:
        if name.endswith(".txt"):
            paragraphs = extractions[name].text.split("\n\n")
            first, last = BODY[name[:2]]
            assert paragraphs[0].startswith(first), name
            assert paragraphs[-1].endswith(last), name


def test_the_republishing_credit_names_the_original(extractions):
    meta = extractions["12-libertysignal-wind-farm.txt"].metadata
    assert meta["republished"].value == "true"
    assert meta["original_outlet"].value == "The National Ledger"
    assert meta["outlet"].source == "site-name"
    html = extractions["02-ledger-port-strike.html"].metadata
    assert html["original_outlet"].value == "Meridian Press Agency"
    assert html["republished"].value == "true"
    assert html["outlet"].value == "The National Ledger"  # the page's own, not the credit's


def test_outlet_clues_say_where_they_came_from(extractions):
    courier = extractions["06-courier-hospital-wing.txt"].metadata["outlet"]
    assert (courier.source, courier.confidence) == ("site-name", 0.8)
    removed = {
        line.text: line.reason for line in extractions["06-courier-hospital-wing.txt"].removed
    }
    assert removed["Riverside Courier"] == "site-name"
    assert removed["© 2024 Riverside Courier Media Ltd. All rights reserved."] == "copyright"
    removed = {
        line.text: line.reason for line in extractions["12-libertysignal-wind-farm.txt"].removed
    }
    assert removed["Doctors Stunned: This Kitchen Spice Melts Away Joint Pain"] == "ad-marker"
    assert removed["Liberty Signal Daily"] == "site-name"


def test_html_extractions_list_what_the_rules_removed(extractions):
    removed = {
        line.text: line.reason for line in extractions["04-courier-ferry-fares.html"].removed
    }
    assert removed.get("ADVERTISEMENT") == "ad-marker"


def test_a_german_dump_is_stored_as_the_outlet_wrote_it(extractions):
    """24 is a German page dump: its language is detected, its lead paragraph kept, and the
    spaces its scraper left where links ended ("getauft .", "( PDF ) ,") closed."""
    extraction = extractions["24-hafenbote-elektrofaehre.txt"]
    assert extraction.metadata["language"].value == "de"
    text = extraction.text
    assert "ihre erste Elektrofähre getauft. Das Schiff" in text
    assert "der Stadtwerke (PDF), die" in text
    assert "verkauft werden; ein Käufer" in text
    assert not any(gap in text for gap in (" .", " ,", "( ", " )", " ;"))
