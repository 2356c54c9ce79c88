"""Metadata normalisation: titles, bylines, site names, dates and language tags."""

from __future__ import annotations

import pytest

from archiver.metanorm import (
    clean_author,
    clean_outlet,
    clean_title,
    find_date,
    is_company_name,
    is_media_group,
    is_site_name,
    is_utc,
    matches_site,
    names_host,
    normalize_date,
    normalize_language,
    same_instant,
)


@pytest.mark.parametrize(
    ("title", "outlet", "host", "expected"),
    [
        # the site's name after a separator, matched to the outlet or to the host
        ("Attack stokes fears in North Africa - The Washington Post", "Washington Post", None,
         "Attack stokes fears in North Africa"),
        ("The sharing economy is a lie - Salon.com", None, "www.salon.com",
         "The sharing economy is a lie"),
        ("Angry media won't buckle | Herald Sun", "HeraldSun", None, "Angry media won't buckle"),
        ("Flood warning lifted — Valley Post", "Valley Post", None, "Flood warning lifted"),
        ("Vidyard adds features - Spiceworks", "Spiceworks Inc", None, "Vidyard adds features"),
        ("Ham hrozí gigantům - Aktuálně.cz", None, "sport.aktualne.cz", "Ham hrozí gigantům"),
        # before the headline, in brackets, or a section label
        ("Valley Post | Flood warning lifted", "Valley Post", None, "Flood warning lifted"),
        ("Weekly Edition for March 26 [LWN.net]", None, "lwn.net", "Weekly Edition for March 26"),
        ("Opinion | Republicans Are Following Trump", "The New York Times", None,
         "Republicans Are Following Trump"),
        # only the site's part goes: the section stays, so does a dash inside the headline
        ("Budget vote - Politics - Valley Post", "Valley Post", None, "Budget vote - Politics"),
        ("Spider-Man - the real story of the web", "Valley Post", "valleypost.example",
         "Spider-Man - the real story of the web"),
        ("Evolve: Shared Mutable History — evolve extension for Mercurial", None, None,
         "Evolve: Shared Mutable History — evolve extension for Mercurial"),
        # a title that is only the site name is left alone; templates that repeat the headline
        ("Valley Post", "Valley Post", None, "Valley Post"),
        ("Minecraft 1.8 - The Bountiful Update - Minecraft 1.8 - The Bountiful Update", None, None,
         "Minecraft 1.8 - The Bountiful Update"),
        ("  Headline\n   on two lines  ", None, None, "Headline on two lines"),
        ("Fish &amp; Chips - Valley Post", "Valley Post", None, "Fish & Chips"),
        ("", "Valley Post", None, None),
    ],
)  # fmt: skip
def test_clean_title(title, outlet, host, expected):
    assert clean_title(title, outlet, host) == expected


@pytest.mark.parametrize(
    ("byline", "expected"),
    [
        ("By Jane Doe", "Jane Doe"),
        ("Posted by John Roe", "John Roe"),
        ("Written by: Ana Sandoiu", "Ana Sandoiu"),
        ("Par Sébastien Farcis", "Sébastien Farcis"),
        ("Текст: Венера Ерофеева", "Венера Ерофеева"),
        ("By JEFFREY GETTLEMAN", "Jeffrey Gettleman"),
        # roles, credentials, contact details
        ("By Jane Doe, Staff Writer", "Jane Doe"),
        ("Ben Silverman Games Editor", "Ben Silverman"),
        ("Mary Major, Senior Editor", "Mary Major"),
        ("By Brenda Goodman, MA", "Brenda Goodman"),
        ("Jane Doe jane.doe@example.com @janedoe", "Jane Doe"),
        ("Jane Doe https://example.com/jane", "Jane Doe"),
        # dates after (or before) the names
        ("By Nathan Willis March 25, 2015", "Nathan Willis"),
        ("Laura June Topolsky July 10, 2015", "Laura June Topolsky"),
        ("Theresa May", "Theresa May"),
        ("Dan Goodin - Apr 20, 2021 8:00 pm UTC", "Dan Goodin"),
        ("March 3, 2024 By Jane Doe", "Jane Doe"),
        ("Jane Doe Updated: 3 hours ago", "Jane Doe"),
        ("Last Updated: January 7, 2025", None),
        # lists
        ("Jane Doe and John Roe", "Jane Doe; John Roe"),
        ("By Jane Doe, John Roe & Mary Major", "Jane Doe; John Roe; Mary Major"),
        ("Martin Untersinger (avec Damien Leloup et Morgane Tual)",
         "Martin Untersinger; Damien Leloup; Morgane Tual"),
        ("Jeffrey Gettleman; JEFFREY GETTLEMAN", "Jeffrey Gettleman"),
        ("Written by Rob Ewaschuk Edited by Betsy Beyer", "Rob Ewaschuk"),
        # agencies are split off and kept
        ("Tom Davies Associated Press", "Tom Davies; Associated Press"),
        ("By Steve Peoples, AP", "Steve Peoples; AP"),
        ("Tom Krisher, AP Auto Writer", "Tom Krisher; AP"),
        # names with particles stay whole; phrases and placeholders are not names
        ("Michiel de Jong", "Michiel de Jong"),
        ("About the author", None),
        ("Username", None),
        ("Staff Writer", None),
        ("", None),
        (None, None),
    ],
)  # fmt: skip
def test_clean_author(byline, expected):
    assert clean_author(byline) == expected


