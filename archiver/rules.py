"""The plain-text cleaner's patterns: boilerplate lines and metadata lines, as named data."""

from __future__ import annotations

import re
from dataclasses import dataclass


@dataclass(frozen=True)
class Rule:
    """One kind of boilerplate line.

    ``pattern`` is searched in the line lowercased with its whitespace collapsed, so it is
    written in lowercase; anchor it with ``^``/``$`` when the whole line must match (anchored
    patterns are also the fast ones). ``name`` is the reason recorded for a line the rule
    removes. A line longer than ``max_words`` is prose that merely mentions the phrase and is
    left alone. ``ends_article`` marks lines that usually open what follows an article
    (related lists): the article run does not cross them lightly. ``barrier`` marks lines after
    which an article never goes on (the comments begin, the page's copyright footer).
    ``takes_following`` marks a header whose short, headline-like lines below it are its own
    (the teasers under "Sponsored content"): they go with it, for the same reason. ``id``
    names the rule itself (``name`` is its category, shared by many rules) and ``why`` says
    in words why what it matches is not the article.
    """

    name: str
    pattern: re.Pattern[str]
    max_words: int = 30
    ends_article: bool = False
    barrier: bool = False
    takes_following: bool = False
    id: str = ""
    why: str = ""


def _rx(pattern: str) -> re.Pattern[str]:
    return re.compile(pattern)


def _words(text: str) -> frozenset[str]:
    return frozenset(text.split())


# --- Ads and sponsored content ---------------------------------------------------------------

AD_RULES = (
    Rule(
        "ad-marker",
        _rx(
            r"^[-–—_*·•|\[(\s]*(sponsored( content| links?| stories)?|"
            r"promoted( content| stories)?|paid (post|content)|"
            r"(from|more from) (our|the web'?s?) (partners|sponsors))[-–—_*·•|\])\s.:]*$"
        ),
        takes_following=True,
    ),
    Rule(
        "ad-marker",
        _rx(
            r"^[-–—_*·•|\[(\s]*(advertisement|advertising|advertisment|advert|ads?|"
            r"story continues below( advertisement)?|"
            r"continue reading (the main story|below)|"
            r"article continues (below|after)( (this|the))?( ad(vertisement)?)?|"
            r"scroll (down )?to continue( reading)?( with content)?|"
            r"\w+ content continues below)[-–—_*·•|\])\s.:]*$"
        ),
    ),
    Rule(
        "ad-marker",
        _rx(
            r"^(report (this )?ad|ad ?choices|"
            r"(this|the) (article|post|page|story) (may )?contains? affiliate|"
            r"this post may contain affiliate|we may earn (a )?commission|"
            r"\w+ may (receive|earn) a commission)"
        ),
        max_words=40,
    ),
    Rule(
        "ad-marker",
        _rx(
            r"^(supported by|presented by|sponsored by|in partnership with|"
            r"buy now|shop now|check price|see (it|price) on amazon|"
            r"available (from|at) amazon)$"
        ),
    ),
)

# --- Reader interaction: comments, captcha, newsletters, consent, sharing ----------------------

INTERACTION_RULES = (
    Rule("captcha", _rx(r"captcha|are you a robot|not a robot|verify (that )?you are (a )?human")),
    # Where the comments begin: nothing after these belongs to the article.
    Rule(
        "comment-form",
        _rx(
            r"^(leave|post|add|write|submit) (a|your) (comment|reply|response)|"
            r"^(join|start) the (conversation|discussion)|"
            r"^(comments?|discussion|conversation|reader comments|"
            r"(\d+|no) comments?( so far)?|\[ ?\d+ comments? ?\]|"
            r"(top rated|newest|oldest|latest|all|user|reader) comments|"
            r"comments? \(\d+\)|view comments?|show comments?|"
            r"(\d+|one|no) (responses|replies|thoughts|comments) (to|on) .*)[:.]?$|"
            r"^share your thoughts|^what do you think\?$|"
            r"^be the first to (comment|review)|^log ?in to (comment|reply)|"
            r"^you must be logged in to post|^commenting (is|has been) "
            r"(disabled|closed)|^comments (are|is) (now )?closed"
        ),
        barrier=True,
    ),
    Rule(
        "comment-form",
        _rx(
            r"^(please )?(enter|type) your (comment|name|email|website)|"
            r"^(cancel reply|post comment|submit comment)\b|^reply$|"
            r"^save my name,? email|^notify me (of|via|when)|"
            r"^your email address will not be published|"
            r"^required fields are marked|^this site uses akismet|"
            r"^you have entered an incorrect email|"
            r"^comment policy|^community guidelines|^you are commenting using"
        ),
    ),
    Rule(
        "comment-thread",
        _rx(
            r"^[\w.@ ()’'-]{1,60} (says|said|wrote|writes)\s*:?$|"
            r"^[\w.@ ()’'-]{1,60} on .{4,40} at \d{1,2}[:.]\d\d ?([ap]\.?m\.?)?"
            r" (said|says|wrote):?$|"
            # "Marlene K · 1 hour ago": a commenter and when they wrote.
            r"^[\w.@ ()’'-]{1,40} [·•|–—-] (\d+|an?|one) (min(ute)?s?|hours?|days?|"
            r"weeks?|months?|years?) ago$"
        ),
        max_words=14,
        barrier=True,
    ),
    Rule(
        "comment-thread",
        _rx(
            r"^(reply|report|flag|like|upvote|downvote|report abuse)( \d+)?$|"
            r"^\d+ (replies|likes|points)$|^(newest|oldest|best|top) first$|"
            r"^sort by\b|^rating: \d+ votes?$|^\(view all\)$"
        ),
    ),
    Rule(
        "newsletter",
        _rx(
            r"^(sign ?up|subscribe|register)( now| today| here| for free)?[.!]?$|"
            r"^(get|receive|join) (our|the|my) .*(newsletter|in your inbox)|"
            r"^(sign up|subscribe) (for|to) .*(newsletter|updates|alerts|mailing)|"
            r"^(enter|type) your e-?mail( address)?|^your e-?mail( address)?\b|"
            r"^thanks? (you )?for (signing up|subscribing)|^newsletters?$|"
            r"^invalid e-?mail|^by (signing up|subscribing|clicking)|"
            r"^please check the (opt-in|box)|^you can unsubscribe|"
            r"^keep an eye on your inbox|^click here to subscribe|"
            r"^(subscribe|follow us) (to|on) .{1,40} on "
            r"(youtube|twitter|facebook|instagram|tiktok|telegram)\b"
        ),
    ),
    Rule(
        "newsletter",
        _rx(
            r"delivered (straight |directly )?to your inbox|"
            r"(sign(ing)? up|subscrib(e|ing)) (for|to) (our|the|my) .{0,40}"
            r"(newsletter|mailing list)"
        ),
    ),
    Rule(
        "cookie-consent",
        _rx(
            r"(we|this (web)?site|our (web)?site) uses? cookies|"
            r"cookies? (policy|settings|preferences|consent)$|"
            r"^(accept|reject|allow) (all )?cookies|necessary cookies|"
            r"^manage (cookie|consent|privacy) (settings|preferences)|"
            r"by (continuing to (use|browse)|using) (this|our) (site|website)"
        ),
        max_words=150,
    ),
    Rule(
        "share-bar",
        _rx(
            r"^(share( this)?( (article|story|post|page|entry))?( (on|via) \w+)?|"
            r"share tweet|tweet|like this|pin it|email this|"
            r"print this( article| page)?|copy link( url)?( copied!?)?|"
            r"link copied|show more sharing options|close extra sharing options|"
            r"\d+ shares?|sharing is caring!?|facebook|twitter|linkedin|"
            r"whatsapp|reddit|pinterest|flipboard|tumblr|e-?mail|print|telegram|"
            r"messenger|read later|save for later|follow us|follow us on \w+)[:!.]?$|"
            r"^click to (share|email|print|tweet)\b|"
            r"\(opens in new window\)$"
        ),
    ),
    Rule(
        "share-bar",
        _rx(
            r"^(facebook|twitter|linkedin|whatsapp|reddit|pinterest|email|"
            r"print|share|tweet)([\s|,/·•]+(facebook|twitter|linkedin|whatsapp|"
            r"reddit|pinterest|pint|email|print|share|tumblr|messenger|telegram|"
            r"sms|copy link|baixar|download))+$"
        ),
    ),
    Rule(
        "loading",
        _rx(
            r"^(now )?loading( comments| more)?(\.\.\.|…)?$|^like loading|"
            r"^please wait(\.\.\.|…)?$|^(load|show|see) more( (comments|stories|"
            r"articles|news))?$"
        ),
    ),
)

