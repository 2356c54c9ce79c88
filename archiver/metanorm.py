"""Metadata normalisation: turn raw titles, bylines, site names and dates into clean values."""

from __future__ import annotations

import datetime as dt
import functools
import re
import unicodedata
from html import unescape

from archiver.vocabulary import MONTHS, NAME_PARTICLES, WEEKDAYS, WIRE_SERVICES


def _words(text: str, sep: str | None = None) -> frozenset[str]:
    """A word list written as one string, the way the tables below are easiest to read."""
    return frozenset(" ".join(w.split()) for w in text.split(sep) if w.strip())


# ---------------------------------------------------------------------------------------------
# Titles and site names
# ---------------------------------------------------------------------------------------------

#: Separators between a headline and the site or section names decorating it. A colon is not
#: one: "Daring Fireball: Colophon" and "Evolve: Shared Mutable History" are whole titles.
TITLE_SEPARATOR = re.compile(r"\s+(?:[|｜–—·•∙»›~/\\⁄✩★☆⋆◆♦●▪■►▶]|-{1,2}|::)\s+|\s*\|\s*")

#: A site name in brackets at the end of a title: "Weekly Edition [LWN.net]".
TITLE_BRACKETED = re.compile(r"\s*[\[(]([^\[\]()]+)[\])]\s*$")

#: Section labels put before a headline ("Opinion | Headline"); dropped like a site name.
TITLE_SECTION_LABELS = _words(
    "opinion analysis editorial commentary review live video watch podcast exclusive"
)

#: Host labels that never name a site on their own.
GENERIC_HOST_LABELS = _words(
    "www www1 www2 m mobile amp news blog blogs hosted com net org edu gov co ac int info biz io "
    "uk us de fr es it nl be ch at au ca cz pl ru jp cn br in"
)

#: Pieces of a host name that stand for no word of the site's name: "mysanantonio.com" is the
#: San Antonio Express-News, "theparadigmng.com" The Paradigm (of Nigeria).
HOST_FILLERS = _words(
    "the my on go get i e ng uk us tv hq online web site blog mag info live now news daily"
)

#: Words of a site's name that need not appear in its host: "BBC News" is bbc.com.
NAME_FILLERS = _words(
    """the of and a an de la le el les los das der die du des di del news daily online media
    magazine com net org co uk www"""
)

#: Words that make a name a group's that owns several mastheads, rather than one masthead's.
GROUP_NAME_WORDS = _words(
    """communications holdings holding group enterprises newspapers publishing publications
    publishers interactive broadcasting networks network media partners ventures
    verlagsgruppe mediengruppe medien verlag gruppe médias medias medios mídia midia"""
)
#: Legal forms: a company's name, which may be one masthead's ("Wikimedia Foundation, Inc.").
LEGAL_FORM_WORDS = _words(
    """inc incorporated ltd limited llc llp lp plc corp corporation co company gmbh ag se sa nv
    bv pty pvt srl spa oy ab kg"""
)

#: Media groups that own many mastheads: their name is a publisher's, never an outlet's. Five
#: Hearst papers are five outlets, not one "Hearst".
MEDIA_GROUPS = _words(
    """hearst | gannett | tribune publishing | tribune media | lee enterprises | newsquest |
    reach | reach plc | trinity mirror | axel springer | mcclatchy | advance local | advance
    publications | sinclair | nexstar | tegna | gray television | scripps | e.w. scripps | news
    corp | dow jones | condé nast | conde nast | future | future plc | penske | penske media |
    vox media | cbs interactive | nbcuniversal | nbc universal | warner bros. discovery | bauer |
    hubert burda media | burda | funke | madsack | ippen | dumont | mediahuis | dpg media |
    schibsted | tamedia | ringier | postmedia | torstar | nine | fairfax media | lagardère |
    mondadori | gedi | rcs mediagroup | prisa | vocento | bonnier | sanoma | alden global capital
    | medianews group | digital first media | gatehouse media | cnhi | adams publishing group |
    ogden newspapers | paxton media group | boone newspapers | cox media group | graham media
    group | meredith | dotdash meredith | iac | bustle digital group | valnet | ziff davis |
    national world | dmg media | dmgt | jpimedia | iliffe media | archant | tindle newspapers |
    the independent ltd | telegraph media group | guardian media group | news uk | microsoft |
    oath | verizon media | warnermedia | turner broadcasting system | viacom | viacomcbs |
    paramount global | the walt disney company | comcast | bell media | corus entertainment |
    quebecor""",
    sep="|",
)