def test_clean_author_splits_the_outlet_off_a_name():
    assert clean_author("Kevin McCoy USA TODAY", outlet="USA Today") == "Kevin McCoy; USA TODAY"
    assert clean_author("Analysis by Chris Cillizza, CNN Editor-at-large", outlet="CNN") == (
        "Chris Cillizza; CNN"
    )


@pytest.mark.parametrize(
    ("name", "host", "expected"),
    [
        ("Aktuálně.cz - Víte, co se právě děje", "sport.aktualne.cz", "Aktuálně.cz"),
        ("Mozilla Hacks – the Web developer blog", "hacks.mozilla.org",
         "Mozilla Hacks – the Web developer blog"),
        ("  Valley   Post ", None, "Valley Post"),
        ("https://www.facebook.com/valleypost", None, None),
        ("@valleypost", None, None),
        (None, None, None),
    ],
)  # fmt: skip
def test_clean_outlet(name, host, expected):
    assert clean_outlet(name, host) == expected


def test_matches_site():
    assert matches_site("The Washington Post", outlet="Washington Post")
    assert matches_site("Breitbart", host="www.breitbart.com")
    assert matches_site("Salon.com", host="salon.com")
    assert not matches_site("Politics", outlet="Valley Post", host="www.valleypost.example")
    assert not matches_site("com", host="salon.com")


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("2024-03-03", "2024-03-03"),
        ("2015-07-10 09:53:00 -0400", "2015-07-10T09:53:00-04:00"),
        ("2018-06-12T23:00:00.000Z", "2018-06-12T23:00:00Z"),
        ("2021-11-01T10:52:50+0100", "2021-11-01T10:52:50+01:00"),
        ("2019-04-28T06:01", "2019-04-28T06:01:00"),
        ("2024/03/03", "2024-03-03"),
        ("20170113", "2017-01-13"),
        ("Fri Mar 13 21:30:09 EST 2015", "2015-03-13"),
        ("Sunday, March 3, 2024", "2024-03-03"),
        ("Posted on March 3rd, 2024 at 5pm", "2024-03-03"),
        ("Jan. 13, 2017", "2017-01-13"),
        ("3 March 2024", "2024-03-03"),
        ("3. März 2024", "2024-03-03"),
        ("3 de marzo de 2024", "2024-03-03"),
        ("13.03.2024", "2024-03-13"),
        ("13/03/2024", "2024-03-13"),
        ("03/13/2024", "2024-03-13"),
        ("03/04/2024", None),  # day and month cannot be told apart
        ("2024-02-30", None),
        ("1066-10-14", None),
        ("no date here", None),
        ("", None),
        (None, None),
    ],
)
def test_normalize_date(text, expected):
    assert normalize_date(text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("19.10.19, 11:29 Uhr", "2019-10-19"),
        ("mardi 04.05.20 14:50", "2020-05-04"),
        ("31.12.99", "1999-12-31"),
        ("Python 3.10.12 is out", None),  # a version number
        ("Release 10.12.19.4", None),
        ("am 1.2.19", None),  # too short to be sure of
        ("31.02.19", None),
    ],
)
def test_a_two_digit_year_is_read_in_page_text_only(text, expected):
    found = find_date(text, month_first=True, short_year=True)
    assert (found[0] if found else None) == expected
    assert find_date(text, month_first=True) is None


@pytest.mark.parametrize(
    ("text", "month_first", "day_first", "expected"),
    [
        ("03/05/2022", False, True, "2022-05-03"),
        ("03/05/2022", True, False, "2022-03-05"),
        ("03/05/2022", False, False, None),
        ("13/05/2022", True, False, "2022-05-13"),  # the numbers prove the order
    ],
)
def test_slashed_dates_read_day_or_month_first(text, month_first, day_first, expected):
    found = find_date(text, month_first=month_first, day_first=day_first)
    assert (found[0] if found else None) == expected


def test_a_full_date_wins_over_a_two_digit_year():
    assert find_date("19.10.19 und 12.10.2019", short_year=True)[0] == "2019-10-12"