# --- Around the article: related lists, author bios, disclaimers, credits --------------------

ARTICLE_EDGE_RULES = (
    Rule(
        "related-list",
        _rx(
            r"^(more|related|recommended|popular|trending|latest|recent|top|"
            r"further|also|similar|other|most (read|popular|viewed|shared|"
            r"emailed|commented))( news| stories| articles| posts| reading|"
            r" links| coverage| content| videos| headlines| topics| reads|"
            r" from [\w .'’]+| in [\w .'’]+| on [\w .'’]+)?\s*:?$|"
            r"^(you|we think you) (may|might|will) (also )?(like|enjoy|be "
            r"interested in)|^(read|see) (also|more|next)\b|"
            r"^(also read|also see|read this next|up next|what to read next|"
            r"don'?t miss|editor'?s picks?|recommended for you|"
            r"more (from|on|about) .{1,40})\b|^related( \w+)?:|"
            r"^(more|related) (coverage|stories|articles|news|content|links|"
            r"reading|videos) (from|on|about|in)\b.{0,60}:?$"
        ),
        max_words=25,
        ends_article=True,
    ),
    Rule(
        "author-bio",
        _rx(
            r"holds an? (\w+\.?\s?){0,3}(degree|diploma|ph\.?d|master)|"
            r"works? as an? [\w &]*(editor|writer|reporter|journalist|"
            r"correspondent|columnist|contributor)|^about the author\b|"
            r"is an? ([\w-]+ ){0,4}(editor|writer|reporter|journalist|"
            r"correspondent|columnist|contributor) (for|at|with) "
        ),
        max_words=80,
    ),
    Rule(
        "author-line",
        _rx(
            r"^\(?(additional )?(reporting|writing|editing|compiled|"
            r"contributing|research) by\b|^(editing|reporting) by\b"
        ),
        max_words=60,
    ),
    Rule(
        "disclaimer",
        _rx(
            r"does not (always |necessarily )?(share|support|reflect|endorse)"
            r"( or (share|support|reflect|endorse))? the (views|opinions)|"
            r"views (and opinions )?expressed (here|in this|by)|"
            r"opinions expressed (here|in this|by)|"
            r"(are|is) (solely )?(those|that) of the (writer|author)s?\b|"
            # Not "[originally published in 1966]", a citation's edition.
            r"originally (appeared|published|posted) (on|in|at|by) (?!\d)|"
            r"^(this|the) (article|story|post|piece|report) (was |is )?(first|originally) "
            r"(published|appeared|posted|ran) (on|in|at|by)|"
            r"(re)?published (here )?with permission|"
            r"this (article|story|content) (was|is|has been) (republished|"
            r"reproduced|syndicated)|registered trademarks? of|"
            r"information (provided|contained) (on|in) this (web ?site|site)|"
            r"not (been )?(evaluated by the food|intended to (diagnose|replace))"
        ),
        max_words=80,
    ),
    Rule(
        "copyright",
        _rx(
            r"^copyright\b|^(©|\(c\)|ⓒ)\s*(copyright\s*)?\d{4}|"
            r"all rights reserved"
        ),
        max_words=40,
        barrier=True,
    ),
    Rule(
        "copyright",
        _rx(
            r"©\s*\d{4}|copyright \d{4}|may not be (re)?published,? broadcast|"
            r"must not be (re)?published"
        ),
        max_words=40,
    ),
    Rule(
        "image-credit",
        _rx(
            r"^(image|photo|picture)s? copyright\b|"
            r"^(image|photo|picture|video|graphic|illustration)s?"
            r"( credit| courtesy| source| by)?s?\s*:|"
            r"^(credit|source|courtesy)s?\s*(\.\.\.|…|:)|"
            r"^\(?(photo|image|picture)s? (by|courtesy of|credit)\b|"
            r"^\((ap|afp|reuters|getty|epa)[^)]*\)$|"
            r"^(image|photo|slide|picture) \d+ (of|/|of /) ?\d+$|^\d+ ?/ ?\d+$|"
            r"^\([^()]{2,60} ?/ ?[^()]{2,60}\)$|"
            r"^(getty images|shutterstock|istock|ap|afp|reuters|epa)$|"
            r"^(caption|close|back to gallery|enlarge (this )?image|"
            r"expand|view gallery)$"
        ),
        max_words=20,
    ),
    Rule(
        "photo-caption",
        _rx(
            r"^(file( photo)?|photo|pictured|above|below|top|left|right)"
            r"\s*[:|]\s*\S|"
            r"\((ap|afp|reuters|getty|epa|xinhua|ani|pti|ians|aa)"
            r" ?(photo|images?|via getty)[^)]*\)\s*$|"
            r"(getty images|shutterstock|istock|via reuters|via ap)\)?\s*$|"
            # A photographer's credit closing the caption: "... Kathrin Ziegler/Getty",
            # "... J. Scott Applewhite / AP file".
            r"\S ?/ ?(ap|getty|reuters|afp|epa|bloomberg|xinhua|nurphoto|sipa)"
            r"( (file|photo|images?))?\.?\s*$|"
            r"\b(submitted|staff|contributed|handout) photo\.?$|"
            r"credit\s*(\.\.\.|…|:)\s*\S|"
            r"\((image|photo|picture|pic|credit|source)s?: [^)]*\)$|"
            r"^(©|ⓒ)\s*\D|\[(file|photo|image|picture)s?: [^\]]*\]$|"
            # A gallery caption with its expand and collapse toggles.
            r"[.!?)] less$|(\.\.\.|…) more$"
        ),
        max_words=90,
    ),
    Rule(
        "tags",
        _rx(
            r"^(tags?|topics?|categories|category|filed under|related tags|"
            r"tagged( with)?|keywords|more on|posted in|filed in)\s*:|"
            r"^(posted|filed) (in|under) .{1,80}\||"
            # A page's keywords run together: "how to retire early,early retirement,...".
            r"^[^,]+(,[^\W\d_][^,]*){3,}$"
        ),
        max_words=40,
    ),
    Rule(
        "date-line",
        _rx(
            r"^(\d+|an?|one) ?(s|m|h|d|mins?|minutes?|hrs?|hours?|days?|weeks?|"
            r"months?|years?) ago$|^(updated|published|posted)( on)?:?$|"
            r"^\d{4}-\d\d-\d\d([t ][\d:.]+)?(z|[+-]\d\d:?\d\d)?$"
        ),
    ),
    # A bare address is page furniture (sharing widgets, image sources), not prose.
    Rule("link", _rx(r"^(https?://|www\.)\S+$")),
    # A line of HTML a scraper let through (a tracking pixel, a video embed's script): only
    # tags of HTML's own elements, not "<The Palace: Tale of Jang Noksu>", a show's title.
    Rule(
        "markup",
        _rx(
            r"^<(/?(script|style|noscript|img|iframe|div|span|a|p|br|link|meta|ins|input|"
            r"form|object|embed|video|audio|source|svg|table|section|figure)\b|!--)"
        ),
        max_words=2000,
    ),
    Rule(
        "navigation",
        _rx(
            r"^(skip to (main )?(content|navigation)|jump to|back to top|"
            r"return to top|go to (home ?page|top)|(main )?menu|close|"
            r"search|open search|toggle navigation|previous( post| article)?|"
            r"next( post| article)?|you are (here|at)|home|sections|"
            r"sign in|log ?in|log ?out|register|my account|subscribe|"
            r"view (all|more)|see all|read more|continue reading|more|"
            r"print edition|site index|site map|sitemap|permalink|"
            r"post navigation|×)[\s»«›‹>→←.:!]*$|"
            r"^(home|news)\s*[»›>/|]\s*|^(previous|next) (post|article|story)\s*:|"
            # Breadcrumbs and link lists: "Messages » Self-esteem » ...", "» Race times".
            r"^[^»›]{1,60}( [»›] [^»›]{1,60}){2,}$|^[»›] \S"
        ),
        max_words=14,
    ),
    Rule(
        "navigation",
        _rx(
            r"^(privacy( policy| notice)?|terms( of (use|service))?|"
            r"terms (&|and) conditions|contact( us)?|about( us)?|advertise"
            r"( with us)?|careers|faq|help|rss( feeds?)?)$"
        ),
    ),
    Rule(
        "share-bar",
        _rx(
            # A social handle alone, or after its owner's name: "@davidehrlich", "Nishant
            # Kumar @Nishantopines"; a prompt to follow an account.
            r"^([\w.'’-]+ ){0,3}@\w{2,}$|"
            r"^follow ([\w@.'’-]+ ){0,6}(on|at|via) (twitter|facebook|instagram|linkedin|"
            r"youtube|tiktok)\b|"
            r"^share to (linkedin|facebook|twitter|email)( \w+)?( share to \w+( \w+)?)+$"
        ),
        max_words=25,
    ),
)