#: A name that starts with one of these is a button or a prompt ("Support The Guardian"),
#: not a masthead.
UI_VERBS = _words(
    """support subscribe follow contact about advertise donate join sign log read more share get
    download visit back go skip watch listen like home menu search login register newsletter
    über zum zur mitglied ausgabe aktuelle mehr alle kontakt impressum datenschutz suche
    anmelden registrieren abonnieren ver más mas leer últimas ultimas inicio contacto accueil
    connexion rechercher lire voir suivez"""
)


# ---------------------------------------------------------------------------------------------
# Bylines
# ---------------------------------------------------------------------------------------------

#: Words that introduce a byline ("By", "Posted by", "Par", "Text:"...), removed from the front.
BYLINE_PREFIX = re.compile(
    r"^(?:(?:posted|written|words|reported|reporting|report|story|text|published|article|"
    r"analysis|commentary|opinion|review|column|essay|interview|compiled)\s+)?"
    r"(?:by|par|por|door|av)\b\s*:?\s*"
    r"|^(?:text|texto|tekst|текст|autor|autora|auteur|author|authors|reporter|writer)\s*:\s*",
    re.IGNORECASE,
)

#: Credits that are not authorship; the byline is cut where they start.
BYLINE_OTHER_CREDIT = re.compile(
    r"\b(?:edited|photos?|photographs?|pictures?|illustrations?|graphics|video|images?|"
    r"additional reporting|translated|fact[- ]checked)\s+by\b.*$",
    re.IGNORECASE,
)

#: Co-authors in brackets: "Martin Untersinger (avec Damien Leloup et Morgane Tual)".
BYLINE_WITH = re.compile(r"\(\s*(?:with|avec|mit|con|com)\s+([^()]*)\)", re.IGNORECASE)

#: A date stamp that follows the names ("Jane Doe Updated: March 3, 2024"); cut from there.
BYLINE_DATE_PHRASE = re.compile(
    r"(?:^|\s)(?:last\s+)?(?:updated|published|posted on|modified|first published)\b.*$",
    re.IGNORECASE,
)

#: A full stop between a name and what follows ("Finian Cunningham. Sputnik International"),
#: not after an initial or a title ("Troy L. Smith", "Mrs. Smith").
BYLINE_SENTENCE_BREAK = re.compile(r"(?<=\w{4})\.\s+(?=[A-Z])")

#: Separators between several authors: commas, semicolons, ampersands and "and" in a few languages.
BYLINE_SPLIT = re.compile(
    r"\s*[,;|/&+]\s*|\s+[-–—•·]\s+|\s+(?:and|und|et|y|e|en|och|og|with|avec|mit)\s+",
    re.IGNORECASE,
)

#: Role nouns; a name ends where one of these (with its qualifiers) begins.
ROLE_NOUNS = _words(
    """editor editors writer writers reporter reporters correspondent correspondents columnist
    contributor contributors journalist journalists producer photographer critic analyst blogger
    anchor intern freelancer freelance staff team desk newsroom bureau author"""
)

#: Words that qualify a role noun ("Senior Editor", "Games Editor", "Staff Writer").
ROLE_QUALIFIERS = _words(
    """senior staff chief associate assistant contributing deputy managing executive special
    national international foreign political politics sports sport games gaming tech technology
    science business health news opinion features feature digital social media investigative
    legal data video photo travel food music film arts culture entertainment fashion education
    environment environmental climate economics economy markets finance crime court courts
    metro city local regional global world wire web online copy general lead principal
    contributing guest regular weekend auto security medical enterprise religion retail energy
    transportation aerospace immigration congressional statehouse agriculture"""
)

#: Academic and professional letters after a name ("Brenda Goodman, MA").
CREDENTIALS = _words(
    """ma md phd ph.d. ph.d mph rn do ms msc bsc ba bs jd mba rd rdn dds facp cpa lcsw psyd np
    lmft cscs mbbs dphil llb llm msw mfa frcp"""
)

#: Values that sites put in author fields that name nobody.
NON_AUTHORS = _words(
    """username admin administrator anonymous author authors unknown guest user editor staff
    webmaster root null none undefined n/a follow subscribe share comments comment more contact
    email print menu search login home"""
)

#: Words after which a byline turns into a date or time ("Jane Doe Updated 3 hours ago").
BYLINE_DATE_WORDS = _words("updated published posted modified last on at ago před vor hace il") | {
    *WEEKDAYS["en"]
}

#: Email addresses, URLs and @handles are contact details, not names.
BYLINE_CONTACT = re.compile(r"\S+@\S+\.\w+|https?://\S+|www\.\S+|(?<!\w)@\w+")

#: A sentence of an author bio ("Jane Doe is a reporter at...") starts here.
BYLINE_BIO = re.compile(r"\s+(?:is|was|has been|covers|writes)\s+.*$", re.IGNORECASE)

