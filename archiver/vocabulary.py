"""The words news pages are read with, in the languages they are most often in: months,
weekdays, the words that introduce a byline, newsroom roles, news agencies, social networks.

Kept here once, as data, for the cleaner's rules (:mod:`archiver.rules`), the metadata
readers (:mod:`archiver.metanorm`, :mod:`archiver.textmeta`) and provenance. Patterns are built
from these tuples with :func:`any_of`.
"""

from __future__ import annotations

from collections.abc import Iterable


def any_of(words: Iterable[str]) -> str:
    """A regex group matching any of the words or phrases, longest first (written as regex:
    "e-?mail" matches "email" and "e-mail")."""
    return "(?:" + "|".join(sorted(words, key=len, reverse=True)) + ")"


# --- Dates -----------------------------------------------------------------------------------

#: Month names (full and abbreviated), each with its number: English, French, German,
#: Spanish, Portuguese, Italian, Dutch, with their usual short forms, and Polish (written
#: in dates in the genitive: "7 kwietnia 2021").
_POLISH_MONTHS = {
    1: ("stycznia", "styczeń"), 2: ("lutego", "luty"), 3: ("marca", "marzec"),
    4: ("kwietnia", "kwiecień"), 5: ("maja", "maj"), 6: ("czerwca", "czerwiec"),
    7: ("lipca", "lipiec"), 8: ("sierpnia", "sierpień"), 9: ("września", "wrzesień"),
    10: ("października", "październik"), 11: ("listopada", "listopad"),
    12: ("grudnia", "grudzień"),
}  # fmt: skip
MONTHS = {
    **dict.fromkeys(
        ("january", "jan", "janvier", "janv", "januar", "jänner", "enero", "ene", "janeiro",
         "gennaio", "januari"),
        1,
    ),
    **dict.fromkeys(
        ("february", "feb", "février", "fevrier", "févr", "februar", "febrero", "fevereiro",
         "febbraio", "februari"),
        2,
    ),
    **dict.fromkeys(("march", "mar", "mars", "märz", "marzo", "março", "maart"), 3),
    **dict.fromkeys(("april", "apr", "avril", "avr", "abril", "abr", "aprile"), 4),
    **dict.fromkeys(("may", "mai", "mayo", "maio", "maggio", "mei"), 5),
    **dict.fromkeys(("june", "jun", "juin", "juni", "junio", "junho", "giugno"), 6),
    **dict.fromkeys(("july", "jul", "juillet", "juil", "juli", "julio", "julho", "luglio"), 7),
    **dict.fromkeys(("august", "aug", "août", "aout", "agosto", "ago", "augustus"), 8),
    **dict.fromkeys(
        ("september", "sep", "sept", "septembre", "septiembre", "setiembre", "setembro",
         "settembre"),
        9,
    ),
    **dict.fromkeys(
        ("october", "oct", "octobre", "oktober", "okt", "octubre", "outubro", "ottobre"), 10
    ),
    **dict.fromkeys(("november", "nov", "novembre", "noviembre", "novembro"), 11),
    **dict.fromkeys(
        ("december", "dec", "décembre", "decembre", "déc", "dezember", "dez", "diciembre", "dic",
         "dezembro", "dicembre"),
        12,
    ),
    **{name: number for number, names in _POLISH_MONTHS.items() for name in names},
}  # fmt: skip

#: The English month names, as a date is written for a reader ("3 March 2024").
MONTH_NAMES_EN = (
    "January February March April May June July August September October November December"
).split()

#: Weekdays, in full, by language.
WEEKDAYS = {
    "en": ("monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday"),
    "de": ("montag", "dienstag", "mittwoch", "donnerstag", "freitag", "samstag", "sonntag"),
    "es": ("lunes", "martes", "miércoles", "jueves", "viernes", "sábado", "domingo"),
    "fr": ("lundi", "mardi", "mercredi", "jeudi", "vendredi", "samedi", "dimanche"),
}
#: English weekdays as date lines shorten them ("Tue, May 3").
WEEKDAYS_EN_SHORT = ("mon", "tue", "tues", "wed", "thu", "thurs", "fri", "sat", "sun")

# --- Bylines ---------------------------------------------------------------------------------

#: "By" in the languages of bylines: English, German, French, Spanish, Dutch, Swedish and
#: Norwegian ("av"). Each reader adds the words that are safe where it looks: Italian "di"
#: and Portuguese "de" also start surnames ("Di Maio") and phrases.
BY_WORDS = ("by", "von", "par", "por", "door", "av")
#: Polish "przez" ("by"); Danish "af".
BY_WORDS_MORE = ("przez", "af")

#: The roles a newsroom's byline gives in place of a name ("Staff Writer").
NEWSROOM_ROLES = (
    "writer",
    "reporter",
    "editor",
    "correspondent",
    "columnist",
    "contributor",
    "journalist",
)

#: The roles a byline gives beside a name ("Jane Doe, Staff Writer", "Political Editor").
STAFF_ROLES = (*NEWSROOM_ROLES, "producer", "analyst", "photographer")