# --- The same in other languages: WordPress and common CMS strings ---------------------------

OTHER_LANGUAGE_RULES = (
    Rule(
        "comment-form",
        _rx(
            r"^(deixe (uma resposta|um comentário)|deja (una respuesta|un "
            r"comentario)|laisser un commentaire|laisser une réponse|"
            r"lascia un commento|schreibe einen kommentar|hinterlasse einen "
            r"kommentar|tinggalkan (balasan|komentar)|laat een reactie achter|"
            r"\d+ (comentários|comentarios|commentaires|commenti|kommentare|"
            r"komentar|reacties)|comentários|comentarios|commentaires|commenti|"
            r"kommentare|reacties)\b"
        ),
        barrier=True,
    ),
    Rule(
        "comment-form",
        _rx(
            r"^(cancelar (resposta|respuesta)|annuler la réponse|"
            r"annulla risposta|antworten abbrechen|batalkan balasan|responder|"
            r"répondre|rispondi|antworten|balas)$|"
            r"^(o seu endereço de e-mail|tu dirección de correo|votre adresse "
            r"e-mail|il tuo indirizzo email|deine e-mail-adresse|alamat email "
            r"anda)"
        ),
    ),
    Rule(
        "related-list",
        _rx(
            r"^(artigos relacionados|posts relacionados|artículos relacionados|"
            r"entradas relacionadas|noticias relacionadas|articles similaires|"
            r"à lire aussi|lire aussi|articoli correlati|leggi anche|"
            r"ähnliche artikel|das könnte sie auch interessieren|mehr zum thema|"
            r"artikel terkait|baca juga|berita terkait|terkait|"
            r"gerelateerde artikelen|você pode gostar|te puede interesar|"
            r"vous aimerez aussi)\b"
        ),
        max_words=25,
        ends_article=True,
    ),
    Rule(
        "share-bar",
        _rx(
            r"^(compartilhe|compartilhar|compartir|partager|condividi|teilen|"
            r"bagikan|delen)( (isso|esto|ceci|questo|this))?:?$"
        ),
    ),
    Rule(
        "link-prompt",
        _rx(
            r"^[*•»-]?\s*(click (here|(on )?the (image|photo|picture|link|banner)"
            r"( (above|below))?)|"
            r"clique (aqui|na (imagem|foto)|no (link|banner)|e (saiba|veja|confira))|"
            r"haga clic (aquí|en la imagen)|cliquez (ici|sur l'image)|"
            r"klicken sie hier|clicca (qui|sull'immagine))\b"
        ),
        max_words=60,
    ),
    Rule(
        "comment-form",
        _rx(
            r"^(atenção|atención|attention|achtung)?:?\s*(os )?(comentários|comentarios|"
            r"comments|commentaires|kommentare) .{0,120}(não serão aprovados|no serán "
            r"aprobados|will not be (approved|published)|ne seront pas (publiés|approuvés)|"
            r"werden nicht freigeschaltet)"
        ),
        max_words=50,
    ),
)

# --- The main European languages: German, French, Spanish, Italian, Polish, Dutch, Portuguese --
# The strings CMSs and news sites print around articles in these languages. Each alternative
# is a whole line (anchored), so that prose mentioning the words is left alone.