# ---------------------------------------------------------------------------------------------
# Dates
# ---------------------------------------------------------------------------------------------


_MONTH_RE = "|".join(sorted((re.escape(m) for m in MONTHS), key=len, reverse=True))

#: ISO 8601 and its common relatives ("2015-07-10 09:53:00 -0400", "2018-06-12T23:00:00.000Z").
DATE_ISO = re.compile(
    r"(?<!\d)(\d{4})-(\d{1,2})-(\d{1,2})"
    r"(?:[T ](\d{1,2}):(\d{2})(?::(\d{2})(?:\.\d+)?)?\s*(Z|[+-]\d{2}:?\d{2}(?!\d))?)?(?!\d)"
)
#: Year first with slashes or dots: "2024/03/03", "2024.03.03".
DATE_YMD = re.compile(r"(?<!\d)(\d{4})[/.](\d{1,2})[/.](\d{1,2})(?!\d)")
#: Eight digits, as in URL paths and some meta tags: "20170113".
DATE_COMPACT = re.compile(r"^\s*(\d{4})(\d{2})(\d{2})\s*$")
#: Day first with dots, the European way: "13.03.2024".
DATE_DMY_DOTS = re.compile(r"(?<!\d)(\d{1,2})\.\s?(\d{1,2})\.\s?(\d{4})(?!\d)")
#: Numbers with slashes, order unknown: "03/13/2024" or "13/03/2024".
DATE_SLASHES = re.compile(r"(?<!\d)(\d{1,2})/(\d{1,2})/(\d{4})(?!\d)")
#: Month name then day: "March 3, 2024", "Mar. 3 2024", "Fri Mar 13 21:30:09 EST 2015".
DATE_MONTH_DAY = re.compile(
    rf"\b({_MONTH_RE})\.?\s+(\d{{1,2}})(?:st|nd|rd|th)?\b,?(?:\s+[\d:]+(?:\s+[A-Z]{{2,4}})?)?"
    r",?\s+(\d{4})(?!\d)",
    re.IGNORECASE,
)
#: Day then month name: "3 March 2024", "3. März 2024", "3 de marzo de 2024", "12th of May
#: 2024", "21.dez.2018".
DATE_DAY_MONTH = re.compile(
    rf"(?<!\d)(\d{{1,2}})(?:st|nd|rd|th|er)?(?:\.?\s+(?:of\s+|de\s+)?|\.)({_MONTH_RE})"
    r"(?:\.?,?\s+(?:de\s+)?|\.)(\d{4})(?!\d)",
    re.IGNORECASE,
)
#: Every date form above needs four digits in a row: lines without them are skipped cheaply.
DATE_HAS_YEAR = re.compile(r"\d{4}")
#: Day, month and a two-digit year, each of two digits, as forums and German news sites stamp
#: posts: "19.10.19, 11:29 Uhr". Read only in page text (``short_year``): "3.10.12" is a
#: version number more often than a day.
DATE_DMY_SHORT = re.compile(r"(?<![\d.])(\d{2})\.(\d{2})\.(\d{2})(?![\d]|\.\d)")

#: Company words after an outlet's name in a copyright line ("Riverside Courier Media Ltd.").
#: Legal forms are always cut; the others only while two words of the name are left
#: ("Vox Media" stays whole, "Harborton Media Group" becomes "Harborton Media").
COMPANY_LEGAL_FORMS = _words(
    """inc inc. incorporated ltd ltd. limited llc l.l.c. llp lp plc corp corp. corporation co
    co. company gmbh ag sa s.a. nv bv pty pty. pvt pvt. private srl s.r.l. spa s.p.a. oy ab as"""
)
COMPANY_WORDS = _words("media group holdings publishing publications enterprises newspapers")
#: What a copyright line says after the name.
COPYRIGHT_TAIL = re.compile(
    r"(?:\.\s|(?:^|[,.]?\s+)(?:all|some)\s+rights\b|,?\s+(?:19|20)\d\d\b|\s+[|•·–—-]\s).*$",
    re.IGNORECASE,
)

#: Years outside this range are taken for noise, not publication dates.
YEAR_RANGE = (1900, 2100)


# ---------------------------------------------------------------------------------------------
# Site matching
# ---------------------------------------------------------------------------------------------


def site_key(text: str) -> str:
    """Fold a site name or title part for comparison: no case, accents, spaces, leading "the"."""
    folded = unicodedata.normalize("NFKD", text.casefold())
    folded = "".join(c for c in folded if c.isalnum())
    return folded[3:] if folded.startswith("the") and len(folded) > 6 else folded