def test_utc_and_same_instant():
    assert is_utc("2017-02-24T01:18:13Z")
    assert is_utc("2017-02-24T01:18:13+00:00")
    assert not is_utc("2017-02-23T17:18:13-08:00")
    assert not is_utc("2017-02-23")
    assert same_instant("2017-02-24T01:18:13Z", "2017-02-23T17:18:13-08:00")
    assert not same_instant("2017-02-24T01:18:13Z", "2017-02-24T01:18:13-08:00")


@pytest.mark.parametrize(
    ("code", "expected"),
    [("en", "en"), ("en_us", "en-US"), ("FR", "fr"), ("zh-hant-tw", "zh-Hant-TW"), ("1x", None)],
)
def test_normalize_language(code, expected):
    assert normalize_language(code) == expected


# --- Outlet identity: which names are a site's, and whose site ----------------------------------


@pytest.mark.parametrize(
    ("name", "host", "expected"),
    [
        ("The Guardian", "www.theguardian.com", True),
        ("Fox News", "www.foxnews.com", True),
        ("The New York Times", "www.nytimes.com", True),  # initials, then a word
        ("The Wall Street Journal", "www.wsj.com", True),  # initials alone: three of them
        ("Houston Chronicle", "www.chron.com", True),  # a prefix of a word
        ("San Antonio Express-News", "www.mysanantonio.com", True),  # a filler in the host
        ("BBC News", "www.bbc.com", True),
        ("Sky News", "news.sky.com", True),
        ("CNNMoney", "money.cnn.com", True),
        ("Rhein-Neckar Löwen", "rhein-neckar-loewen.de", True),  # umlauts spelled out
        ("Caktus Group", "caktusgroup.com", True),  # a group word the host spells too
        ("Hearst Communications", "www.sfgate.com", False),  # the papers' owner
        ("Hearst", "www.timesunion.com", False),
        ("NBC UNIVERSAL", "www.nbcnews.com", False),
        ("CBS Interactive", "www.cbsnews.com", False),
        ("Vox Media", "www.theverge.com", False),
        ("Al Jazeera Media Network", "www.aljazeera.com", False),  # the network, not the site
        ("Heise Medien", "www.heise.de", False),
        ("Dow Jones", "www.barrons.com", False),
        ("Support The Guardian", "www.theguardian.com", False),  # a button
        ("Connecticut Post", "www.ctpost.com", False),  # a real name, but not spelled there
        ("Wikimedia Foundation, Inc.", "en.wikipedia.org", False),
        ("Guardian", None, False),
    ],
)
def test_names_host(name, host, expected):
    assert names_host(name, host) is expected


def test_names_host_strictly_takes_every_word_and_no_prefixes():
    assert names_host("Chron Shop", "www.chron.com")  # half the words is enough loosely...
    assert not names_host("Chron Shop", "www.chron.com", strict=True)  # ...not for a page line
    assert not names_host("Physics", "phys.org", strict=True)
    assert names_host("Barron's", "www.barrons.com", strict=True)
    assert names_host("TheHill.com", "thehill.com", strict=True)


@pytest.mark.parametrize(
    ("name", "group", "company"),
    [
        ("Hearst Communications", True, True),
        ("Hearst Media Services Connecticut, LLC", True, True),
        ("Gannett Co., Inc.", True, True),
        ("Reach plc", True, True),
        ("Axel Springer SE", True, True),
        ("Lee Enterprises", True, True),
        ("Newsquest Media Group", True, True),
        ("Tribune Publishing", True, True),
        ("Reach Out Magazine", False, False),
        ("Nine News", False, False),
        ("Chicago Tribune", False, False),
        ("Riverside Courier Media Ltd", True, True),
        ("Wikimedia Foundation, Inc.", False, True),
        ("The Guardian", False, False),
    ],
)
def test_media_groups_and_companies(name, group, company):
    assert is_media_group(name) is group
    assert is_company_name(name) is company


@pytest.mark.parametrize(
    ("name", "expected"),
    [
        ("The Verge", True),
        ("Mac & i", True),
        ("Folha de S.Paulo", True),
        ("CNET en Español", True),
        ("Mozilla Hacks – the Web developer blog", True),
        ("U.S.", False),  # a section
        ("Expert how-to for English Riders", False),  # a tagline
        ("Kabar tentang Dunia Islam", False),
    ],
)
def test_is_site_name(name, expected):
    assert is_site_name(name) is expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("16 marca 2021", "2021-03-16"),
        ("opublikowano: 7 kwietnia 2021", "2021-04-07"),
        ("12 października 2020 r., 14:05", "2020-10-12"),
        ("1 maja 2019", "2019-05-01"),
        ("Maja Nowak pisze o portach od 2019 roku", None),  # a name, not the month
    ],
)
def test_polish_dates_are_read(text, expected):
    found = find_date(text)
    assert (found[0] if found else None) == expected