EUROPEAN_RULES = (
    Rule(
        "related-list",
        _rx(
            r"^(weitere|neueste|neue|aktuelle|letzte|ähnliche|verwandte|beliebte|passende|"
            r"empfohlene|meistgelesene) (artikel|beiträge|nachrichten|news|themen|meldungen|"
            r"rezepte|videos)( zum thema| aus [\w .-]+)?\s*:?$|"
            r"^(auch interessant|das (könnte|dürfte) (dich|sie|euch) auch interessieren|"
            r"(lesen sie|lies) (auch|mehr|weiter)|passend (dazu|zum thema)|mehr (zum thema|"
            r"aus (dem|der) \w+)|meistgelesen|meist gelesen|top-?artikel|empfehlungen|"
            r"diese (beiträge|artikel) (solltest du|sollten sie) nicht verpassen|"
            r"(sur le même sujet|dans la même rubrique|(à )?(lire|voir) aussi|"
            r"articles? (similaires|récents|liés)|les plus (lus|populaires)|"
            r"vous aimerez (aussi|également)|nos (derniers|autres) articles|"
            r"(también )?te puede interesar|(noticias|artículos|entradas) (relacionad[oa]s|"
            r"recientes|similares)|lo más (leído|visto)|más (leídas|noticias)|otras noticias|"
            r"te recomendamos|(articoli|notizie) (correlati|correlate|recenti|simili)|"
            r"potrebbe interessarti|leggi anche|(i )?più (letti|lette)|ultime notizie|"
            r"altri articoli|"
            r"(zobacz|czytaj|przeczytaj) (także|też|również)|(podobne|powiązane|najnowsze) "
            r"(artykuły|wpisy|wiadomości)|najczęściej czytane|polecane( artykuły)?|"
            r"gerelateerde (artikelen|berichten)|lees ook|meer nieuws|meest gelezen|"
            r"(leia|veja) também|mais lidas|notícias relacionadas))\s*:?$"
        ),
        max_words=12,
        ends_article=True,
        id="eu-related-list",
        why="a heading over links to other articles (German, French, Spanish, Italian, "
        "Polish, Dutch, Portuguese)",
    ),
    Rule(
        "comment-form",
        _rx(
            r"^((\d+|keine|ein|eine|zwei|drei) )?(leser)?(kommentare?|kommentar\(e\))"
            r"( \(\d+\))?\s*:?$|"
            r"^(ein(en)?|\d+) (gedanken?|kommentare?|antworten|reaktionen) (zu|auf) .{1,120}$|"
            r"^(kommentar (schreiben|verfassen|abgeben|hinzufügen)|kommentieren|diskussion|"
            r"schreibe?n? sie einen kommentar|was (denkst|meinst) du\??|(deine|ihre) meinung"
            r"( ist gefragt)?|diskutieren sie mit|"
            r"(\d+ )?(commentaires?|réactions)( \(\d+\))?|réagir|(ajouter|écrire|laisser) "
            r"un commentaire|vos commentaires|"
            r"(deja|dejar|escribe) (un|tu) comentario|(\d+ )?comentarios?( \(\d+\))?|"
            r"(\d+ )?commenti( \(\d+\))?|lascia un commento|"
            r"(\d+ )?komentarz(e|y)?( \(\d+\))?|dodaj komentarz|skomentuj|"
            r"(\d+ )?reacties?( \(\d+\))?|plaats een reactie|"
            r"(\d+ )?comentários( \(\d+\))?|deixe (um|seu) comentário)\s*:?$"
        ),
        barrier=True,
        id="eu-comments-begin",
        why="the heading of the readers' comments: nothing after it is the article",
    ),
    Rule(
        "comment-form",
        _rx(
            r"^((deine|ihre) e-?mail-?adresse wird nicht veröffentlicht|erforderliche felder "
            r"sind (mit \S+ )?markiert|(meinen|meine) namen?,? .{0,40}(speichern|browser)|"
            r"benachrichtige mich|kommentar (absenden|abschicken)|"
            r"votre adresse (e-?mail|de messagerie) ne sera pas publiée|les champs "
            r"obligatoires sont indiqués|enregistrer mon nom|"
            r"tu (dirección de )?correo electrónico no será publicad|los campos obligatorios "
            r"están marcados|guarda mi nombre|"
            r"il tuo indirizzo (e-?mail )?non sarà pubblicato|i campi obbligatori sono "
            r"contrassegnati|salva il mio nome|"
            r"twój adres (e-?mail )?nie zostanie opublikowany|wymagane pola są oznaczone|"
            r"je e-?mailadres wordt niet gepubliceerd|vereiste velden zijn gemarkeerd|"
            r"o seu endereço de e-?mail não será publicado|campos obrigatórios são marcados)"
        ),
        max_words=40,
        id="eu-comment-form",
        why="the comment form's own text (e-mail not published, required fields)",
    ),
    Rule(
        "newsletter",
        _rx(
            r"^((jetzt |zum )?newsletter( abonnieren| bestellen| anmelden| anmeldung)?|"
            r"jetzt (anmelden|abonnieren|registrieren|kostenlos testen)|abonnieren|"
            r"(melden sie sich|melde dich) (für|zu|zum) .{0,40}newsletter an|"
            r"(ihre|deine) e-?mail-?adresse( eingeben)?|e-?mail-?adresse eingeben|"
            r"(inscrivez-vous|abonnez-vous|s'abonner|s’abonner)( à (notre|la) newsletter)?|"
            r"recevez (notre|la) newsletter|"
            r"suscríbete( (a|al) (nuestro|nuestra) (boletín|newsletter))?|suscribirse|"
            r"iscriviti( alla (nostra )?newsletter)?|"
            r"zapisz się( do newslettera)?|subskrybuj|"
            r"schrijf je in( voor (de|onze) nieuwsbrief)?|nieuwsbrief|"
            r"assine (a|nossa) newsletter|inscreva-se)[.!:]?$"
        ),
        id="eu-newsletter",
        why="a prompt to subscribe to a newsletter",
    ),
    Rule(
        "cookie-consent",
        _rx(
            r"(diese|unsere) (web)?seite (verwendet|nutzt) cookies|wir (verwenden|nutzen|setzen)"
            r" cookies|cookies? (akzeptieren|zulassen|einstellungen|richtlinie|hinweis)|"
            r"(alle|nur notwendige) cookies|was sind cookies|"
            r"(ce site|nous) utilis(e|ons) (des )?cookies|accepter (les |tous les )?cookies|"
            r"(paramétrer|gestion des|gérer les) cookies|"
            r"(este sitio|esta web|utilizamos)( web)? (utiliza |usa )?cookies|aceptar "
            r"(todas las )?cookies|política de cookies|"
            r"questo sito (utilizza|usa) (i )?cookie|accetta (tutti i )?cookie|"
            r"(ta strona|serwis|witryna) (używa|wykorzystuje) (plików )?cookies?|"
            r"polityka (plików )?cookies|"
            r"(deze (web)?site|wij) (gebruikt|gebruiken) cookies|cookies accepteren|"
            r"(este site|utilizamos) (usa |utiliza )?cookies"
        ),
        max_words=150,
        id="eu-cookie-consent",
        why="a cookie notice or its buttons",
    ),
    Rule(
        "navigation",
        _rx(
            r"^(impressum|datenschutz(erklärung|hinweise?|einstellungen|bestimmungen)?|agb|"
            r"kontakt(formular)?|barrierefreiheit|nutzungsbedingungen|mediadaten|über uns|"
            r"startseite|nach oben|zum (seiten)?anfang|(direkt )?(zum|zur) (inhalt|hauptinhalt|"
            r"navigation|hauptnavigation|suche|fußzeile|fusszeile)( springen| wechseln)?|"
            r"menü|hauptmenü|suche|suchen|anmelden|abmelden|einloggen|registrieren|"
            r"mein konto|zurück|weiter|vorheriger (beitrag|artikel)|nächster (beitrag|artikel)|"
            r"weiterlesen|mehr lesen|mehr erfahren|alle anzeigen|mehr anzeigen|"
            r"zurück zur übersicht|zurück nach oben|"
            r"mentions légales|politique de confidentialité|plan du site|accueil|"
            r"aller au contenu( principal)?|rechercher|se connecter|connexion|lire la suite|"
            r"retour en haut|nous contacter|contactez-nous|qui sommes-nous|"
            r"aviso legal|política de privacidad|inicio|ir al contenido( principal)?|buscar|"
            r"iniciar sesión|(leer|ver) más|seguir leyendo|contacto|volver arriba|"
            r"mapa del sitio|quiénes somos|"
            r"note legali|(informativa )?privacy( policy)?|vai al contenuto|cerca|accedi|"
            r"leggi (tutto|di più)|contatti|chi siamo|torna su|"
            r"polityka prywatności|regulamin|strona główna|przejdź do (treści|zawartości)|"
            r"szukaj|zaloguj( się)?|czytaj (więcej|dalej)|o nas|mapa strony|do góry|"
            r"privacyverklaring|algemene voorwaarden|ga naar (de )?inhoud|zoeken|inloggen|"
            r"lees (meer|verder)|over ons|terug naar boven|"
            r"política de privacidade|termos de uso|ir para o conteúdo|pesquisar|entrar|"
            r"leia mais|fale conosco)[\s»«›‹>→←.:!…]*$|"
            # A footer's link list: "Impressum | Datenschutz | Kontakt".
            r"^(impressum|datenschutz\w*|kontakt|agb|mentions légales|aviso legal|"
            r"note legali|regulamin|disclaimer|sitemap)( ?[|•·/,-] ?[\w .&-]{1,40}){1,8}$"
        ),
        max_words=14,
        id="eu-navigation",
        why="a menu item, legal link or 'skip to content' link",
    ),
    Rule(
        "ad-marker",
        _rx(
            r"^[-–—_*·•|\[(\s]*(anzeige|werbung|gesponsert|sponsored post|publicité|"
            r"contenu sponsorisé|publicidad|contenido patrocinado|pubblicità|contenuto "
            r"sponsorizzato|reklama|artykuł sponsorowany|materiał (sponsorowany|partnera|"
            r"promocyjny)|advertentie|gesponsord|publicidade|conteúdo patrocinado|"
            r"(der )?artikel (wird )?(unter|nach) der (werbung|anzeige) fortgesetzt|"
            r"weiter nach der (werbung|anzeige)|la suite après (cette )?(la )?publicité|"
            r"l'article continue (ci-dessous|après la publicité))[-–—_*·•|\])\s.:]*$|"
            r"^\*?(affiliate|werbe|partner)-?links?\b"
        ),
        max_words=40,
        id="eu-ad-marker",
        why="an advertisement's label or an affiliate-link notice",
    ),
    Rule(
        "share-bar",
        _rx(
            r"^((auf |bei |per |via )?(facebook|twitter|whatsapp|e-?mail|xing|linkedin|"
            r"pinterest|telegram) (teilen|twittern|versenden|senden)|teilen|twittern|pinnen|"
            r"(diesen |den )?(artikel|beitrag|seite) (teilen|drucken|versenden|merken|"
            r"empfehlen)|teile diesen (beitrag|artikel)|link kopieren|drucken|merken|"
            r"partager( (sur|par) \w+| cet article| l'article)?|imprimer|"
            r"compartir( en \w+| este artículo)?|imprimir|condividi( su \w+)?|stampa|"
            r"udostępnij|podziel się|drukuj|delen|deel dit (artikel|bericht)|"
            r"compartilhe( no \w+)?)[:!.]?$|"
            r"^(teilen|twittern|pinnen|whatsapp|facebook|twitter|e-?mail|xing|drucken|"
            r"partager|compartir|condividi|udostępnij|tweet)( (teilen|twittern|pinnen|"
            r"whatsapp|facebook|twitter|e-?mail|xing|drucken|linkedin|pinterest|telegram|"
            r"flipboard|messenger|tweet|partager|compartir|condividi|imprimer|imprimir)){1,8}$"
        ),
        id="eu-share-bar",
        why="a share bar: buttons to pass the article on",
    ),
    Rule(
        "copyright",
        _rx(
            r"alle rechte vorbehalten|tous droits réservés|todos los derechos reservados|"
            r"tutti i diritti riservati|wszelkie prawa zastrzeżone|alle rechten voorbehouden|"
            r"todos os direitos reservados|materiał chroniony prawem|"
            r"vervielfältigung nur mit (genehmigung|zustimmung)"
        ),
        max_words=40,
        barrier=True,
        id="eu-copyright",
        why="a copyright notice, which closes the page",
    ),
    Rule(
        "image-credit",
        _rx(
            r"^(foto|fotos|bild|bilder|bildquelle|bildnachweis|titelbild|beitragsbild|"
            r"headerbild|symbolbild|crédits? photos?|photo ?:|fotografía|foto de portada|"
            r"zdjęcie|zdjęcia|fot\.|afbeelding|imagem)\s*[:©|]|"
            r"^(foto|bild|titelbild|beitragsbild|symbolbild)\s*\(?©|"
            r"^(titelbild|beitragsbild|symbolbild|bildquelle|bildnachweis)$"
        ),
        max_words=20,
        id="eu-image-credit",
        why="a picture's credit line",
    ),
    Rule(
        "tags",
        _rx(
            r"^(schlagwörter|schlagworte|stichwörter|stichworte|themen|kategorien?|rubriken?|"
            r"abgelegt unter|veröffentlicht (in|unter)|getaggt mit|verschlagwortet mit|"
            r"étiquettes|mots-clés|catégories?|etiquetas|categorías?|palabras clave|"
            r"argomenti|categorie|tagi|kategorie|tematy|trefwoorden|categorieën|"
            r"tópicos|marcadores)\s*:"
        ),
        max_words=40,
        id="eu-tags",
        why="the article's tags or categories",
    ),
    Rule(
        "related-list",
        _rx(
            r"^(puedes ver|lee también|lea también|mira también|vea también|te puede interesar|"
            r"leia também|veja também|lesen sie auch|lesen sie mehr|mehr dazu|siehe auch|"
            r"voir aussi|à lire aussi|lire aussi|à voir|czytaj (też|także|również)|"
            r"zobacz (też|także|również)|leggi anche|vedi anche|lees ook|zie ook)\s*:\s*\S"
        ),
        max_words=30,
        id="eu-teaser-link",
        why="a link to another article set in the text ('Lesen Sie auch: ...')",
    ),
    Rule(
        "related-list",
        _rx(
            r"^((top[- ]?themen|empfehlungen|das beste|mehr|neues|highlights) (der|aus der|von "
            r"der) redaktion|(hier|jetzt) weiterlesen|weitere informationen( zum thema)?|"
            r"mehr informationen|(das )?könnte (dich|sie) auch interessieren)\s*:?$"
        ),
        ends_article=True,
        id="eu-more-from-us",
        why="a heading over the editors' picks or further links",
    ),
    Rule(
        "navigation",
        _rx(
            r"^((rezept|artikel|seite|beitrag) (drucken|speichern|merken|teilen)|"
            r"(bloggen|blog) auf wordpress\.com|(erstelle|erstellen sie) .{0,40}wordpress\.com|"
            r"powered by wordpress|bereitgestellt von wordpress|proudly powered by .{1,30}|"
            r"nos siga( no| nas redes)?|síguenos( en \w+)?|suivez-nous( sur \w+)?|folge uns( auf "
            r"\w+)?|seguici( su \w+)?|obserwuj nas( na \w+)?|volg ons( op \w+)?)[.:!]?$"
        ),
        max_words=14,
        id="eu-page-tools",
        why="a page's tools, table of contents, blog platform credit or 'follow us' link",
    ),
    Rule(
        "newsletter",
        _rx(
            r"^(der |die |das |unser |unseren |notre |nuestro |our )?([\w.-]{1,30}[ -])?newsletter$"
        ),
        max_words=4,
        id="eu-named-newsletter",
        why="a site's named newsletter ('Der Beispiel-Newsletter')",
    ),
    Rule(
        "cookie-consent",
        _rx(
            r"korzystamy z (plików )?cookies|używamy (plików )?cookies|"
            r"utilizamos cookies|usamos cookies|nous utilisons des cookies|"
            r"wir verwenden (technisch notwendige )?cookies|utilizziamo (i )?cookie"
        ),
        max_words=150,
        id="eu-cookie-we-use",
        why="a cookie notice in the first person ('Wir verwenden Cookies')",
    ),
    Rule(
        "loading",
        _rx(
            r"^((wird )?geladen|lädt|bitte warten|chargement( en cours)?|cargando|"
            r"caricamento( in corso)?|ładowanie|laden|carregando)(\.\.\.|…)?$"
        ),
        id="eu-loading",
        why="a placeholder shown while the page loads",
    ),
)