def host_keys(host: str | None) -> set[str]:
    """How a host may be written as a site name: "sport.aktualne.cz" gives aktualne, aktualnecz."""
    if not host:
        return set()
    host = re.sub(r"^[a-z]+://", "", host.lower()).split("/")[0].split(":")[0]
    labels = [label for label in host.split(".") if label]
    keys = {site_key(label) for label in labels if label not in GENERIC_HOST_LABELS}
    keys |= {site_key(".".join(labels[i:])) for i in range(len(labels) - 1)}
    return {key for key in keys if len(key) >= 2}


def matches_site(part: str, outlet: str | None = None, host: str | None = None) -> bool:
    """Whether a title part names the site: equal to the outlet or to the host, give or take case,
    spaces, accents, a leading "The" or a trailing company suffix ("Spiceworks" ~ "Spiceworks Inc").
    """
    key = site_key(part)
    if len(key) < 2:
        return False
    if outlet:
        outlet_key = site_key(outlet)
        if key == outlet_key:
            return True
        shorter, longer = sorted((key, outlet_key), key=len)
        if len(shorter) >= 4 and longer.startswith(shorter) and len(longer) - len(shorter) <= 4:
            return True
    return key in host_keys(host)


#: How German hosts spell umlauts: "Rhein-Neckar Löwen" is rhein-neckar-loewen.de.
TRANSLITERATIONS = str.maketrans({"ä": "ae", "ö": "oe", "ü": "ue", "ß": "ss"})


def _name_words(name: str, transliterate: bool = False) -> list[str]:
    folded = name.casefold()
    if transliterate:
        folded = folded.translate(TRANSLITERATIONS)
    folded = unicodedata.normalize("NFKD", folded)
    folded = "".join(c for c in folded if not unicodedata.combining(c))
    return [w for w in re.split(r"[^\w]+|_", folded) if w]


def _host_labels(host: str) -> list[str]:
    host = re.sub(r"^[a-z]+://", "", host.lower()).split("/")[0].split(":")[0]
    labels = [label for label in host.split(".") if label]
    return [label for label in labels[:-1] if label not in GENERIC_HOST_LABELS] or labels[:1]


def _spell(label: str, words: list[str], strict: bool = False) -> set[int] | None:
    """The indices of ``words`` that spell ``label`` in order, each piece a whole word, a
    prefix of 3+ letters, an initial, or a filler of HOST_FILLERS; None when they cannot.
    A spelling made of initials alone needs three of them ("wsj"); one with a whole word or
    a prefix needs nothing more ("nytimes": n, y, times). ``strict`` allows no prefixes."""
    label = label.replace("-", "")
    dead: set[tuple[int, int]] = set()

    def spell(at: int, next_word: int) -> tuple[set[int], int, int] | None:
        # -> (words used, initials used, strong pieces)
        if at == len(label):
            return set(), 0, 0
        if (at, next_word) in dead:
            return None
        options = []
        for filler in HOST_FILLERS:
            if label.startswith(filler, at) and len(filler) < len(label):
                rest = spell(at + len(filler), next_word)
                if rest is not None:
                    options.append(rest)
        for w in range(next_word, len(words)):
            word = words[w]
            pieces = {word, word[0]}
            if not strict:
                pieces |= {word[:n] for n in range(3, len(word))}
            for piece in sorted(pieces, key=len, reverse=True):
                if not label.startswith(piece, at):
                    continue
                rest = spell(at + len(piece), w + 1)
                if rest is None:
                    continue
                used, initials, strong = rest
                initial = len(piece) == 1 and len(word) > 1
                strong_piece = (piece == word and len(word) >= 2) or len(piece) >= 3
                options.append(({w} | used, initials + initial, strong + strong_piece))
        if not options:
            dead.add((at, next_word))
            return None
        return max(options, key=lambda o: (o[2], len(o[0]), -o[1]))

    found = spell(0, 0)
    if found is None:
        return None
    used, initials, strong = found
    if strong or initials >= 3:
        return used
    return None


@functools.lru_cache(maxsize=4096)
def is_media_group(name: str) -> bool:
    """Whether a name is a media group's, which owns several mastheads ("Hearst
    Communications", "Gannett Co., Inc.", "Vox Media"), rather than one masthead's."""
    words = _name_words(name)
    return _is_known_group(words) or any(w in GROUP_NAME_WORDS for w in words[1:])


@functools.cache
def _groups() -> dict[str, tuple[tuple[str, ...], ...]]:
    """The media groups' names as words, by their first word."""
    index: dict[str, list[tuple[str, ...]]] = {}
    for group in MEDIA_GROUPS:
        words = tuple(_name_words(group))
        index.setdefault(words[0], []).append(words)
    return {first: tuple(groups) for first, groups in index.items()}