#: What a line naming a person calls them beside the name: "Sarah Hinger, Staff Attorney",
#: "FOCUS-Online-Experte Robin Tschöpe". German compounds end in them ("Wirtschaftsredakteur"),
#: and their feminine forms add "-in"; German sets them before the name too.
PERSON_ROLES_DE = (
    *("experte", "expertin", "redakteur", "korrespondent", "autor", "kolumnist"),
    *("sprecher", "leiter", "geschäftsführer", "vorsitzender", "vorsitzende"),
)
PERSON_ROLES = (
    *STAFF_ROLES,
    *("attorney", "lawyer", "director", "professor", "president", "founder", "ceo"),
    *("manager", "researcher", "economist", "fellow"),
    *("spokesperson", "spokesman", "spokeswoman", "chair", "chairman", "chairwoman"),
    *PERSON_ROLES_DE,
)
#: What a headline says a person said: "Economy Slows, Director Says".
SAID = ("says", "said", "warns", "claims", "admits", "argues", "insists", "sagt", "dice", "dit")

#: Labels that name the author, alone on their line over the name ("By", "Auteur").
AUTHOR_LABELS = frozenset("by auteur author autor autorin".split())
#: Labels a page sets alone on their line over their value ("Cover" over "Collège de
#: France", "Auteur" over a name): the line under one is a credit, a name, a date or a place,
#: never the headline.
FIELD_LABELS = AUTHOR_LABELS | frozenset(
    """cover photo photos foto fotos photographie fotografía bild bilder image illustration
    crédit crédits credit credits source quelle fuente date datum fecha lieu ort""".split()
)

#: A table of contents' heading; the lines under it name the article's sections.
CONTENTS_LABELS = frozenset(
    """inhalt|inhaltsverzeichnis|contents|table of contents|sommaire|índice|indice|spis treści|
    inhoud|innehåll|in this article|in diesem artikel""".replace("\n    ", "").split("|")
)

#: Lower-case words that belong to names: "Michiel de Jong", "Ludwig van Beethoven",
#: "Ursula von der Leyen".
NAME_PARTICLES = frozenset(
    "de da das do dos di del della der den van von ter ten te la le du des bin ibn al el y e st"
    .split()
)  # fmt: skip
#: The same, less those that are also words opening a heading when capitalised ("Das
#: Lexikon", "Des choses", "Do it", "St. Pauli"): a line of text whose words are all
#: capitalised reads "Das" as a particle only at its peril.
CAPITALISED_NAME_PARTICLES = NAME_PARTICLES - {"das", "den", "des", "do", "te", "ten", "ter", "st"}

# --- Agencies and networks -------------------------------------------------------------------

#: News agencies, often written after a reporter's name ("Tom Davies Associated Press").
WIRE_SERVICES = frozenset(
    {
        *"ap reuters afp pti upi dpa ani ians xinhua bloomberg efe ansa kyodo yonhap".split(),
        *"tass anp".split(),
        "associated press",
        "the associated press",
        "agence france-presse",
        "press trust of india",
        "united press international",
    }
)
#: Picture agencies and wires credited under photos ("(AP Photo/...)", "Getty Images").
PHOTO_AGENCIES = ("ap", "afp", "reuters", "getty", "epa")

#: Social networks a page asks its readers to follow it on.
SOCIAL_NETWORKS = ("twitter", "facebook", "instagram", "linkedin", "youtube", "tiktok", "telegram")
#: Where a share bar's buttons send an article.
SHARE_TARGETS = (
    "facebook",
    "twitter",
    "linkedin",
    "whatsapp",
    "reddit",
    "pinterest",
    "flipboard",
    "tumblr",
    "telegram",
    "messenger",
)

#: A recipe's list of ingredients opens under one of these words ("Zutaten für 4 Personen",
#: "Ingredients", "Składniki"): the list is the recipe's, though its lines are short.
INGREDIENTS_HEADINGS = (
    "zutaten",
    "ingredients",
    "ingrédients",
    "ingredientes",
    "ingredienti",
    "ingrediënten",
    "składniki",
)

#: The words a site's section labels and menus are made of: a line of nothing else
#: ("Nachrichten und Pressemeldungen", "Übersicht - alle Themen", "NEWS FEATURES BEAUTY HEALTH")
#: is a label, never a headline.
SECTION_WORDS = frozenset(
    (
        # German
        "aktuell aktuelles allgemein archiv blog gesundheit karriere kategorie kategorien kultur "
        "lokales magazin meldungen mitteilungen nachrichten news newsroom panorama politik presse "
        "pressemeldungen pressemitteilung pressemitteilungen ratgeber rubrik rubriken service "
        "sport startseite termine thema themen übersicht unternehmen veranstaltungen wirtschaft "
        "wissen "
        # English
        "beauty business entertainment events features health home latest lifestyle local love "
        "opinion politics royals sports travel world "
        # Spanish, French
        "actualidad cultura deportes economía noticias opinión portada actualités culture économie "
        "monde société"
    ).split()
)
#: The words that join section words in a label ("Presse und News", "alle Themen").
SECTION_GLUE = frozenset("und and aus dem der des die alle all the of zu zur zum y et".split())