#: Every boilerplate rule, in the order they are tried: the first match names the reason.
BOILERPLATE_RULES: tuple[Rule, ...] = (
    AD_RULES + INTERACTION_RULES + ARTICLE_EDGE_RULES + OTHER_LANGUAGE_RULES + EUROPEAN_RULES
)

#: Rules not applied to an HTML extractor's output. Having dropped the page's widgets and
#: footer, the extractor keeps a bare address or a copyright line only where the outlet printed
#: it in the article (a list of sources; a wire story's "© 2019 Associated Press"), and the AEB
#: annotators count those as article text. The comments are already left out, so "Jane wrote:"
#: there introduces a quotation. Captions, a "Next" inside the text and a bio standing in the
#: article are what Readability's gold keeps as well (yahoo-2, mozilla-1, breitbart).
NOT_AFTER_EXTRACTION = frozenset(
    {"link", "copyright", "comment-thread", "photo-caption", "navigation", "author-bio", "markup"}
)

# --- Metadata lines: bylines, dates, datelines, outlet clues ----------------------------------
# These are matched against the line as written (case matters for names and places).

#: What may sit beside a date on a date line without making it prose.
DATE_LINE_FILLER = re.compile(
    r"\b(published|posted|updated|last updated|modified|first published|created|date|on|at|"
    r"am|pm|a\.m\.|p\.m\.|[ecmp][sd]?t|gmt|utc|bst|ist|cet|cest|et|pt|ct|hrs?|"
    r"\d+ min(ute)?s? read|read time|reading time|min read|uhr|\d+ min(uten)?\.? lesezeit|"
    r"lesezeit|lesedauer|"
    r"mon|tues?|wed|thu|thurs|fri|sat|sun|"
    r"(mon|tues|wednes|thurs|fri|satur|sun)day|de|à|às|le|um|publié|publicado|mis à jour|"
    r"actualizado|atualizado|aktualisiert|veröffentlicht)\b|\d{1,2}[:.h]\d\d(:\d\d)?|"
    r"[|•·,:;/()\[\]–—-]",
    re.I,
)