def _is_known_group(words: list[str]) -> bool:
    """ "Hearst", "Hearst Communications", "Reach plc", "Axel Springer SE"; not "Reach Out
    Magazine" or "Nine News"."""
    if not words:
        return False
    company = GROUP_NAME_WORDS | LEGAL_FORM_WORDS
    for group in _groups().get(words[0], ()):
        size = len(group)
        if tuple(words[:size]) == group and (
            len(words) == size or size > 1 or any(w in company for w in words[size:])
        ):
            return True
    return False


def is_company_name(name: str) -> bool:
    """Whether a name is a company's (a legal form, or a media group's) rather than a
    masthead's: "Riverside Courier Media Ltd.", "Hearst Communications"."""
    return is_media_group(name) or any(w in LEGAL_FORM_WORDS for w in _name_words(name)[1:])


@functools.lru_cache(maxsize=4096)
def names_host(name: str | None, host: str | None, *, strict: bool = False) -> bool:
    """Whether a site name plausibly names the host: "The Guardian" theguardian.com, "Fox News"
    foxnews.com, "The New York Times" nytimes.com, "The Wall Street Journal" wsj.com, "Houston
    Chronicle" chron.com, "Mozilla Hacks" hacks.mozilla.org. A copyright holder, network or
    parent company does not ("Hearst Communications" for sfgate.com, "NBC Universal" for
    nbcnews.com), nor a button ("Support The Guardian").

    Some label of the host must be spelled by the name's words in order, and the words it
    takes must be at least half of the name's own (its fillers such as "the" or "news" aside).
    ``strict``, for a line of page text that merely looks like a masthead ("Chron Shop",
    "Physics" on phys.org), takes every word of the name and no prefixes.
    """
    if not name or not host or _is_known_group(_name_words(name)):
        return False
    variants = {tuple(_name_words(name)), tuple(_name_words(name, transliterate=True))}
    return any(_names_host(list(words), host, strict) for words in variants)


def _names_host(words: list[str], host: str, strict: bool) -> bool:
    if not words or words[0] in UI_VERBS:
        return False
    company = GROUP_NAME_WORDS | LEGAL_FORM_WORDS
    own = [i for i, w in enumerate(words) if w not in NAME_FILLERS and w not in company]
    if not own:
        return False
    used: set[int] = set()
    for label in _host_labels(host):
        spelled = _spell(label, words, strict)
        if spelled is not None:
            used |= spelled
    if not used:
        return False
    # A group's word must be in the host too: "Caktus Group" is caktusgroup.com, but "CBS
    # Interactive" is not cbsnews.com.
    if any(w in GROUP_NAME_WORDS and i not in used for i, w in enumerate(words[1:], 1)):
        return False
    taken = len([i for i in own if i in used])
    return taken == len(own) if strict else taken * 2 >= len(own)


#: Names a site puts where its name belongs that are a section's or a product's, not a site's.
SECTION_NAMES = _words(
    """u.s. us world news home politics business sports sport tech technology opinion
    entertainment lifestyle health science local national international latest top stories
    video videos blog blogs articles article hosted"""
)
#: Lower-case words that may stand inside a site's name ("Folha de S.Paulo", "CNET en
#: Español", "Voice of America"); any other makes the name a tagline.
NAME_SMALL_WORDS = _words(
    """of the and de da do dos das del della di du des la le les el los las en y e i o a al au
    aux et sur zu im am von van der den und for on in at"""
)


def is_site_name(name: str) -> bool:
    """Whether a declared site name looks like a name: not a section ("U.S.") and not a
    tagline ("Expert how-to for English Riders", "Kabar tentang Dunia Islam"). Only the part
    before a separator is judged: "Mozilla Hacks – the Web developer blog" is a name."""
    parts = title_parts(name)
    first = parts[0] if parts else name
    if first.casefold().strip(" .") in SECTION_NAMES or first.casefold() in SECTION_NAMES:
        return False
    words = first.split()
    if len(words) < 3:
        return True
    lowered = [
        w for w in words if w[:1].islower() and len(w) > 1 and w.casefold() not in NAME_SMALL_WORDS
    ]
    return not lowered


def normalize_space(text: str) -> str:
    """Collapse runs of whitespace (including newlines and no-break spaces) to one space."""
    return " ".join(text.split())