#: A date line saying when the article first appeared (more trustworthy than "Updated").
PUBLISHED_LABEL = re.compile(r"^(first )?(published|posted|date|created)\b", re.I)
UPDATED_LABEL = re.compile(r"\b(updated|modified)\b", re.I)

#: "By Jane Doe", "Written by Jane Doe", "Words: Jane Doe".
BYLINE = re.compile(
    r"^(?:written |reported |story |text |posted |words )?(?:by|from|words|author)"
    r"\s*[:|]?\s+(?P<who>\S.*)$",
    re.I,
)

#: A byline anywhere on the page, in the languages news pages are most often in: "Von Heike
#: Buchter", "Text von X", "Gepostet von X | Wohnen", "Par X, le 3 mars", "Por X", "di X",
#: "Przez X", "Autor*in: X", "Redaktion: X". The names are the group ``who`` (labelled, so a
#: single name will do) or ``plain`` (a bare preposition: two names or more are needed).
PAGE_BYLINE = re.compile(
    r"^(?:(?:text|texte|gepostet|veröffentlicht|geschrieben|verfasst|erstellt|eingestellt|"
    r"posted|written|published|publié|écrit|rédigé|publicado|escrito|scritto|pubblicato|"
    r"opublikowany|napisany|geplaatst|geschreven|ein (?:beitrag|artikel|interview|kommentar|"
    r"gastbeitrag))(?:\s+(?:am|on|le|el|il|op|in)\s+[^|•·]{1,40}?)?"
    r"\s+(?:by|von|par|por|di|da|door|przez|av|af)\s*:?\s+(?P<who>\S.*)|"
    r"(?:autor(?:in)?|autor\*in|autor:in|author|redaktion|redakteur(?:in)?|text|texte|texto|"
    r"tekst|auteur|autore|autora|redacción|redakcja|verfasser(?:in)?)\s*:\s*(?P<who2>\S.*)|"
    r"(?:by|von|par|por|di|door|przez|av)\s*:?\s+(?P<plain>\S.*))$",
    re.I,
)
#: A link to the author's page, under or beside the article: "Mehr über Jana Keller", "Alle
#: Artikel von Jana Keller", "More from Jane Doe", "Plus d'articles de Jean Dupont".
AUTHOR_LINK = re.compile(
    r"^(?:mehr|alles|alle artikel|alle beiträge|weitere artikel|weitere beiträge|artikel|"
    r"beiträge) (?:von|über) (?P<who>\S.*)$|"
    r"^(?:more|all|articles|posts|stories|all posts|all stories|more stories) (?:from|by) "
    r"(?P<who2>\S.*)$|"
    r"^(?:plus d'articles|tous les articles|autres articles|plus d’articles) (?:de|par) "
    r"(?P<who3>\S.*)$|^(?:más artículos|todos los artículos|otros artículos) (?:de|por) "
    r"(?P<who4>\S.*)$",
    re.I,
)

#: Where the names of a byline end: a separator, a date or a time, "am"/"on"/"le" before one.
BYLINE_NAME_END = re.compile(
    r"\s*(?:[|(/·•:]|,\s|\s[-–—~]\s|\s(?:am|on|le|el|il|dnia|op|um|at|in|unter|under|dans|"
    r"en|mit|with|avec|con|für|for|pour|para|per|dla|voor|zu|zum|zur)\s|\d|$|"
    r"\s(?:illustration(?:en)?|fotos?|bild(?:er)?|photos?|grafik(?:en)?|mitarbeit|übersetzung|"
    r"traduction|traducción|zdjęcia)\b).*$",
    re.I,
)

#: A role standing where a name would: "Staff Writer", "Opinion Columnist".
ROLE_WORDS = re.compile(
    r"\b(?:senior |chief |staff |contributing |special |deputy |associate |managing |"
    r"opinion |political |national |foreign |business |[a-z]+ )?(writer|reporter|editor|"
    r"correspondent|columnist|contributor|journalist|producer|analyst|photographer)s?\b",
    re.I,
)

#: Words that never appear in a person's name but often in a short header line.
NOT_NAME_WORDS = _words(
    """
    news newsroom times post journal daily weekly press media world politics business sport
    sports opinion opinions analysis editorial editorials home menu search subscribe video
    videos tech technology science health culture entertainment lifestyle travel local
    national international immigration economy markets breaking latest live update updated
    staff writer reporter editor correspondent desk team bureau agency service services
    associated reuters bloomberg network online magazine tribune herald gazette review
    chronicle observer express telegraph today radio tv channel more top stories story share
    comments comment read print email facebook twitter contact about privacy policy terms
    advertisement sponsored related photos photo gallery podcast podcasts the of and in on
    for to with a an new region regions africa asia europe america middle east biography
    profile follow all our your my is are was fact check exclusive explainer watch listen
    features feature special report reports
    """
)

#: Lowercase words that may sit inside a name ("Ursula von der Leyen").
NAME_PARTICLES = _words("de da del della der di du la le van von bin ibn al el y e dos")

#: "KABUL, Afghanistan –", "WASHINGTON (AP) —", "Kabul, Afghanistan (Reuters) -".
DATELINE = re.compile(
    r"^(?P<place>[A-Z][\w.'’-]*(?:[ ,]+[A-Z][\w.'’-]*){0,5}),?\s*"
    r"(?:\((?P<credit>[A-Za-z][\w .&/-]{0,30})\)\s*)?[–—-]{1,2}\s+\S"
)
#: "(Reuters) —" opening the first paragraph, with no place.
CREDIT_OPENING = re.compile(r"^\(\s*(?P<credit>[A-Z][\w .&/-]{0,30}?)\s*\)\s*[–—-]{1,2}\s+\S")

#: Outlet clues. Each has a named group ``outlet``.
BIO_OUTLET = re.compile(
    # Present tense only: "previously worked for the Westmere Herald" names a past employer.
    r"\b(?:works?|writes?|reports?|covers [\w ,&'’-]{1,60}?) (?:as an? [\w &-]+ )?"
    r"(?:for|at|with) "
    r"(?P<outlet>(?:the )?[A-Z][\w&'’.-]*(?: [A-Z][\w&'’.-]*){0,5})"
)
DISCLAIMER_OUTLET = re.compile(
    r"(?P<outlet>[A-Z][\w&'’.-]*(?: [A-Z][\w&'’.-]*){0,5}) (?:does|do|did) not (?:always |"
    r"necessarily )?(?:share|support|reflect|endorse)"
)
ORIGINAL_OUTLET = re.compile(
    r"(?:originally|first) (?:appeared|published|posted|ran) (?:on|in|at|by) "
    r"(?P<outlet>(?:the )?[A-Z][\w&'’-]*(?:\.[A-Z][\w&'’-]*)*"
    # "of", "and" and "&" only join capitalised words: "The Ledger and is republished" ends
    # at "Ledger".
    r"(?:(?: (?:of|and|&|the))* [A-Z][\w&'’-]*(?:\.[A-Z][\w&'’-]*)*)*(?:\.[a-z]{2,4}\b)?)"
)
#: "© 2024 Riverside Courier Media Ltd. All rights reserved.", "Copyright 2010-2024 X":
#: the name after the symbol and year. Cut at the first full stop that ends a sentence.
COPYRIGHT_OUTLET = re.compile(
    r"(?:©|\(c\)|ⓒ|\b(?i:copyright)(?=\s*(?:©|\(c\)|ⓒ|(?:19|20)\d\d)))"
    r"(?:\s*(?:©|(?i:copyright)|(?i:all rights reserved)))*"
    r"\s*(?:(?:19|20)\d\d(?:\s*[-–—]\s*(?:(?:19|20)\d\d)?)?\s*[,.]?\s*)?"
    r"(?:(?i:copyright)\s+)?(?:(?i:by)\s+)?"
    r"(?P<outlet>[A-Z][\w&'’.-]*(?: (?:(?:of|and|&|the|de|du|la|el) )*[A-Z][\w&'’.-]*)*)"
)