def clean_title(
    title: str | None, outlet: str | None = None, host: str | None = None
) -> str | None:
    """Strip site names decorating a title ("Headline | Site", "Site - Headline", "[Site]").

    Only parts that match the outlet or the host are removed, so a headline that itself holds
    a dash keeps it. Returns None for an empty title.
    """
    if not title:
        return None
    if "&" in title and ";" in title:
        title = unescape(title)
    title = normalize_space(title)
    bracketed = TITLE_BRACKETED.search(title)
    if bracketed and bracketed.start() > 0 and matches_site(bracketed.group(1), outlet, host):
        title = title[: bracketed.start()]
    for separator in TITLE_SEPARATOR.finditer(title):
        if title[: separator.start()] == title[separator.end() :]:
            # "Headline - Headline": a template that fills both of its slots with the headline
            title = title[: separator.start()]
            break
    parts = TITLE_SEPARATOR.split(title)
    separators = TITLE_SEPARATOR.findall(title)
    # Peel site names off both ends; what is left (and its inner separators) stays as it was.
    start, end = 0, len(parts)
    while end - start > 1 and matches_site(parts[end - 1], outlet, host):
        end -= 1
    while end - start > 1 and (
        matches_site(parts[start], outlet, host) or parts[start].casefold() in TITLE_SECTION_LABELS
    ):
        start += 1
    if (start, end) != (0, len(parts)):
        pieces = [parts[start]]
        for i in range(start + 1, end):
            pieces += [separators[i - 1], parts[i]]
        title = "".join(pieces)
    return title.strip() or None


def title_parts(title: str) -> list[str]:
    """The parts of a title between separators."""
    return [p for p in TITLE_SEPARATOR.split(normalize_space(title)) if p]


def clean_outlet(name: str | None, host: str | None = None) -> str | None:
    """Clean a site name: no URL or @handle, no tagline ("Aktuálně.cz - Víte, co se právě děje")."""
    if not name:
        return None
    name = normalize_space(unescape(name) if "&" in name else name)
    if not name or name.lower().startswith(("http://", "https://", "www.")) or name[0] == "@":
        return None
    parts = title_parts(name)
    if len(parts) > 1:
        # A tagline follows the name; keep the part that is the host, if one is.
        for part in parts:
            if matches_site(part, None, host):
                return part
    return name


# ---------------------------------------------------------------------------------------------
# Bylines
# ---------------------------------------------------------------------------------------------


def _strip_role(words: list[str]) -> list[str]:
    """Cut a name where a role starts: ["Ben", "Silverman", "Games", "Editor"] -> first two."""
    for i, word in enumerate(words):
        # "Editor-at-large" is an editor too.
        if word.lower().strip(".,:").split("-")[0] in ROLE_NOUNS:
            while i > 0 and words[i - 1].lower().strip(".,:") in ROLE_QUALIFIERS:
                i -= 1
            return words[:i]
    return words


def _is_date_word(words: list[str], i: int) -> bool:
    """Whether a date or time starts at ``words[i]`` ("March 25, 2015", "Updated", "10:30")."""
    low = words[i].lower().strip(".,:;")
    if any(c.isdigit() for c in low) or low in BYLINE_DATE_WORDS:
        return True
    following = words[i + 1] if i + 1 < len(words) else ""
    # A month only with a number after it: June, April or May are also names ("Theresa May").
    return low in MONTHS and following[:1].isdigit()


def _cut_at_date(text: str) -> str:
    """The byline up to the date stamp that often follows it; a leading date is dropped."""
    words = text.split()
    start = 0
    while start < len(words) and _is_date_word(words, start):
        start += 1  # "March 3, 2024 By Jane Doe"
    for i in range(start, len(words)):
        if _is_date_word(words, i):
            return " ".join(words[start:i])
    return " ".join(words[start:])


def _split_credit(part: str, outlet: str | None, host: str | None) -> tuple[str, str | None]:
    """Split a news agency or the outlet off a name: "Tom Davies Associated Press"."""
    words = part.split()
    for size in (3, 2, 1):
        if len(words) - size < 2:
            continue
        tail = " ".join(words[-size:])
        if tail.casefold() in WIRE_SERVICES or matches_site(tail, outlet, host):
            return " ".join(words[:-size]), tail
    return part, None


def _clean_name(name: str, organisation: bool = False) -> str | None:
    """One author's name, or None when what is left names nobody."""
    name = BYLINE_PREFIX.sub("", name.strip(" \t-–—:·•|"))
    name = BYLINE_BIO.sub("", name)
    words = _strip_role(name.split())
    while words and words[-1].lower().strip(",") in CREDENTIALS:
        words.pop()
    name = " ".join(words).strip(" .,:;-–—()[]{}\"'“”‘’!?")
    if not name or not any(c.isalpha() for c in name):
        return None
    if name.lower() in NON_AUTHORS or name.lower() in CREDENTIALS or len(words) > 6:
        return None
    # A lower-case word among capitalised ones makes a phrase ("About the", "Vice President of
    # Technology"), unless it is a particle ("Michiel de Jong"); all lower case may be a name.
    lowered = [w for w in words if w[:1].islower() and w not in NAME_PARTICLES]
    if lowered and any(w[:1].isupper() for w in words):
        return None
    if name.isupper() and len(name) > 3 and not organisation:
        # Shouted bylines ("By JEFFREY GETTLEMAN") are names, not acronyms.
        name = name.title()
    return name


def clean_author(
    byline: str | None, outlet: str | None = None, host: str | None = None
) -> str | None:
    """Names out of a byline: "By Jane Doe, Staff Writer and John Roe" -> "Jane Doe; John Roe".

    Removes "By"/"Posted by", roles, credentials, dates, emails, URLs and @handles; splits lists
    on commas, "and", "&"...; splits a news agency (or the outlet, when given) off a name, since
    who supplied the story matters for provenance; drops duplicates (also in other case).
    Returns None when no name is left.
    """
    if not byline:
        return None
    text = normalize_space(unescape(byline) if "&" in byline else byline)
    text = BYLINE_WITH.sub(r"; \1", BYLINE_CONTACT.sub(" ", text))
    text = BYLINE_OTHER_CREDIT.sub("", BYLINE_PREFIX.sub("", text))
    text = _cut_at_date(BYLINE_DATE_PHRASE.sub("", text))
    text = BYLINE_SENTENCE_BREAK.sub("; ", text)
    names: list[str] = []
    for part in BYLINE_SPLIT.split(text):
        person, credit = _split_credit(part.strip(), outlet, host)
        for piece, organisation in ((person, False), (credit, True)):
            name = _clean_name(piece, organisation) if piece else None
            if name and name.casefold() not in (n.casefold() for n in names):
                names.append(name)
    # "Jane Doe; Jane" -> keep the fullest form of each name.
    names = [n for n in names if not any(n != m and n.casefold() in m.casefold() for m in names)]
    return "; ".join(names) or None


# ---------------------------------------------------------------------------------------------
# Dates
# ---------------------------------------------------------------------------------------------


def _valid_date(year: int, month: int, day: int) -> dt.date | None:
    if not YEAR_RANGE[0] <= year <= YEAR_RANGE[1]:
        return None
    try:
        return dt.date(year, month, day)
    except ValueError:
        return None


def _iso_timezone(zone: str | None) -> str:
    if not zone:
        return ""
    if zone == "Z":
        return "Z"
    digits = zone[1:].replace(":", "")
    return f"{zone[0]}{digits[:2]}:{digits[2:]}"


def _date_of(
    kind: str, match: re.Match[str], month_first: bool, day_first: bool = False
) -> tuple[str, int, int] | None:
    """One match of a date pattern as (iso, start, end), or None when it names no real day."""
    if kind == "iso":
        year, month, day, hour, minute, second, zone = match.groups()
        date = _valid_date(int(year), int(month), int(day))
        if date and hour is not None and int(hour) < 24 and int(minute) < 60:
            stamp = f"{int(hour):02d}:{minute}:{second or '00'}{_iso_timezone(zone)}"
            return f"{date.isoformat()}T{stamp}", match.start(), match.end()
        return (date.isoformat(), match.start(), match.end(3)) if date else None
    if kind == "year-first":
        date = _valid_date(*(int(g) for g in match.groups()))
    elif kind == "month-day":
        month, day, year = match.groups()
        date = _valid_date(int(year), MONTHS[month.lower()], int(day))
    elif kind == "day-month":
        day, month, year = match.groups()
        date = _valid_date(int(year), MONTHS[month.lower()], int(day))
    elif kind == "day-first":
        day, month, year = (int(g) for g in match.groups())
        date = _valid_date(year, month, day)
    elif kind == "short-year":
        day, month, year = (int(g) for g in match.groups())
        date = _valid_date(year + (2000 if year < 70 else 1900), month, day)
    else:  # "slashes": only an order that the numbers themselves prove, a part above 12 is the day
        first, second, year = (int(g) for g in match.groups())
        if first > 12 >= second:
            date = _valid_date(year, second, first)
        elif second > 12 >= first or month_first:
            date = _valid_date(year, first, second)
        elif day_first:
            date = _valid_date(year, second, first)
        else:
            date = None
    return (date.isoformat(), match.start(), match.end()) if date else None


#: The date patterns in the order they are tried, with how each match is read.
DATE_PATTERNS = (
    ("iso", DATE_ISO),
    ("year-first", DATE_YMD),
    ("year-first", DATE_COMPACT),
    ("month-day", DATE_MONTH_DAY),
    ("day-month", DATE_DAY_MONTH),
    ("day-first", DATE_DMY_DOTS),
    ("slashes", DATE_SLASHES),
)