#: What may follow a copyright holder's whole name: the end, punctuation, a year, "All rights
#: reserved" (in a few languages) or a legal form. Anything else means the name was cut short
#: ("© 2019 Bundesministerium der Justiz" gives "Bundesministerium").
COPYRIGHT_NAME_END = re.compile(
    r"\s*(?:$|[.,;:|•·–—/()\[\]-]|(?:19|20)\d\d|(?:all|alle|tous|todos|tutti|wszelkie)\b|"
    r"(?:inc|ltd|llc|plc|gmbh|ag|sa|corp|co)\b)",
    re.I,
)
#: The page's own address in its text, with a label: "URL: https://...", "Permalink:
#: https://...", "Kurzlink: https://...", MediaWiki's 'Retrieved from "https://..."'. Matched
#: against the line as written; the address is the named group ``url``.
PAGE_URL_LINE = re.compile(
    r"^(?:(?:source |page |article |original |canonical |short[- ]?)?url|canonical(?: link)?|"
    r"perma-?link|permalien|kurzlink|short-?link|article[- ]link|link to (?:this|the) "
    r"(?:article|page|story)|retrieved from|archived from|original(?:ly)? (?:at|from)|"
    r"(?:this )?(?:article|story|page) (?:is )?(?:at|from))"
    r"\s*[:：]?\s*[\"“„]?\s*(?P<url>https?://[^\s\"”“]+)\s*[\"”“]?$",
    re.I,
)
#: The same, but only at either end of the page, where a scraper writes where it fetched the
#: page: in the middle of an article "Source: https://..." cites someone else.
EDGE_URL_LINE = re.compile(
    r"^(?:source|link|from|fetched from|scraped from|address)\s*[:：]\s*(?P<url>https?://\S+)$",
    re.I,
)
#: A label alone on its line, with the page's address on the next: a share panel's "Copy this
#: link" (BBC), "Permalink", "Article-Link:".
URL_LABEL_LINE = re.compile(
    r"^(?:copy (?:this |the )?link|copy link|share (?:this )?link|perma-?link|permalien|"
    r"kurzlink|short-?url|article[- ]link|link to (?:this|the) (?:article|page|story))\s*[:：]?$",
    re.I,
)
#: An address alone on its line.
BARE_URL = re.compile(r"^<?(?P<url>https?://[^\s<>]+)>?$")
#: The Wayback Machine's copy of a page: the original's address follows the timestamp.
WAYBACK_URL = re.compile(r"https?://web\.archive\.org/web/\d+[a-z_]*/(?P<url>https?://\S+)", re.I)
#: A site's domain written in the page's furniture: "For the best Barrons.com experience",
#: "© 2019 NJ.com". The suffixes are those of news sites; the name must carry a letter.
DOMAIN_NAME = re.compile(
    r"(?<![\w@./’'-])(?:www\.)?(?P<domain>(?:[a-z0-9][a-z0-9-]*\.)*[a-z0-9-]*[a-z][a-z0-9-]*\."
    r"(?:com|net|org|info|news|co\.uk|org\.uk|co\.za|co\.nz|co\.in|co\.kr|co\.jp|com\.au|"
    r"com\.br|com\.ar|com\.mx|ca|de|fr|it|es|nl|ch|at|ie|in|ru|pl|cz|be|se|no|dk|fi|pt|br|"
    r"mx|ar|cl|tv|ng|ke|za|ph|pk|my|sg|hk|tw|kr|jp|cn|us|uk|eu|io))(?![\w-]|\.\w)",
    re.I,
)
#: A browser notice that names the site: "For the best Barrons.com experience, please update".
SITE_EXPERIENCE = re.compile(r"\bthe best [\w.-]+ experience\b", re.I)
#: Platforms and shops a page links to or carries ads of, never the page's own outlet; known
#: by the name before the host's suffix (amazon.com, amazon.de...).
PLATFORM_NAMES = frozenset(
    """facebook twitter x t youtube youtu instagram linkedin pinterest whatsapp reddit tiktok
    google apple amazon wordpress gravatar bit goo ow tumblr flickr vimeo soundcloud spotify
    telegram snapchat disqus scorecardresearch doubleclick googletagmanager taboola outbrain
    addthis sharethis feedburner archive w3 creativecommons mozilla microsoft adobe booking
    ebay paypal del xing""".split()
)

# --- A post's meta line: "October 12, 2018 / 0 Comments / in Jeongdong Promotion / by jdadmin" --
# Blogs and CMSs print the date, author, category, comment count and reading time on one line
# under the headline; each part is matched alone, as written, case-insensitively.

#: What separates the parts of a meta line.
META_SEPARATOR = re.compile(r"\s+(?:[|/•·]|//|[–—-]{1,2})\s+|\s*[,;]\s+|\s+@\s+|\s+~\s+|\s+·\s*")
#: A byline in the languages news pages are most often in: "by X", "von X", "por X", "Autor:
#: X", "Text und Interview: X". The names are the group ``who``.
META_BYLINE = re.compile(
    r"^(?:(?:posted|written|published|veröffentlicht|geschrieben|publié|publicado|escrito|"
    r"scritto|text und (?:\w+ )?)\s+)?(?:by|von|por|par|di|door|av|de)\s+(?P<who>\S.*?)"
    r"(?:\s+(?:in|unter|en|dans)\s+\S.*)?$|"
    r"^(?:autor(?:in)?|author|text(?: und \w+)?|texto|tekst|redaktion|redakteur(?:in)?|"
    r"reporter(?:in)?)\s*:\s*(?P<who2>\S.*)$",
    re.I,
)
#: What every meta line shows somewhere: a digit, a byline's first word, a comment count's or
#: reading time's word. Lines without any are not read further (most lines are not meta).
META_HINT = re.compile(
    r"\d|^(?:by|von|por|par|di|door|av|de|posted|written|published|veröffentlicht|geschrieben|"
    r"publié|publicado|escrito|scritto|text|texto|tekst|autor|autorin|author|redaktion|"
    r"redakteur|reporter|updated|aktualisiert)\b|\b(?:comments?|kommentare?|lesezeit|lesedauer|"
    r"comentarios?|commentaires?)\b",
    re.I,
)
#: The other parts: when (a time), how long to read, comments, category, source.
META_PART = re.compile(
    r"^(?:um |at |à |a las |alle )?\d{1,2}[:.]\d\d(?::\d\d)?(?:\s*(?:uhr|h|am|pm|a\.m\.|"
    r"p\.m\.|[ecmp][sd]t|gmt|utc|cet|cest|mez|mesz))?$|"
    r"^\d{1,2}\.\d{1,2}\.\d{2}$|"  # 19.10.19
    r"^(?:~\s*)?(?:(?:lesezeit|lesedauer|reading time|read time|temps de lecture|tiempo de "
    r"lectura|tempo de leitura|tempo di lettura|leestijd|czas czytania)\s*:?\s*(?:etwa|ca\.?|"
    r"about|~)?\s*)?\d+\s*(?:min(?:ute)?n?\.?|minutes?|minutos?|minuti|minuut|minut)\s*"
    r"(?:read|lesezeit|lesedauer|de lectura|de lecture|lectura|de leitura)?$|"
    r"^(?:\d+|no|keine?|ein|one|sin|aucun)\s+(?:comments?|kommentare?|comentarios?|"
    r"commentaires?|responses?|antworten|reactions?)$|"
    r"^(?:comments?|kommentare?|leave a comment|kommentar schreiben|kommentieren|"
    r"hinterlasse einen kommentar|write a comment)$|"
    r"^(?:posted |filed |published |veröffentlicht |abgelegt |publicado )?(?:in|unter|under|en|"
    r"dans)\s*:?\s+\S.{0,50}$|"
    r"^(?:category|categories|kategorie|kategorien|rubrik|tags?|schlagwörter|themen|"
    r"categoría|catégorie|quelle|source|fuente|fonte)\s*:\s*\S.{0,60}$|"
    r"^(?:updated|aktualisiert|actualizado|mis à jour|published|veröffentlicht|publicado|"
    r"publié|posted|erstellt|stand)\s*:?$|"
    # How long ago: "vor 20 Stunden", "3 hours ago", "hace 2 días", "Aktualisiert: vor 1 Tag".
    r"^(?:(?:updated|aktualisiert|actualizado|mis à jour|published|veröffentlicht|publicado|"
    r"publié|posted|erstellt)\s*:?\s*)?(?:(?:vor|hace|il y a)\s+\d+\s+\w+|\d+\s+(?:min(?:ute)?s?|"
    r"hours?|hrs?|days?|weeks?|months?)\s+ago)$",
    re.I,
)