def find_date(
    text: str, *, month_first: bool = False, day_first: bool = False, short_year: bool = False
) -> tuple[str, int, int] | None:
    """The first date in a text as ISO 8601, with where it is written: (iso, start, end).

    The ISO value is "YYYY-MM-DD", or a full timestamp when the text gives a time in ISO form.
    Numbers with slashes whose order the numbers do not prove ("03/04/2024") are no date,
    unless ``month_first`` says to read them the American way (page text of US sites) or
    ``day_first`` the way the rest of the world writes them.
    A year alone ("© 2019") is never a date. With ``short_year``, when no other form is
    written, "19.10.19" is 19 October 2019 (a post's stamp in page text).
    """
    if DATE_HAS_YEAR.search(text):
        for kind, pattern in DATE_PATTERNS:
            match = pattern.search(text)
            if match and (found := _date_of(kind, match, month_first, day_first)):
                return found
    if short_year and (match := DATE_DMY_SHORT.search(text)):
        return _date_of("short-year", match, month_first)
    return None


def days_written(text: str) -> set[str]:
    """Every day ("YYYY-MM-DD") a text writes out in full, in any of the forms above."""
    days: set[str] = set()
    if not DATE_HAS_YEAR.search(text):
        return days
    for kind, pattern in DATE_PATTERNS:
        for match in pattern.finditer(text):
            if found := _date_of(kind, match, False):
                days.add(found[0][:10])
    return days


def normalize_date(text: str | None) -> str | None:
    """The first date in a text as ISO 8601: "YYYY-MM-DD", or a full timestamp when the text gives
    a time ("2015-07-10 09:53:00 -0400" -> "2015-07-10T09:53:00-04:00"). The local time and
    offset are kept as written, never converted. Ambiguous forms ("03/04/2024") give None.
    """
    found = find_date(text.strip()) if text else None
    return found[0] if found else None


def strip_company(name: str, *, strip_group: bool = True) -> str:
    """An outlet's name without the company form after it: "Riverside Courier Media Ltd." ->
    "Riverside Courier", "Gannett Co., Inc." -> "Gannett". With ``strip_group`` false only
    the legal form goes: "Hearst Communications, Inc." -> "Hearst Communications"."""
    words = name.replace(",", " ").split()
    while len(words) > 1 and words[-1].lower() in COMPANY_LEGAL_FORMS:
        words.pop()
    while strip_group and len(words) > 2 and words[-1].lower() in COMPANY_WORDS:
        words.pop()
    while len(words) > 1 and words[-1].lower() in ("and", "&", "of", "the"):
        words.pop()
    return " ".join(words)


def outlet_from_copyright(name: str, *, strip_group: bool = True) -> str | None:
    """The outlet named in the rest of a copyright line ("Meridian Press Agency. All rights
    reserved." -> "Meridian Press Agency"), or None when no name is left."""
    name = COPYRIGHT_TAIL.sub("", normalize_space(name)).strip(" .,;:")
    name = strip_company(name, strip_group=strip_group) if name else ""
    if name.casefold() in ("all", "copyright") or not any(c.isalpha() for c in name):
        return None
    return name


def _timestamp(value: str) -> dt.datetime | None:
    try:
        stamp = dt.datetime.fromisoformat(value.replace("Z", "+00:00"))
    except ValueError:
        return None
    return stamp if stamp.tzinfo else None


def is_utc(value: str) -> bool:
    """Whether an ISO timestamp is written in UTC ("...Z" or "+00:00")."""
    stamp = _timestamp(value)
    return stamp is not None and stamp.utcoffset() == dt.timedelta(0)


def same_instant(first: str, second: str) -> bool:
    """Whether two ISO timestamps with offsets name the same moment (to the minute)."""
    a, b = _timestamp(first), _timestamp(second)
    return a is not None and b is not None and abs((a - b).total_seconds()) < 60


def normalize_language(code: str | None) -> str | None:
    """A language tag as BCP 47 with the usual case: "en_us" -> "en-US", "FR" -> "fr"."""
    if not code:
        return None
    parts = re.split(r"[-_]", code.strip())
    if not parts[0].isalpha() or not 2 <= len(parts[0]) <= 3:
        return None
    tag = [parts[0].lower()]
    for part in parts[1:]:
        if len(part) == 2 and part.isalpha():
            tag.append(part.upper())
        elif len(part) == 4 and part.isalpha():
            tag.append(part.title())
        elif part:
            tag.append(part.lower())
    return "-".join(tag)