#: Parts of a meta line that say nothing on their own, only beside a date or a byline: a
#: category ("in Jeongdong Promotion"), a source.
META_WEAK_PART = re.compile(
    r"^(?:posted |filed |published |veröffentlicht |abgelegt |publicado )?(?:in|unter|under|en|"
    r"dans)\s*:?\s+\S|^(?:category|categories|kategorie|kategorien|rubrik|tags?|"
    r"schlagwörter|themen|categoría|catégorie|quelle|source|fuente|fonte)\s*:",
    re.I,
)
#: Words and tokens a meta line's parts run together ("12:01 Uhr 3 min Lesezeit Kommentare").
META_TOKENS = re.compile(
    r"\b\d{1,2}[:.]\d\d(?::\d\d)?\b|\b\d+\s*min(?:ute)?n?\.?(?!\w)|\b(?:uhr|lesezeit|"
    r"lesedauer|read|reading|time|minutes?|minuten|kommentare?|comments?|updated|aktualisiert|"
    r"am|pm|etwa|ca|about|posted|published|veröffentlicht|on|am|um|at|"
    r"(?:mon|tues|wednes|thurs|fri|satur|sun)day|montag|dienstag|mittwoch|donnerstag|freitag|"
    r"samstag|sonntag|lunes|martes|miércoles|jueves|viernes|sábado|domingo|lundi|mardi|"
    r"mercredi|jeudi|vendredi|samedi|dimanche)\b|[~|/•·,:;()\[\]–—-]",
    re.I,
)

#: Lines that are never a headline: a photo or source credit, a share bar, a cookie or
#: browser notice, a comment prompt, a "back to" link ("Zurück zur Übersicht", "Share to
#: linkedin", "We've detected you are on Internet Explorer...").
NOT_TITLE = re.compile(
    r"^\(?(?:foto|fotos|bild|bilder|photo|photos|image|quelle|source|credit|crédit|crédito|"
    r"imagen|imagem|grafik|illustration|video)s?\s*:|"
    r"^(?:©|\(c\)|copyright)\b|"
    r"\b(?:share|teilen|compartir|partager|condividi)\b.{0,30}\b(?:facebook|twitter|whatsapp|"
    r"linkedin|pinterest|xing|telegram|messenger|e-?mail|reddit)\b|"
    r"\b(?:share|teilen|compartir|partager) (?:on|to|auf|via|en|sur|per)\b|"
    r"^(?:(?:facebook|twitter|youtube|instagram|linkedin|whatsapp|pinterest|website|e-?mail|"
    r"apple|google|podcasts?|spotify|deezer|itunes|soundcloud|stitcher|rss|xing|tiktok|reddit|"
    r"digg|print|drucken|teilen|twittern|pinnen|flipboard|telegram|threads|mastodon)\s*)"
    r"{2,}$|"
    # Credits, PHP warnings, a CMS's placeholders, a shop's cart and a page's view counter.
    r"^(?:courtesy of|(?:in )?flickr\b|strict standards\b|warning\s*:|notice\s*:|"
    r"deprecated\s*:|nombre del autor\b)|\b(?:warenkorb|shopping cart|panier)\b|"
    r"\b\d+ ?mal gelesen\b|\b\d+ (?:views|aufrufe|visualizaciones|vues)\b|"
    r"\b(?:überprüfung|verification|vérification) (?:fehlgeschlagen|failed|échouée)\b|"
    r"\bclick to (?:copy|share|print)\b|"
    r"^(?:tópicos|topics|themen|tags?|schlagwörter|schlagworte|categories|kategorien|"
    r"rubriken?|temas)\s*:|"
    r"\bcookies? (?:verwenden|use|policy|settings|einstellungen|akzeptieren|accept)|"
    r"\b(?:use|uses|verwenden|nutzt|utilise|utiliza) cookies\b|\bcookie[- ](?:policy|"
    r"richtlinie|einstellungen|settings|banner|hinweis)|\btracking (?:choices|preferences)\b|"
    r"\bdatenschutz|\bnewsletter\b|\b(?:update|modern|unsupported|outdated) (?:your )?browser\b|"
    r"\bdetected you are\b|\b(?:download|descarga|herunterladen|installieren)\b.{0,20}\bapp\b|"
    r"^(?:zurück|back) (?:zu|zur|zum|to)\b|^zum (?:inhalt|rezept|onlineshop|shop)\b|"
    r"springen$|^skip to\b|\bwrite a review\b|\b(?:einloggen|log ?in|sign ?up|sign ?in|"
    r"abonnent(?:in)?|passwor[dt])\b|\bpowered by\b|"
    r"^[\d\s.,/:%+()-]+$|^(?:rating|bewertung)\s*:|\b(?:kopiert|copied)$|"
    r"^(?:télécharger|download|herunterladen|suche|search|buscar|rechercher)\b|"
    r"^(?:hinterlasse|schreibe|schreib|leave|write|post|add|deja|laisser|écrire)\b.{0,30}"
    r"\b(?:kommentar|comment|antwort|reply|réponse|respuesta)|"
    r"^[^\W\d_][\w-]* [&+] [^\W\d_][\w-]*\s*>?$|"
    r"^fotos?\s*/|\b(?:getty ?images|imago|istock|shutterstock)\b|"
    r"\bfollow\b.{0,40}\b(?:on|auf|en|sur) (?:twitter|facebook|instagram|linkedin)\b|"
    r"^follow (?:the|us|our)\b|^(?:tweet|share|post|pin) (?:on|to|this)\b|(?<!\w)@\w{3,}$|"
    r"^(?:new, )?\d+ (?:comments?|kommentare)$|^tested by\b|\beditorial staff$|"
    r"\b(?:chrome|safari|firefox)\b.*\b(?:chrome|safari|firefox|edge)\b|"
    r"^(?:home|blog|start|startseite|inicio|accueil)\b.{0,30}\b(?:news|blog|nachrichten)$|"
    r"\bbewertung schreiben\b|"
    r"\bantworten abbrechen\b|\bkommentar hinterlassen\b|^(?:mehr|more|ver|leer|lire) "
    r"(?:lesen|zum thema|más|mais|la suite)\b|^(?:empfehlen|folgen|follow) (?:sie )?(?:uns|us)\b",
    re.I,
)

#: A role alone on its line, naming nobody: "Staff Reporter", "By Staff Writer".
ROLE_ONLY = re.compile(
    r"(?:by\s+)?(?:the\s+)?(?:[a-z]+\s+){0,2}(?:writer|reporter|editor|correspondent|"
    r"columnist|contributor|journalist|desk|staff|team|bureau|newsroom)s?",
    re.I,
)

#: How many lines at each end of the page are searched for the masthead, the site's name.
MASTHEAD_LINES = 20

#: Words that, ending a short title-case line at the very top or bottom, say "site name".
OUTLET_WORDS = re.compile(
    r"\b(news|times|post|journal|daily|weekly|tribune|herald|gazette|chronicle|observer|"
    r"express|telegraph|press|review|magazine|report|today|network|media|wire|online)$",
    re.I,
)
