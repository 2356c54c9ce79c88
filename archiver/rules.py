"""The plain-text cleaner's patterns: boilerplate lines and metadata lines, as named data."""

from __future__ import annotations

import functools
import re
from dataclasses import dataclass

from archiver.vocabulary import (
    BY_WORDS,
    BY_WORDS_MORE,
    NEWSROOM_ROLES,
    PHOTO_AGENCIES,
    SECTION_GLUE,
    SECTION_WORDS,
    SHARE_TARGETS,
    SOCIAL_NETWORKS,
    STAFF_ROLES,
    WEEKDAYS,
    WEEKDAYS_EN_SHORT,
    any_of,
)


@dataclass(frozen=True)
class Rule:
    """One kind of boilerplate line.

    ``id`` names the rule itself; it is stored with every line the rule removes. ``name`` is
    its category, shared by many rules, and the reason recorded for such a line; ``why`` says
    in words why what it matches is not the article.

    The patterns are regular expressions matched against the line lowercased with its
    whitespace collapsed, so they are written in lowercase. ``starts`` holds those that must
    match at the line's start (end one with ``$`` when the whole line must match; these are
    the fast ones: the cleaner tries all rules' ``starts`` in one expression); ``anywhere``
    holds those searched anywhere in the line. A line longer than ``max_words`` is prose that
    merely mentions the phrase and is left alone. ``ends_article`` marks lines that usually
    open what follows an article (related lists): the article run does not cross them
    lightly. ``barrier`` marks lines after which an article never goes on (the comments
    begin, the page's copyright footer). ``takes_following`` marks a header whose short,
    headline-like lines below it are its own (the teasers under "Sponsored content"): they go
    with it, for the same reason.
    """

    name: str
    id: str
    why: str
    starts: tuple[str, ...] = ()
    anywhere: tuple[str, ...] = ()
    max_words: int = 30
    ends_article: bool = False
    barrier: bool = False
    takes_following: bool = False

    @functools.cached_property
    def pattern(self) -> re.Pattern[str]:
        """All the rule's patterns as one expression, to search a lowercased line with."""
        return re.compile("|".join([f"^(?:{p})" for p in self.starts] + list(self.anywhere)))


def _words(text: str) -> frozenset[str]:
    return frozenset(text.split())


# --- Ads and sponsored content ---------------------------------------------------------------

AD_RULES = (
    Rule(
        "ad-marker",
        id="sponsored-header",
        why="a header over paid teasers ('Sponsored content'); the short lines under it go with it",
        starts=(
            r"[-–—_*·•|\[(\s]*(sponsored( content| links?| stories)?|promoted( content| stories)?|"
            r"paid (post|content)|(from|more from) (our|the web'?s?) (partners|"
            r"sponsors))[-–—_*·•|\])\s.:]*$",
        ),
        takes_following=True,
    ),
    Rule(
        "ad-marker",
        id="ad-label",
        why="an advertisement's label or a 'story continues below' marker",
        starts=(
            r"[-–—_*·•|\[(\s]*(advertisement|advertising|advertisment|advert|ads?|"
            r"story continues below( advertisement)?|continue reading (the main story|below)|"
            r"article continues (below|after)( (this|the))?( ad(vertisement)?)?|"
            r"scroll (down )?to continue( reading)?( with content)?|"
            r"\w+ content continues below)[-–—_*·•|\])\s.:]*$",
        ),
    ),
    Rule(
        "ad-marker",
        id="affiliate-notice",
        why="an ad-choices link or an affiliate-commission notice",
        starts=(
            r"(report (this )?ad|ad ?choices|(this|the) (article|post|page|"
            r"story) (may )?contains? affiliate|this post may contain affiliate|"
            r"we may earn (a )?commission|\w+ may (receive|earn) a commission)",
        ),
        anywhere=(
            # the price boxes of affiliate plug-ins, in English and German
            r"product advertising api",
            r"(handelt es sich um|are) (amazon[- ])?affiliate[- ]links",
        ),
        max_words=40,
    ),
    Rule(
        "ad-marker",
        id="shop-button",
        why="a sponsor's credit or a shop's button ('Buy now', 'Check price')",
        starts=(
            r"(supported by|presented by|sponsored by|in partnership with|buy now|shop now|"
            r"check price|see (it|price) on amazon|available (from|at) amazon)$",
        ),
    ),
)

# --- Reader interaction: comments, captcha, newsletters, consent, sharing ----------------------

INTERACTION_RULES = (
    Rule(
        "captcha",
        id="captcha",
        why="a robot check, not the page's text",
        anywhere=(
            r"captcha",
            r"are you a robot",
            r"not a robot",
            r"verify (that )?you are (a )?human",
        ),
    ),
    # Where the comments begin: nothing after these belongs to the article.
    Rule(
        "comment-form",
        id="comments-begin",
        why="the heading or prompt that opens the readers' comments: nothing after it is the "
        "article",
        starts=(
            r"(leave|post|add|write|submit) (a|your) (comment|reply|response)",
            r"(join|start) the (conversation|discussion)",
            r"(comments?|discussion|conversation|reader comments|(\d+|no) comments?( so far)?|"
            r"\[ ?\d+ comments? ?\]|(top rated|newest|oldest|latest|all|user|reader) comments|"
            r"comments? \(\d+\)|view comments?|show comments?|(\d+|one|no) (responses|replies|"
            r"thoughts|comments) (to|on) .*)[:.]?$",
            r"share your thoughts",
            r"what do you think\?$",
            r"be the first to (comment|review)",
            r"log ?in to (comment|reply)",
            r"you must be logged in to post",
            r"commenting (is|has been) (disabled|closed)",
            r"comments (are|is) (now )?closed",
            r"[{\[(]?\s*(\d+|no) comments?\s*(…|\.\.\.)\s*(read them below|add one)",
        ),
        barrier=True,
    ),
    Rule(
        "comment-form",
        id="comment-form",
        why="the comment form's own text (its fields, 'Cancel reply', e-mail not published)",
        starts=(
            r"(please )?(enter|type) your (comment|name|email|website)",
            r"(cancel reply|post comment|submit comment)\b",
            r"reply$",
            r"save my name,? email",
            r"notify me (of|via|when)",
            r"your email address will not be published",
            r"required fields are marked",
            r"this site uses akismet",
            r"you have entered an incorrect email",
            r"comment policy",
            r"community guidelines",
            r"you are commenting using",
        ),
    ),
    Rule(
        "comment-thread",
        id="commenter-says",
        why="a commenter's name over a comment ('Jane says:', 'Marlene K · 1 hour ago')",
        starts=(
            r"[\w.@ ()’'-]{1,60} (says|said|wrote|writes)\s*:?$",
            r"[\w.@ ()’'-]{1,60} on .{4,40} at \d{1,2}[:.]\d\d ?([ap]\.?m\.?)? (said|says|"
            r"wrote):?$",
            # "Marlene K · 1 hour ago": a commenter and when they wrote.
            r"[\w.@ ()’'-]{1,40} [·•|–—-] (\d+|an?|one) (min(ute)?s?|hours?|days?|weeks?|months?|"
            r"years?) ago$",
        ),
        max_words=14,
        barrier=True,
    ),
    Rule(
        "comment-thread",
        id="comment-tools",
        why="a comment's buttons and counts ('Reply', 'Report', '3 likes', 'Sort by')",
        starts=(
            r"(reply|report|flag|like|upvote|downvote|report abuse)( \d+)?$",
            r"\d+ (replies|likes|points)$",
            r"(newest|oldest|best|top) first$",
            r"sort by\b",
            r"rating: \d+ votes?$",
            r"\(view all\)$",
        ),
    ),
    Rule(
        "newsletter",
        id="newsletter-prompt",
        why="a prompt to sign up for a newsletter or alerts",
        starts=(
            r"(sign ?up|subscribe|register)( now| today| here| for free)?[.!]?$",
            r"(get|receive|join) (our|the|my) .*(newsletter|in your inbox)",
            r"(sign up|subscribe) (for|to) .*(newsletter|updates|alerts|mailing)",
            r"(enter|type) your e-?mail( address)?",
            r"your e-?mail( address)?\b",
            r"thanks? (you )?for (signing up|subscribing)",
            r"newsletters?$",
            r"invalid e-?mail",
            r"by (signing up|subscribing|clicking)",
            r"please check the (opt-in|box)",
            r"you can unsubscribe",
            r"keep an eye on your inbox",
            r"click here to subscribe",
            r"(subscribe|follow us) (to|on) .{1,40} on " + any_of(SOCIAL_NETWORKS) + r"\b",
        ),
    ),
    Rule(
        "newsletter",
        id="newsletter-inbox",
        why="a newsletter's pitch inside a longer line ('delivered to your inbox')",
        anywhere=(
            r"delivered (straight |directly )?to (your|their) inbox(es)?",
            r"(sign(ing)? up|subscrib(e|ing)) (for|to) (our|the|my) .{0,40}(newsletter|"
            r"mailing list)",
            r"enter your e-?mail( address)?( below)? to (receive|get|subscribe)",
            r"subscribe now to our .{0,40}(edition|newsletter)",
            r"you'?’?re already a subscriber, you can log in",
            r"receive a (free )?(daily|weekly) (list|digest|roundup|round-up|email|newsletter)\b",
            r"by e-?mail and never miss\b",
            r"sign up to get the (best|latest)\b",
            r"straight to your (phone|device)\b",
            r"subscription will auto-?\s?renew",
            r"instant access to the full (article|text|pdf)",
            r"we want to hear what you think about this article",
            r"\? sign up( here| now| today)?[.!]?$",
            r"(running|using) an ad-?blocker",
            r"\bdownload (the|our) [\w.-]+( [\w.-]+){0,2} apps? (for|on) (ios|android|iphone)\b",
            r"^to (view|read|access) (the|this) (full|whole|entire) (story|article),? (please )?"
            r"(subscribe|log ?in|sign ?in|register)\b",
        ),
    ),
    Rule(
        "cookie-consent",
        id="cookie-notice",
        why="a cookie notice or its buttons",
        starts=(
            r"(accept|reject|allow) (all )?cookies",
            r"manage (cookie|consent|privacy) (settings|preferences)",
        ),
        anywhere=(
            r"(we|this (web)?site|our (web)?site) uses? cookies",
            r"cookies? (policy|settings|preferences|consent)$",
            r"necessary cookies",
            r"by (continuing to (use|browse)|using) (this|our) (site|website)",
        ),
        max_words=150,
    ),
    Rule(
        "share-bar",
        id="share-button",
        why="a share, print or follow button alone on its line",
        starts=(
            r"(share( this)?( (article|story|post|page|entry))?( (on|via) \w+)?|share tweet|tweet|"
            r"like this|pin it|email this|print this( article| page)?|"
            r"copy link( url)?( copied!?)?|link copied|show more sharing options|"
            r"close extra sharing options|\d+ shares?|sharing is caring!?|"
            + any_of(SHARE_TARGETS)
            + r"|e-?mail|print|read later|save for later|follow us|follow us on \w+)[:!.]?$",
            r"click to (share|email|print|tweet)\b",
        ),
        anywhere=(r"\(opens in new window\)$",),
    ),
    Rule(
        "share-bar",
        id="share-row",
        why="a row of share buttons run together ('Facebook Twitter Email')",
        starts=(
            r"(facebook|twitter|linkedin|whatsapp|reddit|pinterest|email|print|share|"
            r"tweet)([\s|,/·•]+(facebook|twitter|linkedin|whatsapp|reddit|pinterest|pint|email|"
            r"print|share|tumblr|messenger|telegram|sms|copy link|baixar|download))+$",
            r"email this\s*blogthis!",  # Blogger's share buttons
        ),
    ),
    Rule(
        "loading",
        id="loading",
        why="a placeholder shown while the page loads, or a 'Load more' button",
        starts=(
            r"(now )?loading( comments| more)?(\.\.\.|…)?$",
            r"like loading",
            r"please wait(\.\.\.|…)?$",
            r"(load|show|see) more( (comments|stories|articles|news))?$",
        ),
    ),
    Rule(
        "loading",
        id="browser-notice",
        why="a notice about the reader's browser or its JavaScript, shown beside or instead of "
        "the page ('You are using a browser version with limited support for CSS', 'Bitte "
        "aktivieren Sie JavaScript')",
        anywhere=(
            r"\byou are using (a|an) (browser version|outdated browser|older browser|unsupported "
            r"browser|old browser)\b",
            r"\b(please )?(enable|activate|turn on) javascript\b",
            r"\bjavascript (is )?(disabled|required|must be enabled)\b",
            r"\b(bitte )?(aktivieren sie|aktiviere) (bitte )?javascript\b",
            r"\b(ihr|dein|der) browser (ist veraltet|wird (leider )?(nicht|nicht leider nicht) "
            r"(mehr )?unterstützt)",
        ),
        max_words=60,
    ),
)

# --- Around the article: related lists, author bios, disclaimers, credits --------------------

ARTICLE_EDGE_RULES = (
    Rule(
        "related-list",
        id="related-heading",
        why="a heading over links to other articles ('Related stories', 'You may also like')",
        starts=(
            r"(more|related|recommended|popular|trending|latest|recent|top|further|also|similar|"
            r"other|most (read|popular|viewed|shared|emailed|commented))( news| stories| articles|"
            r" posts| reading| links| coverage| content| videos| headlines| topics| reads|"
            r" from [\w .'’]+| in [\w .'’]+| on [\w .'’]+)?\s*:?$",
            r"(you|we think you) (may|might|will) (also )?(like|enjoy|be interested in)",
            r"(read|see) (also|more|next)\b",
            r"(also read|also see|read this next|up next|what to read next|don'?t miss|"
            r"editor'?s picks?|recommended for you|more (from|on|about) .{1,40})\b",
            r"related( \w+)?:",
            r"(more|related) (coverage|stories|articles|news|content|links|reading|videos) (from|"
            r"on|about|in)\b.{0,60}:?$",
        ),
        max_words=25,
        ends_article=True,
    ),
    Rule(
        "author-bio",
        id="author-bio",
        why="the author's biography, not the article",
        starts=(r"about the author\b",),
        anywhere=(
            r"holds an? (\w+\.?\s?){0,3}(degree|diploma|ph\.?d|master)",
            r"works? as an? [\w &]*" + any_of(NEWSROOM_ROLES),
            r"is an? ([\w-]+ ){0,4}" + any_of(NEWSROOM_ROLES) + r" (for|at|with) ",
        ),
        max_words=80,
    ),
    Rule(
        "author-line",
        id="reporting-credit",
        why="a credit for reporting or editing ('Additional reporting by ...')",
        starts=(
            r"\(?(additional )?(reporting|writing|editing|compiled|contributing|research) by\b",
            r"(editing|reporting) by\b",
        ),
        max_words=60,
    ),
    Rule(
        "disclaimer",
        id="disclaimer",
        why="the outlet's disclaimer, or a note that the article was published elsewhere first",
        starts=(
            r"(this|the) (article|story|post|piece|report) (was |is )?(first|"
            r"originally) (published|appeared|posted|ran) (on|in|at|by)",
        ),
        anywhere=(
            r"does not (always |necessarily )?(share|support|reflect|endorse)( or (share|support|"
            r"reflect|endorse))? the (views|opinions)",
            r"views (and opinions )?expressed (here|in this|by)",
            r"opinions expressed (here|in this|by)",
            r"(are|is) (solely )?(those|that) of the (writer|author)s?\b",
            # Not "[originally published in 1966]", a citation's edition.
            r"originally (appeared|published|posted) (on|in|at|by) (?!\d)",
            r"(re)?published (here )?with permission",
            r"this (article|story|content) (was|is|has been) (republished|reproduced|syndicated)",
            r"registered trademarks? of",
            r"information (provided|contained) (on|in) this (web ?site|site)",
            r"not (been )?(evaluated by the food|intended to (diagnose|replace))",
        ),
        max_words=80,
    ),
    Rule(
        "copyright",
        id="copyright-footer",
        why="a copyright notice opening its line, which closes the page",
        starts=(
            r"copyright\b",
            r"(©|\(c\)|ⓒ)\s*(copyright\s*)?\d{4}",
        ),
        anywhere=(r"all rights reserved",),
        max_words=40,
        barrier=True,
    ),
    Rule(
        "copyright",
        id="copyright-notice",
        why="a copyright or reproduction notice inside a longer line",
        anywhere=(
            r"©\s*\d{4}",
            r"copyright \d{4}",
            r"may not be (re)?published,? broadcast",
            r"must not be (re)?published",
        ),
        max_words=40,
    ),
    Rule(
        "image-credit",
        id="image-credit",
        why="a picture's credit line, or a gallery's counter and buttons",
        starts=(
            r"(image|photo|picture)s? copyright\b",
            r"(image|photo|picture|video|graphic|illustration)s?( credit| courtesy| source|"
            r" by)?s?\s*:",
            r"(credit|source|courtesy)s?\s*(\.\.\.|…|:)",
            r"\(?(photo|photograph|image|picture)s? (by|courtesy of|credit)\b",
            r"\(" + any_of(PHOTO_AGENCIES) + r"[^)]*\)$",
            r"(image|photo|slide|picture) \d+ (of|/|of /) ?\d+$",
            r"\d+ ?/ ?\d+$",
            r"\([^()]{2,60} ?/ ?[^()]{2,60}\)$",
            r"(getty images|shutterstock|istock|ap|afp|reuters|epa)$",
            r"(caption|close|back to gallery|enlarge (this )?image|expand|view gallery)$",
        ),
        max_words=20,
    ),
    Rule(
        "photo-caption",
        id="photo-caption",
        why="a photo caption, known by its label or its photographer's credit",
        starts=(
            r"(file( photo)?|photo|pictured|above|below|top|left|right)\s*[:|]\s*\S",
            r"(©|ⓒ)\s*\D",
        ),
        anywhere=(
            r"\((ap|afp|reuters|getty|epa|xinhua|ani|pti|ians|aa) ?(photo|images?|"
            r"via getty)[^)]*\)\s*$",
            r"(getty images|shutterstock|istock|via reuters|via ap)\)?\s*$",
            # A photographer's credit closing the caption: "... Kathrin Ziegler/Getty",
            # "... J. Scott Applewhite / AP file".
            r"\S ?/ ?(ap|getty|reuters|afp|epa|bloomberg|xinhua|nurphoto|sipa)( (file|photo|"
            r"images?))?\.?\s*$",
            r"\b(submitted|staff|contributed|handout) photo\.?$",
            r"credit\s*(\.\.\.|…|:)\s*\S",
            r"\((image|photo|picture|pic|credit|source)s?: [^)]*\)$",
            r"\[(file|photo|image|picture)s?: [^\]]*\]$",
            # A gallery caption with its expand and collapse toggles.
            r"[.!?)] less$",
            r"(\.\.\.|…) more$",
        ),
        max_words=90,
    ),
    Rule(
        "tags",
        id="tags",
        why="the article's tags, topics or categories",
        starts=(
            r"(tags?|topics?|categories|category|filed under|related tags|tagged( with)?|keywords|"
            r"more on|posted in|filed in)\s*:",
            r"(posted|filed) (in|under) .{1,80}\|",
            # A page's keywords run together: "how to retire early,early retirement,...".
            r"[^,]+(,[^\W\d_][^,]*){3,}$",
        ),
        max_words=40,
    ),
    Rule(
        "tags",
        id="posted-filed-under",
        why="a blog theme's sentence under the post saying when it was posted and where it is "
        "filed ('This entry was posted on ... and is filed under News', 'Der Beitrag wurde am "
        "... veröffentlicht und wurde unter Allgemein abgelegt')",
        anywhere=(
            r"\b(was|were) posted (on|in) .{4,80}\band (is|was) filed under\b",
            r"\bwurde am .{4,80} (veröffentlicht|erstellt|gepostet) und (wurde )?unter\b",
            r"^erstellt am .{4,80} (und )?abgelegt unter\b",
        ),
        max_words=80,
    ),
    Rule(
        "date-line",
        id="relative-date",
        why="a relative date ('3 hours ago'), a bare 'Updated' label or a machine timestamp",
        starts=(
            r"(\d+|an?|one) ?(s|m|h|d|mins?|minutes?|hrs?|hours?|days?|weeks?|months?|years?) ago$",
            r"(updated|published|posted)( on)?:?$",
            r"\d{4}-\d\d-\d\d([t ][\d:.]+)?(z|[+-]\d\d:?\d\d)?$",
        ),
    ),
    Rule(
        "link",
        id="bare-link",
        why="a bare address: page furniture (sharing widgets, image sources), not prose",
        starts=(r"(https?://|www\.)\S+$",),
    ),
    # Only tags of HTML's own elements, not "<The Palace: Tale of Jang Noksu>", a show's title.
    Rule(
        "markup",
        id="html-markup",
        why="a line of HTML a scraper let through (a tracking pixel, an embed's script)",
        starts=(
            r"<(/?(script|style|noscript|img|iframe|div|span|a|p|br|link|meta|ins|input|form|"
            r"object|embed|video|audio|source|svg|table|section|figure)\b|!--)",
        ),
        max_words=2000,
    ),
    Rule(
        "markup",
        id="server-error",
        why="an error the site's server printed into the page ('Deprecated: ... in "
        "/www/htdocs/wp-includes/functions.php on line 12')",
        starts=(
            r"(deprecated|strict standards|warning|notice|fatal error|parse error)\s*:.* in "
            r"(/|[a-z]:\\)\S+\.php\b",
        ),
        max_words=200,
    ),
    Rule(
        "navigation",
        id="navigation",
        why="a menu item, a breadcrumb or a 'skip to content' link",
        starts=(
            r"read (the )?full (article|story)$",
            # a single link over one related story; what follows ("More information: ...",
            # "Provided by ...") is still the article's
            r"explore further$",
            r"(empfohlener )?(redaktioneller|externer) inhalt$",
            r"(dieses skript |diesen artikel )?als pdf herunterladen$|pdf version$",
            r"【纠错】",
            r"über [\w .-]{2,40} \d+ (artikel|beiträge)$",
            r"(skip to (main )?(content|navigation)|jump to|back to top|return to top|"
            r"go to (home ?page|top)|(main )?menu|close|search|open search|toggle navigation|"
            r"previous( post| article)?|next( post| article)?|you are (here|at)|home|sections|"
            r"sign in|log ?in|log ?out|register|my account|subscribe|view (all|more)|see all|"
            r"read more|continue reading|more|print edition|site index|site map|sitemap|permalink|"
            r"post navigation|×)[\s»«›‹>→←.:!]*$",
            r"(home|news)\s*[»›>/|]\s*",
            r"(previous|next) (post|article|story)\s*:",
            # Breadcrumbs and link lists: "Messages » Self-esteem » ...", "» Race times".
            r"[^»›]{1,60}( [»›] [^»›]{1,60}){2,}$",
            r"[»›] \S",
        ),
        max_words=14,
    ),
    Rule(
        "navigation",
        id="footer-links",
        why="a footer's legal, contact or advertising link",
        starts=(
            r"(privacy( policy| notice)?|terms( of (use|service))?|terms (&|and) conditions|"
            r"contact( us)?|about( us)?|advertise( with us)?|careers|faq|help|rss( feeds?)?)$",
        ),
    ),
    # "@davidehrlich", "Nishant Kumar @Nishantopines": a handle alone or after its owner's name.
    Rule(
        "share-bar",
        id="social-handle",
        why="a social handle, or a prompt to follow an account",
        starts=(
            r"([\w.'’-]+ ){0,3}@\w{2,}$",
            r"follow ([\w@.'’-]+ ){0,6}(on|at|via) " + any_of(SOCIAL_NETWORKS) + r"\b",
            r"share to (linkedin|facebook|twitter|email)( \w+)?( share to \w+( \w+)?)+$",
        ),
        max_words=25,
    ),
)

# --- The same in other languages: WordPress and common CMS strings ---------------------------

OTHER_LANGUAGE_RULES = (
    Rule(
        "comment-form",
        id="cms-comments-begin",
        why="a CMS's comments heading (Portuguese, Spanish, French, Italian, German, Indonesian, "
        "Dutch): the comments begin",
        starts=(
            r"(deixe (uma resposta|um comentário)|deja (una respuesta|un comentario)|"
            r"laisser un commentaire|laisser une réponse|lascia un commento|"
            r"schreibe einen kommentar|hinterlasse einen kommentar|tinggalkan (balasan|komentar)|"
            r"laat een reactie achter|\d+ (comentários|comentarios|commentaires|commenti|"
            r"kommentare|komentar|reacties)|comentários|comentarios|commentaires|commenti|"
            r"kommentare|reacties)\b",
        ),
        barrier=True,
    ),
    Rule(
        "comment-form",
        id="cms-comment-form",
        why="a CMS comment form's text in those languages",
        starts=(
            r"(cancelar (resposta|respuesta)|annuler la réponse|annulla risposta|"
            r"antworten abbrechen|batalkan balasan|responder|répondre|rispondi|antworten|balas)$",
            r"(o seu endereço de e-mail|tu dirección de correo|votre adresse e-mail|"
            r"il tuo indirizzo email|deine e-mail-adresse|alamat email anda)",
            # WordPress.com's own comment form, in English and German
            r"(fill in your details below|trage deine daten unten ein|you are commenting using|"
            r"du kommentierst mit|enter your comment here|gib hier deinen kommentar ein|"
            r"connecting to %s|verbinde mit %s)",
        ),
    ),
    Rule(
        "related-list",
        id="cms-related",
        why="a CMS's related-posts heading in those languages",
        starts=(
            r"(artigos relacionados|posts relacionados|artículos relacionados|"
            r"entradas relacionadas|noticias relacionadas|articles similaires|à lire aussi|"
            r"lire aussi|articoli correlati|leggi anche|ähnliche artikel|"
            r"das könnte sie auch interessieren|mehr zum thema|artikel terkait|baca juga|"
            r"berita terkait|terkait|gerelateerde artikelen|você pode gostar|te puede interesar|"
            r"vous aimerez aussi)\b",
        ),
        max_words=25,
        ends_article=True,
    ),
    Rule(
        "share-bar",
        id="cms-share",
        why="a CMS's share prompt in those languages",
        starts=(
            r"(compartilhe|compartilhar|compartir|partager|condividi|teilen|bagikan|delen)( (isso|"
            r"esto|ceci|questo|this))?:?$",
        ),
    ),
    Rule(
        "link-prompt",
        id="click-here",
        why="a prompt to click a link, an image or a banner",
        starts=(
            r"[*•»-]?\s*(click (here|(on )?the (image|photo|picture|link|banner)( (above|"
            r"below))?)|clique (aqui|na (imagem|foto)|no (link|banner)|e (saiba|veja|confira))|"
            r"haga clic (aquí|en la imagen)|cliquez (ici|sur l'image)|klicken sie hier|"
            r"clicca (qui|sull'immagine))\b",
        ),
        max_words=60,
    ),
    Rule(
        "comment-form",
        id="comment-moderation",
        why="a notice on how comments are moderated",
        starts=(
            r"(atenção|atención|attention|achtung)?:?\s*(os )?(comentários|comentarios|comments|"
            r"commentaires|kommentare) .{0,120}(não serão aprovados|no serán aprobados|"
            r"will not be (approved|published)|ne seront pas (publiés|approuvés)|"
            r"werden nicht freigeschaltet)",
            r"(please understand that )?comments are moderated",
            r"we (welcome|ask that) (reader )?comments",
            r"submit (your|a) letter to the editor",
        ),
        max_words=50,
    ),
)

# --- The main European languages: German, French, Spanish, Italian, Polish, Dutch, Portuguese --
# The strings CMSs and news sites print around articles in these languages. Each alternative
# is a whole line (anchored), so that prose mentioning the words is left alone.

#: The German privacy links ("Datenschutz", "Datenschutzerklärung"), not the compounds a
#: headline may hold ("Datenschutzbehörde", "datenschutztechnisch").
_PRIVACY_DE = r"datenschutz(?:erklärung|hinweise?|einstellungen|bestimmungen|richtlinien?)?"

#: Menu items, legal links and "skip to content" links, each a whole line, by language.
NAVIGATION_LINKS = {
    "de": (
        "impressum",
        _PRIVACY_DE,
        "agb",
        "kontakt(formular)?",
        "barrierefreiheit",
        "nutzungsbedingungen",
        "mediadaten",
        "über uns",
        "startseite",
        "nach oben",
        "zum (seiten)?anfang",
        "(direkt )?(zum|zur) (inhalt|hauptinhalt|navigation|hauptnavigation|suche|fußzeile|"
        "fusszeile)( springen| wechseln)?",
        "menü",
        "hauptmenü",
        "suche",
        "suchen",
        "anmelden",
        "abmelden",
        "einloggen",
        "registrieren",
        "mein konto",
        "zurück",
        "weiter",
        "vorheriger (beitrag|artikel)",
        "nächster (beitrag|artikel)",
        "weiterlesen",
        "mehr lesen",
        "mehr erfahren",
        "alle anzeigen",
        "mehr anzeigen",
        "zurück zur übersicht",
        "zurück nach oben",
        r"zurück (zum|zur) [\w-]+",
        "inhaltsverzeichnis",
    ),
    "fr": (
        "mentions légales",
        "politique de confidentialité",
        "plan du site",
        "accueil",
        "aller au contenu( principal)?",
        "rechercher",
        "se connecter",
        "connexion",
        "lire la suite",
        "en savoir plus",
        "retour en haut",
        "nous contacter",
        "contactez-nous",
        "qui sommes-nous",
    ),
    "es": (
        "aviso legal",
        "política de privacidad",
        "inicio",
        "ir al contenido( principal)?",
        "buscar",
        "iniciar sesión",
        "ingresar",
        "(leer|ver) más",
        "infórmate más",
        "informate más",
        "seguir leyendo",
        "contacto",
        "volver arriba",
        "mapa del sitio",
        "quiénes somos",
    ),
    "it": (
        "note legali",
        "(informativa )?privacy( policy)?",
        "vai al contenuto",
        "cerca",
        "accedi",
        "leggi (tutto|di più)",
        "contatti",
        "chi siamo",
        "torna su",
    ),
    "pl": (
        "polityka prywatności",
        "regulamin",
        "strona główna",
        "przejdź do (treści|zawartości)",
        "szukaj",
        "zaloguj( się)?",
        "czytaj (więcej|dalej)",
        "o nas",
        "mapa strony",
        "do góry",
    ),
    "nl": (
        "privacyverklaring",
        "algemene voorwaarden",
        "ga naar (de )?inhoud",
        "zoeken",
        "inloggen",
        "lees (meer|verder)",
        "over ons",
        "terug naar boven",
    ),
    "pt": (
        "política de privacidade",
        "termos de uso",
        "ir para o conteúdo",
        "pesquisar",
        "entrar",
        "leia mais",
        "fale conosco",
    ),
}

#: Words a site's cookie dialog uses beside "cookie", in the languages of the rules.
_COOKIE_CONTEXT = (
    r"(web ?sites?|(web)?seiten?|internetauftritt\w*|site|sitio|strony|stronie|serwis\w*|"
    r"browser\w*|navigateur\w*|navegador\w*|przeglądar\w*|tracker\w*|traceurs?|analytics|"
    r"einwilligung\w*|zustimm\w*|consent\w*|consentement|consentimiento|zgod\w*|"
    r"datenschutz\w*|privacy|drittanbieter\w*|third[- ]party|tiers|terceros|aktivier\w*|"
    r"deaktivier\w*|akzeptier\w*|accept\w*|settings|einstellungen|paramétr\w*|"
    r"configura\w*|ustawie\w*)"
)
#: Words addressing the reader or speaking for the site: a dialog's, not a report's.
_READER = (
    r"(we|our|us|you|your|wir|uns|unser\w*|ihnen|ihr\w*|sie|du|dich|dir|dein\w*|nous|notre|"
    r"nos|vous|votre|vos|nosotros|nuestr\w*|usted|tu|tus|su|sus|my|nasz\w*|państw\w*|"
    r"twoj\w*|ciebie)"
)

EUROPEAN_RULES = (
    Rule(
        "related-list",
        id="eu-related-list",
        why="a heading over links to other articles (German, French, Spanish, Italian, Polish, "
        "Dutch, Portuguese)",
        starts=(
            r"(weitere|neueste|neue|aktuelle|letzte|ähnliche|verwandte|beliebte|passende|"
            r"empfohlene|meistgelesene) (aktuelle )?(artikel|beiträge|nachrichten|news|themen|"
            r"meldungen|rezepte|videos|tourentipps|tipps)( zum thema| aus [\w .-]+| in [\w .-]+|"
            r" mehr vom autor)?\s*:?$",
            r"alle (nachrichten|artikel|beiträge|themen) (zum|zur|zu) [\w .&-]{1,40}$",
            r"weitere (nachrichten|artikel|beiträge|meldungen) (zum|zur|zu)( [\w .&-]{1,40})?$",
            r"(ezek is érdekelhetnek|ajánljuk még|kapcsolódó cikkek)\s*:?$",
            r"(auch interessant|das (könnte|dürfte) (dich|sie|euch) auch interessieren|(lesen sie|"
            r"lies) (auch|mehr|weiter)|passend (dazu|zum thema)|mehr (zum thema|aus (dem|"
            r"der) \w+)|meistgelesen|meist gelesen|top-?artikel|empfehlungen|diese (beiträge|"
            r"artikel) (solltest du|sollten sie) nicht verpassen|(sur le même sujet|"
            r"dans la même rubrique|(à )?(lire|voir) aussi|articles? (similaires|récents|liés)|"
            r"les plus (lus|populaires)|vous aimerez (aussi|également)|nos (derniers|"
            r"autres) articles|(también )?te puede interesar|(noticias|artículos|"
            r"entradas|notas) (relacionad[oa]s|recientes|similares)|lo más (leído|visto)|"
            r"videos? recomendados?|mirá también|temas relacionados|contenidos? relacionados?|"
            r"(las|los) más (vist[oa]s|leíd[oa]s)|articles correspondants|pour approfondir|"
            r"(audios et )?vidéos sur le (même )?sujet|inne artykuły( autora)?|polecamy|"
            r"más (leídas|"
            r"noticias)|otras noticias|te recomendamos|(articoli|notizie) (correlati|correlate|"
            r"recenti|simili)|potrebbe interessarti|leggi anche|(i )?più (letti|lette)|"
            r"ultime notizie|altri articoli|(zobacz|czytaj|przeczytaj) (także|też|również)|"
            r"(podobne|powiązane|najnowsze) (artykuły|wpisy|wiadomości)|najczęściej czytane|"
            r"polecane( artykuły)?|gerelateerde (artikelen|berichten)|lees ook|meer nieuws|"
            r"meest gelezen|(leia|veja) também|mais lidas|notícias relacionadas|"
            r"(dich|sie) interessiert vielleicht auch|für (dich|sie) empfohlen|schon gelesen\?|"
            r"auch interessant( für (dich|sie))?|(noch )?mehr (infos|informationen) für (dich|sie)|"
            r"artikel zum thema|themenrelevante (nachrichten|artikel|beiträge)|zum weiterlesen|"
            r"weitere beiträge zu diesem artikel|lesen sie auch (die folgenden|diese) (beiträge|"
            r"artikel)|verwandte links|die meistgelesenen (artikel|beiträge|nachrichten)( (bei|"
            r"auf|von) \S{1,40})?))\s*(:|…|\.\.\.)?$",
        ),
        max_words=12,
        ends_article=True,
    ),
    Rule(
        "comment-form",
        id="eu-comments-begin",
        why="the heading of the readers' comments: nothing after it is the article",
        starts=(
            r"((\d+|keine|ein|eine|zwei|drei) )?(leser)?(kommentare?|"
            r"kommentar\(e\))( \(\d+\))?\s*:?$",
            r"(ein(en)?|\d+) (gedanken?|kommentare?|antworten|reaktionen) (zu|auf) .{1,120}$",
            r"(kommentar (schreiben|verfassen|abgeben|hinzufügen)|kommentieren|diskussion|"
            r"schreibe?n? sie einen kommentar|was (denkst|meinst) du\??|(deine|"
            r"ihre) meinung( ist gefragt)?|diskutieren sie mit|(\d+ )?(commentaires?|"
            r"réactions)( \(\d+\))?|réagir|(ajouter|écrire|laisser) un commentaire|"
            r"vos commentaires|(deja|dejar|escribe) (un|tu) comentario|"
            r"(\d+ )?comentarios?( \(\d+\))?|(\d+ )?commenti( \(\d+\))?|lascia un commento|"
            r"(\d+ )?komentarz(e|y)?( \(\d+\))?|dodaj komentarz|skomentuj|"
            r"(\d+ )?reacties?( \(\d+\))?|plaats een reactie|(\d+ )?comentários( \(\d+\))?|"
            r"deixe (um|seu) comentário)\s*:?$",
        ),
        barrier=True,
    ),
    Rule(
        "comment-form",
        id="eu-comment-form",
        why="the comment form's own text (e-mail not published, required fields)",
        starts=(
            r"((deine|ihre) e-?mail-?adresse wird nicht veröffentlicht|"
            r"erforderliche felder sind (mit \S+ )?markiert|(meinen|"
            r"meine) namen?,? .{0,40}(speichern|browser)|benachrichtige mich|kommentar (absenden|"
            r"abschicken)|votre adresse (e-?mail|de messagerie) ne sera pas publiée|"
            r"les champs obligatoires sont indiqués|enregistrer mon nom|"
            r"tu (dirección de )?correo electrónico no será publicad|"
            r"los campos obligatorios están marcados|guarda mi nombre|"
            r"il tuo indirizzo (e-?mail )?non sarà pubblicato|"
            r"i campi obbligatori sono contrassegnati|salva il mio nome|"
            r"twój adres (e-?mail )?nie zostanie opublikowany|wymagane pola są oznaczone|"
            r"je e-?mailadres wordt niet gepubliceerd|vereiste velden zijn gemarkeerd|"
            r"o seu endereço de e-?mail não será publicado|campos obrigatórios são marcados)",
        ),
        max_words=40,
    ),
    Rule(
        "newsletter",
        id="eu-newsletter",
        why="a prompt to subscribe to a newsletter",
        starts=(
            r"((jetzt |zum )?newsletter( abonnieren| bestellen| anmelden| anmeldung)?|"
            r"jetzt (anmelden|abonnieren|registrieren|kostenlos testen)|abonnieren|"
            r"(melden sie sich|melde dich) (für|zu|zum) .{0,40}newsletter an|(ihre|"
            r"deine) e-?mail-?adresse( eingeben)?|e-?mail-?adresse eingeben|(inscrivez-vous|"
            r"abonnez-vous|s'abonner|s’abonner)( à (notre|la) newsletter)?|recevez (notre|"
            r"la) newsletter|suscríbete( (a|al) (nuestro|nuestra) (boletín|newsletter))?|"
            r"suscribirse|iscriviti( alla (nostra )?newsletter)?|zapisz się( do newslettera)?|"
            r"subskrybuj|schrijf je in( voor (de|onze) nieuwsbrief)?|nieuwsbrief|assine (a|"
            r"nossa) newsletter|inscreva-se)[.!:]?$",
            r"si ya (sos|eres) suscriptor",
            r"(la nota|el artículo|este contenido) a (la|el|lo) que intentas acceder es exclusiv",
            r"conocé nuestros planes",
            r"(kostenlos registrieren und weiterlesen|schon registriert\? hier einloggen|hier "
            r"kostenlos (anmelden|registrieren))",
            r"verpasse keine (news|neuigkeiten|artikel|beiträge)\b",
            r"wir informieren (sie|dich|euch) (täglich|regelmäßig|wöchentlich)",
            r"immer (aktuell |bestens )?informiert (bleiben|über)",
            r"(gib deine|geben sie ihre) e-?mail-adresse ein, um",
            r"um neue beiträge per e-?mail zu erhalten",
            r"wenn (du|sie|ihr) per e-?mail .{0,80}informiert (werden|bleiben)",
            r"abonnier(e|en sie|t) (unseren|den|unsere|die) .{0,30}newsletter",
            r"(jetzt )?newsletter (abonnieren|bestellen) (und|&)\b",
            r"zapraszamy (też |także |również )?do subskrypcji",
            r"(der |die |das )?[\w.-]{1,30}-newsletter\s*:",
        ),
        anywhere=(
            # "... jede Woche in deinen Posteingang liefern", "... suoraan sähköpostiisi!"
            r"\bin (deinen|ihren|euren) posteingang\b",
            r"\bsuoraan sähköpostiisi\b",
        ),
    ),
    Rule(
        "cookie-consent",
        id="eu-cookie-consent",
        why="a cookie notice or its buttons",
        anywhere=(
            r"(diese|unsere) (web)?seite (verwendet|nutzt) cookies",
            r"wir (verwenden|nutzen|setzen) cookies",
            r"cookies? (akzeptieren|zulassen|einstellungen|richtlinie|hinweis)",
            r"(alle|nur notwendige) cookies",
            r"was sind cookies",
            r"(ce site|nous) utilis(e|ons) (des )?cookies",
            r"accepter (les |tous les )?cookies",
            r"(paramétrer|gestion des|gérer les) cookies",
            r"(este sitio|esta web|utilizamos)( web)? (utiliza |usa )?cookies",
            r"aceptar (todas las )?cookies",
            r"política de cookies",
            r"questo sito (utilizza|usa) (i )?cookie",
            r"accetta (tutti i )?cookie",
            r"(ta strona|serwis|witryna) (używa|wykorzystuje) (plików )?cookies?",
            r"polityka (plików )?cookies",
            r"(deze (web)?site|wij) (gebruikt|gebruiken) cookies",
            r"cookies accepteren",
            r"(este site|utilizamos) (usa |utiliza )?cookies",
        ),
        max_words=150,
    ),
    Rule(
        "navigation",
        id="eu-navigation",
        why="a menu item, legal link or 'skip to content' link",
        starts=(
            any_of(link for links in NAVIGATION_LINKS.values() for link in links)
            + r"[\s»«›‹>→←.:!…]*$",
            # A footer's link list: "Impressum | Datenschutz | Kontakt".
            r"(impressum|datenschutz\w*|kontakt|agb|mentions légales|aviso legal|note legali|"
            r"regulamin|disclaimer|sitemap)( ?[|•·/,-] ?[\w .&-]{1,40}){1,8}$",
        ),
        max_words=14,
    ),
    Rule(
        "ad-marker",
        id="eu-ad-marker",
        why="an advertisement's label or an affiliate-link notice",
        starts=(
            r"[-–—_*·•|\[(\s]*(anzeige|werbung|gesponsert|sponsored post|publicité|"
            r"contenu sponsorisé|publicidad|contenido patrocinado|pubblicità|"
            r"contenuto sponsorizzato|reklama|artykuł sponsorowany|materiał (sponsorowany|"
            r"partnera|promocyjny)|advertentie|gesponsord|publicidade|conteúdo patrocinado|"
            r"(der )?artikel (wird )?(unter|nach) der (werbung|anzeige) fortgesetzt|"
            r"weiter nach der (werbung|anzeige)|la suite après (cette )?(la )?publicité|"
            r"l'article continue (ci-dessous|après la publicité))[-–—_*·•|\])\s.:]*$",
            r"\*?(affiliate|werbe|partner)-?links?\b",
        ),
        max_words=40,
    ),
    Rule(
        "share-bar",
        id="eu-share-bar",
        why="a share bar: buttons to pass the article on",
        starts=(
            r"((auf |bei |per |via )?(facebook|twitter|whatsapp|e-?mail|xing|linkedin|pinterest|"
            r"telegram) (teilen|twittern|versenden|senden)|teilen|twittern|pinnen|(diesen |"
            r"den )?(artikel|beitrag|seite) (teilen|drucken|versenden|merken|empfehlen)|"
            r"teile diesen (beitrag|artikel)|link kopieren|drucken|merken|partager( (sur|par) \w+|"
            r" cet article| l'article)?|imprimer|compartir( en \w+| este artículo)?|imprimir|"
            r"condividi( su \w+)?|stampa|udostępnij|podziel się|drukuj|delen|deel dit (artikel|"
            r"bericht)|compartilhe( no \w+)?)[:!.]?$",
            r"(teilen|twittern|pinnen|whatsapp|facebook|twitter|e-?mail|xing|drucken|partager|"
            r"compartir|condividi|udostępnij|tweet)( (teilen|twittern|pinnen|whatsapp|facebook|"
            r"twitter|e-?mail|xing|drucken|linkedin|pinterest|telegram|flipboard|messenger|tweet|"
            r"partager|compartir|condividi|imprimer|imprimir)){1,8}$",
        ),
    ),
    Rule(
        "copyright",
        id="eu-copyright",
        why="a copyright notice, which closes the page",
        anywhere=(
            r"alle rechte vorbehalten",
            r"tous droits réservés",
            r"todos los derechos reservados",
            r"tutti i diritti riservati",
            r"wszelkie prawa zastrzeżone",
            r"alle rechten voorbehouden",
            r"todos os direitos reservados",
            r"materiał chroniony prawem",
            r"vervielfältigung nur mit (genehmigung|zustimmung)",
        ),
        max_words=40,
        barrier=True,
    ),
    Rule(
        "image-credit",
        id="eu-image-credit",
        why="a picture's credit line",
        starts=(
            r"(foto|fotos|bild|bilder|bildquelle|bildnachweis|titelbild|beitragsbild|headerbild|"
            r"symbolbild|crédits? photos?|photo ?:|fotografía|foto de portada|zdjęcie|zdjęcia|"
            r"fot\.|afbeelding|imagem|kuva)\s*[:©|]",
            r"quelle\s*:\s*[^.!?:]{2,50}$",
            r"(foto|bild|titelbild|beitragsbild|symbolbild)\s*\(?©",
            r"(titelbild|beitragsbild|symbolbild|bildquelle|bildnachweis)$",
            r"\((foto|fotos|bild|bildquelle|photo|imagen)\s*:\s*[^(),]{2,60}\)\.?$",
            r"fot\.\s+[^/,]{2,40}/\s*[\w .-]{2,40}$",
        ),
        max_words=20,
    ),
    Rule(
        "photo-caption",
        id="eu-caption-credit",
        why="a photo's caption closing with its credit ('... durante el año escolar. Foto: "
        "Andina', '... Unterstützern. Bild: dpa', '(REUTERS/Jane Doe)')",
        anywhere=(
            r"\((bild)?quelle\s*:\s*[^()]{0,60}(unsplash|pixabay|istock|shutterstock|adobe ?stock|"
            r"fotolia|pixelio|imago)[^()]{0,40}\)\.?$",
            r"\(symbolbild\)\.?$",
            # Its parts set apart by semicolons: "Coronaviren; Aufnahme von 1975; Quelle: CDC".
            r";\s*(bild)?quelle\s*:\s*[^:;]{2,60}$",
            r"[.!?)»“\"]\s*\(?(foto|fotos|bild|imagen|photo|fot\.|zdjęcie|crédit photo|"
            r"photographie)\s*:\s*(?:(?!\. )[^:]){2,60}\)?\.?$",
            r"\((reuters|ap|afp|efe|epa|dpa|getty images|télam|xinhua|pap)/[^)]{2,60}\)\.?$",
            r"[\w.)“\"/]\s+(©|\(c\))\s*(?:(?!\. )[^©]){2,60}$",
            r"\([^()]{2,40} ?/ ?(istock|shutterstock|pixabay|unsplash|adobe ?stock|fotolia|"
            r"pixelio|imago|picture alliance|getty images)(\.com|\.de)?\)\.?$",
        ),
        max_words=60,
    ),
    Rule(
        "tags",
        id="eu-tags",
        why="the article's tags or categories",
        starts=(
            r"(schlagwörter|schlagworte|stichwörter|stichworte|themen|kategorien?|rubriken?|"
            r"abgelegt unter|veröffentlicht (in|unter)|getaggt mit|verschlagwortet mit|étiquettes|"
            r"mots-clés|catégories?|etiquetas|categorías?|palabras clave|argomenti|categorie|tagi|"
            r"kategorie|tematy|trefwoorden|categorieën|tópicos|marcadores)\s*:",
            r"markiert mit$",
            r"(schlagworte|schlagwörter|themen in diesem (artikel|beitrag)|related topics|"
            r"argomenti|étiquettes|etiquetas|tagi)$",
        ),
        max_words=40,
    ),
    Rule(
        "related-list",
        id="eu-teaser-link",
        why="a link to another article set in the text ('Lesen Sie auch: ...')",
        starts=(
            r"(puedes ver|lee también|lea también|mira también|mirá también|vea también|"
            r"ver también|te puede interesar|le puede interesar|lea|lee|lea más|mira|mirá|mire|"
            r"ver más|leer más|lea además|(también )?(puede|puedes) leer( también)?|"
            r"(podría|podrían) interesarte|leia mais|lesetipp|auch interessant|"
            r"noticia relacionada|"
            r"leia também|veja também|lesen sie auch|lesen sie mehr|lesen sie hier|mehr dazu|"
            r"siehe auch|"
            r"voir aussi|à lire aussi|lire aussi|à voir|czytaj (też|także|również)|zobacz (też|"
            r"także|również)|leggi anche|vedi anche|lees ook|zie ook)\s*:\s*\S",
        ),
    ),
    Rule(
        "related-list",
        id="eu-more-from-us",
        why="a heading over the editors' picks or further links",
        starts=(
            r"((top[- ]?themen|empfehlungen|das beste|mehr|neues|highlights) (der|aus der|"
            r"von der) redaktion|(hier|jetzt) weiterlesen|weitere informationen( zum thema)?|"
            r"mehr informationen|(das )?könnte (dich|sie) auch interessieren)\s*:?$",
        ),
        ends_article=True,
    ),
    Rule(
        "navigation",
        id="eu-page-tools",
        why="a page's tools, table of contents, blog platform credit or 'follow us' link",
        starts=(
            r"((rezept|artikel|seite|beitrag) (drucken|speichern|merken|teilen)|(bloggen|"
            r"blog) auf wordpress\.com|(erstelle|erstellen sie) .{0,40}wordpress\.com|"
            r"powered by wordpress|bereitgestellt von wordpress|proudly powered by .{1,30}|"
            r"nos siga( no| nas redes)?|síguenos( en \w+)?|suivez-nous( sur \w+)?|"
            r"(folge|folgen sie|folgt) uns( auf( \w+)?)?|seguici( su \w+)?|obserwuj nas( na \w+)?|"
            r"volg ons( op \w+)?)[.:!]?$",
        ),
        max_words=14,
    ),
    Rule(
        "newsletter",
        id="eu-account-notice",
        why="a site's notice to a reader who signed up, ordered or logged in ('Vielen Dank für "
        "Ihre Registrierung', 'Ihr Benutzerkonto ist aktiviert', 'Thanks for signing up')",
        starts=(
            r"(vielen |herzlichen )?dank(e)? für (ihre|deine) (registrierung|anmeldung|"
            r"bestellung)\b",
            r"(ihr|dein) (benutzerkonto|konto|zugang) (ist|wurde) (jetzt )?(aktiviert|"
            r"freigeschaltet)",
            r"sie haben jetzt (unbeschränkten|vollen|uneingeschränkten) zugang\b",
            r"(thank you|thanks) for (registering|signing up|subscribing|your (order|"
            r"subscription|registration))\b",
            r"merci (pour|de) votre (inscription|abonnement|commande)\b",
            r"gracias por (registrarte|suscribirte|tu (suscripción|registro|compra))\b",
        ),
        anywhere=(r"wir wünschen ihnen (viel |eine )?(lesevergnügen|gute lektüre|spass|spaß)",),
        max_words=30,
    ),
    Rule(
        "newsletter",
        id="eu-named-newsletter",
        why="a site's named newsletter ('Der Beispiel-Newsletter')",
        starts=(
            r"(der |die |das |unser |unseren |notre |nuestro |our )?([\w.-]{1,30}[ -]){0,2}"
            r"newsletter$",
        ),
        max_words=4,
    ),
    Rule(
        "newsletter",
        id="eu-support-us",
        why="an appeal to support the site with money or a subscription ('Unterstützen Sie "
        "diese Form des Journalismus', 'Jede kleine Spende hilft')",
        starts=(
            r"(wenn ihnen (unser|dieser) (artikel|beitrag) gefallen hat: )?unterstützen sie "
            r"(diese form des journalismus|unsere arbeit|uns)\b",
            r"jede (kleine )?spende hilft",
            r"unterstütze (uns|das projekt|unsere arbeit|[\w.-]{1,30} (bereits )?mit)\b",
            r"(ihr|ihre|dein|deine) (beitrag|spende|unterstützung) hilft,? (uns|unsere)\b",
            r"hazte (miembro|socio|suscriptor|mecenas)\b",
            r"(gefällt|gefallen) (dir|ihnen|euch) unser(e|en)? [\w-]+\? .{0,120}(bezahlschranke|"
            r"paywall|spende|unterstütz)",
            r"(die )?aktuelle ausgabe .{0,60}(im abo\b|als e-?paper|am kiosk|bahnhofskiosk)",
            r"(sie lesen|du liest) gerne? [\w.-]+( [\w.-]+)?\?",
            r".{0,80}\bjetzt \d+ ausgaben (gratis|kostenlos)",
            r".{0,80}\bcancela cuando quieras\b",
        ),
        max_words=40,
    ),
    Rule(
        "cookie-consent",
        id="eu-cookie-we-use",
        why="a cookie notice in the first person ('Wir verwenden Cookies')",
        anywhere=(
            r"korzystamy z (plików )?cookies",
            r"używamy (plików )?cookies",
            r"utilizamos cookies",
            r"usamos cookies",
            r"nous utilisons des cookies",
            r"wir verwenden (technisch notwendige )?cookies",
            r"utilizziamo (i )?cookie",
        ),
        max_words=150,
    ),
    Rule(
        "cookie-consent",
        id="cookie-explained",
        why="a cookie dialog telling the reader what the site's cookies do ('Diese Cookies "
        "sind unbedingt erforderlich, um Ihnen die auf unserer Webseite ...'), or one of its "
        "labels ('Cookie-Einstellungen'), in any language: the word cookie beside a word of "
        "the site, the browser or consent, and, unless the line is a short label, addressed "
        "to the reader",
        anywhere=(
            rf"^(?=.*\bcookies?\b)(?=.*\b{_COOKIE_CONTEXT}\b)(?:(?=.*\b{_READER}\b)|"
            r"(?:\S+\s*){1,6}$)",
        ),
        max_words=60,
    ),
    Rule(
        "loading",
        id="eu-loading",
        why="a placeholder shown while the page loads",
        starts=(
            r"((wird )?geladen|lädt|bitte warten|chargement( en cours)?|cargando|"
            r"caricamento( in corso)?|ładowanie|laden|carregando)(\.\.\.|…)?$",
        ),
    ),
)

#: More of what sites print around articles in those languages, written as sentences or
#: button rows: comment prompts and spam-filter notices, license notes, blog themes' filing
#: lines, share and print buttons, picture tools, the heading over the author's bio.
#: "Next" and "previous" in German, as a link to a neighbouring post opens.
_NEIGHBOUR_DE = "(nächster|vorheriger|voriger|nächste|vorherige|nächstes|vorheriges)"

EUROPEAN_MORE_RULES = (
    Rule(
        "comment-form",
        id="eu-comment-prompt",
        why="a prompt to log in or fill in a form to comment, or a comments heading ('Vos "
        "réactions'), or a spam filter's notice",
        starts=(
            r"vos réactions( \(\d+\))?$",
            r"(les )?commentaires sont fermés",
            r"(valora esta (noticia|nota)|dołącz do dyskusji|para comentar debes "
            r"(registrarte|iniciar sesión))",
            r"(verraten|schreiben|sagen) (sie|du|ihr) (es )?(uns )?(gerne )?in den kommentaren",
        ),
        anywhere=(
            r"(bitte )?(loggen sie sich|melden sie sich an) .{0,30}(kommentieren|kommentar)",
            r"(wenn|um) (sie|du) (diesen|den) (blogeintrag|beitrag|artikel) (zu )?kommentieren",
            r"(verwendet|nutzt) akismet",
            r"przed dodaniem komentarza",
        ),
    ),
    Rule(
        "copyright",
        id="eu-license-note",
        why="the site's license note ('Die Inhalte stehen unter einer Creative-Commons-Lizenz')",
        anywhere=(
            r"(lizenziert|lizensiert|stehen|steht|veröffentlicht|verfügbar) unter (einer|der) "
            r"(creative[- ]commons|cc[- ]by|lizenz cc)",
            r"licensed under (a|the) creative commons",
            r"creative commons (namensnennung|attribution)",
        ),
    ),
    Rule(
        "tags",
        id="eu-filed-under",
        why="a blog theme's line saying where the post was filed and tagged",
        anywhere=(
            r"(dieser|der) (eintrag|beitrag|artikel) wurde .{0,100}(veröffentlicht|abgelegt|"
            r"verschlagwortet)",
            r"(und|,) (verschlagwortet|getaggt) mit\b",
        ),
    ),
    Rule(
        "share-bar",
        id="eu-share-prompt",
        why="a page's share and print buttons ('Sharen mit:', 'Rezept drucken')",
        starts=(
            r"((sharen|teilen|empfehlen) mit|mit freunden teilen|"
            r"(bei|auf) pinterest (speichern|merken|pinnen))\s*:?$",
            r"((dir|ihnen) hat (der|dieser|unser) (artikel|beitrag) gefallen|(der )?artikel "
            r"gefallen)\?.{0,40}teilen",
            r"rezept drucken\b",
            r"hat (ihnen|dir|euch) (der|dieser|unser) (artikel|beitrag) gefallen\?.{0,60}"
            r"(teilen|weiterempfehlen|empfehlen)",
        ),
    ),
    Rule(
        "image-credit",
        id="eu-image-tools",
        why="a picture's buttons ('Zum Vergrößern klicken', 'Bild anzeigen')",
        starts=(
            r"(klicken sie )?zum vergrößern\b",
            r"bild (anzeigen|vergrößern)( bild schließen)?$",
            r"vergrößern\b",
        ),
        anywhere=(r"zum vergrößern (auf das bild )?klicken\.?$",),
        max_words=20,
    ),
    Rule(
        "newsletter",
        id="eu-newsletter-consent",
        why="the consent under a newsletter's sign-up form ('Mit Absenden meiner E-Mail-Adresse "
        "willige ich ein, ...')",
        starts=(
            r"mit (dem )?absenden (meiner|ihrer|deiner|der|des) .{0,60}(willige|erkläre|stimme|"
            r"bin)\b",
            r"ich bin mit der verarbeitung meiner (daten|angaben)",
        ),
        anywhere=(r"(willige|willigen) (ich|sie|du) .{0,40}ein,? .{0,80}newsletter",),
        max_words=150,  # the whole legal text of the consent is often one line
    ),
    Rule(
        "cookie-consent",
        id="eu-embed-consent",
        why="the notice standing in for an embedded post until the reader allows the "
        "connection ('Wir respektieren deine Privatsphäre und stellen deshalb ohne dein "
        "Einverständnis keine Verbindung zu Twitter her')",
        starts=(r"wir respektieren (deine|ihre|eure) privatsphäre",),
        anywhere=(
            r"ohne (dein|ihr|euer) einverständnis keine verbindung",
            r"(klicken sie|klicke) auf den .{0,30}button,? um den inhalt von .{1,60} zu laden",
            # A two-click share button's note: "Wenn Sie diesen Button anklicken, werden
            # persönliche Daten an Facebook übermittelt".
            r"wenn sie (diesen|den) button (anklicken|aktivieren),? werden .{0,40}daten an",
        ),
        max_words=60,
    ),
    Rule(
        "disclaimer",
        id="eu-opinion-disclaimer",
        why="the note that a contribution is its author's opinion, not the newsroom's",
        anywhere=(
            r"gibt (die|ausschließlich die|nur die|allein die) (meinung|ansicht) (des|der) "
            r"(autors|autorin|autoren|verfassers|verfasserin|gastautors|gastautorin)",
            r"(spiegelt|entspricht) nicht (unbedingt |notwendigerweise |zwingend )?(die|der) "
            r"(meinung|position) (der redaktion|des verlags|von [\w.-]+)",
            r"no (refleja|representa) necesariamente (la opinión|el punto de vista|la postura)",
            r"n['’]engage(nt)? que (son auteur|ses auteurs|l['’]auteur|leurs auteurs)",
        ),
        max_words=50,
    ),
    Rule(
        "cookie-consent",
        id="eu-consent-manager",
        why="a consent manager's list of services, each with its switch, purposes, storage "
        "and legal basis ('Switch zum Einwilligen bzw. Ablehnen des Dienstes ...')",
        starts=(
            r"switch zum einwilligen bzw\. ablehnen\b",
            r"(verarbeitungsvorgänge|verarbeitungszwecke|speicherdauer|folgen der "
            r"nichteinwilligung|rechtsgrundlage für die daten(verarbeitung|übermittlung)"
            r"[\w ]*)\s*:",
            r"der datenschutzrechtliche verantwortliche\b",
        ),
        anywhere=(
            r"(datenschutzeinstellungen|privatsphäre-?einstellungen|cookie-?einstellungen) "
            r"(ändern|anpassen|widerrufen)",
        ),
        max_words=150,
    ),
    Rule(
        "author-line",
        id="eu-agency-initials",
        why="the reporter's initials with the news agency, closing a wire story ('aja/PAP', "
        "'(dpa/jk)')",
        starts=(
            r"\(?[a-zäöüß]{2,4}(/[a-zäöüß]{2,4})?/(pap|dpa|afp|ap|efe|kna|epd|apa|ansa|sda|ots)"
            r"\)?\.?$",
            r"\(?(pap|dpa|afp|efe|kna|epd|apa|ansa|sda)/[a-zäöüß]{2,4}\)?\.?$",
        ),
        max_words=2,
    ),
    Rule(
        "related-list",
        id="eu-next-article",
        why="a link to the next or previous article, with its headline or alone ('Nächster "
        "Artikel ...', 'Article suivant ...', 'Older posts')",
        starts=(
            rf"{_NEIGHBOUR_DE} (artikel|beitrag|meldung)\s*:?\s+\S",
            r"(article|billet) (suivant|précédent)\s*:?\s+\S",
            r"(artículo|nota|noticia) (siguiente|anterior)\s*:?\s+\S",
            r"(next|previous|older|newer) (article|post|story|entry)\s+[^:\s]",
            rf"{_NEIGHBOUR_DE} eintrag\b",
            r"(next|previous|older|newer) (articles?|posts?|stor(y|ies)|entry|entries)\s*[»›→]?$",
            r"(vorheriges|nächstes|vorheriger|nächster)( (artikel|beitrag))?\s*$",
            r"(vorheriges|vorheriger|zurück|previous|prev) (weiter|nächstes|next)$",
            r"vorschau auf (den|das) (nächsten?|folgenden?) (artikel|beitrag)$",
            # "Next: Elegantly activating a virtualenv": a headline, no sentence, after "Next:".
            r"(next|up next|read next)\s*:\s+[^.!?]{3,120}$",
        ),
    ),
    Rule(
        "disclaimer",
        id="eu-liability-disclaimer",
        why="a site's notice that it is not liable for what it links to or for the figures given",
        starts=(r"\(?(alle )?angaben ohne gewähr\)?\.?$",),
        anywhere=(
            r"trotz sorgfältiger (inhaltlicher )?kontrolle",
            r"keine haftung für die inhalte externer (links|seiten)",
        ),
        max_words=60,
    ),
    Rule(
        "navigation",
        id="eu-no-events",
        why="an events widget with nothing to show",
        starts=(
            r"(es gibt|zurzeit gibt es|derzeit gibt es) (derzeit |aktuell |zurzeit )?keine "
            r"(bevorstehenden |anstehenden )?(veranstaltungen|termine)",
            r"there are no upcoming events",
        ),
        max_words=14,
    ),
    Rule(
        "share-bar",
        id="eu-join-channel",
        why="an invitation to follow the site on a messaging channel ('¿Ya sabías que tenemos "
        "canal de Telegram? Únete')",
        anywhere=(
            r"tenemos (un )?canal (de|en) (telegram|whatsapp)\b",
            r"^s[ií]guenos en (telegram|whatsapp|instagram|facebook|twitter|tiktok|youtube)\b"
            r".{0,60}\bpara (recibir|enterarte|estar)\b",
        ),
        max_words=40,
    ),
    Rule(
        "author-bio",
        id="eu-author-heading",
        why="the heading over the author's biography",
        starts=(
            r"(über (den autor|die autorin|die autoren)(\s*/\s*(die autorin|den autor))?|"
            r"autoreninfo|autorinfo|zum autor|zur autorin|à propos de l'auteur|sobre el autor|"
            r"o autorze)\s*:?$",
        ),
        max_words=10,
    ),
)

#: Every boilerplate rule, in the order they are tried: the first match names the reason.
BOILERPLATE_RULES: tuple[Rule, ...] = (
    AD_RULES
    + INTERACTION_RULES
    + ARTICLE_EDGE_RULES
    + OTHER_LANGUAGE_RULES
    + EUROPEAN_RULES
    + EUROPEAN_MORE_RULES
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

#: The categories of a photo's caption and credit lines.
CAPTION_CATEGORIES = ("photo-caption", "image-credit")

# --- Metadata lines: bylines, dates, datelines, outlet clues ----------------------------------
# These are matched against the line as written (case matters for names and places).

#: What may sit beside a date on a date line without making it prose.
DATE_LINE_FILLER = re.compile(
    r"\b(published|posted|updated|last updated|modified|first published|created|date|on|at|"
    r"am|pm|a\.m\.|p\.m\.|[ecmp][sd]?t|gmt|utc|bst|ist|cet|cest|et|pt|ct|hrs?|"
    r"\d+ min(ute)?s? read|read time|reading time|min read|uhr|\d+ min(uten)?\.? lesezeit|"
    r"lesezeit|lesedauer|"
    + any_of(WEEKDAYS_EN_SHORT + tuple(day for days in WEEKDAYS.values() for day in days))
    + r"|de|à|às|le|um|publié|publicado|mis à jour|"
    r"actualizado|atualizado|aktualisiert|veröffentlicht)\b|\d{1,2}[:.h]\d\d(:\d\d)?|"
    r"[|•·,:;/()\[\]–—-]",
    re.I,
)

#: Words a date line puts between a name and its date ("Sara Zinnecker Stand: 5. Februar",
#: "Matthieu Hy le 07 Mai"): not part of the name.
NAME_TAIL_FILLER = re.compile(r"(?:\s+(?:stand|le|am|on|el|il|um|du|at))+$", re.I)

#: A date line saying when the article first appeared (more trustworthy than "Updated"), in
#: the languages news pages are most often in: "Published:", "Veröffentlicht am", "Publié le".
_PUBLISHED_WORDS = (
    "published|posted|veröffentlicht|erschienen|publiziert|publié|publiée|publicado|publicada|"
    "pubblicato|opublikowano|gepubliceerd"
)
PUBLISHED_LABEL = re.compile(
    rf"^(?:first )?(?:{_PUBLISHED_WORDS}|publication date|date|created|erstellt)\b", re.I
)
#: The same label just before the date, after a byline: "von Jana Keller, Redaktion
#: Veröffentlicht: 26.12.2022", "By Jane Doe | Published: 23 July 2017".
PUBLISHED_BEFORE_DATE = re.compile(
    rf"\b(?:{_PUBLISHED_WORDS})(?:\s+(?:am|on|le|el|il|op))?\s*:?\s*$", re.I
)
#: A blog theme's sentence under the post saying when it was posted: "This entry was posted
#: on Wednesday, November 27th, 2019 at 3:21 pm and is filed under ...", "Der Beitrag wurde am
#: 27. November 2019 um 15:21 Uhr veröffentlicht und ...". The date is in ``when``.
POSTED_SENTENCE = re.compile(
    r"\b(?:was|were) (?:posted|published|written) on (?P<when>.{6,60}?)(?: and\b|\.\s|\.?$)|"
    r"\bwurde am (?P<wann>.{6,60}?) (?:veröffentlicht|gepostet|geschrieben|publiziert)\b",
    re.I,
)
#: A date line saying when the article was last changed: "Updated", "Letzte Änderung:".
UPDATED_LABEL = re.compile(
    r"\b(?:updated|modified|last changed|aktualisiert|geändert|letzte änderung|zuletzt|"
    r"mis à jour|modifié|actualizado|modificado|aggiornato|zaktualizowano|bijgewerkt)\b",
    re.I,
)

#: "By Jane Doe", "Written by Jane Doe", "Words: Jane Doe".
BYLINE = re.compile(
    r"^(?:post author\s+)?(?:written |reported |story |text |posted |words )?"
    r"(?:by|from|words|author)"
    r"\s*[:|]?\s+(?P<who>\S.*)$",
    re.I,
)

#: A byline anywhere on the page, in the languages news pages are most often in: "Von Heike
#: Buchter", "Text von X", "Gepostet von X | Wohnen", "Par X, le 3 mars", "Por X", "di X",
#: "Przez X", "Autor*in: X", "Redaktion: X". The names are the group ``who`` (labelled, so a
#: single name will do) or ``plain`` (a bare preposition: two names or more are needed).
PAGE_BYLINE = re.compile(
    r"^(?:(?:text|texte|gepostet|veröffentlicht|geschrieben|verfasst|erstellt|eingestellt|"
    r"publiziert|gespeichert|eingetragen|blog beitrag|beitrag|words written|"
    r"posted|written|published|publié|écrit|rédigé|publicado|escrito|scritto|pubblicato|"
    r"opublikowany|napisany|geplaatst|geschreven|ein (?:beitrag|artikel|interview|kommentar|"
    r"gastbeitrag))(?:\s+(?:(?:am|on|le|el|il|op|in)\s+[^|•·]{1,40}?|\d[^|•·]{0,39}?))?"
    r"\s+" + any_of((*BY_WORDS, *BY_WORDS_MORE, "di", "da")) + r"\s*:?\s+(?P<who>\S.*)|"
    r"(?:autor(?:in)?|autor\*in|autor:in|autor/in|author|redaktion|redakteur(?:in)?|text|texte|"
    r"texto|tekst|auteur|autore|autora|redacción|redakcja|verfasser(?:in)?|interview|"
    # "Text & Fotos: X", "Texto y fotos: X"; Chinese "作者：", "记者：", "责任编辑：".
    r"(?:text|texte|texto|tekst) (?:&|und|and|et|y|i) (?:fotos?|bilder|photos?|fotografías)|"
    r"作者|记者|编辑|责任编辑)"
    r"\s*[:：]\s*(?!innen\b)(?P<who2>\S.*)|"
    r"(?:autoren|autorinnen|authors|auteurs|escribe|escrito por)\s+(?P<who3>\S.*)|"
    + any_of((*BY_WORDS, "przez", "di"))
    + r"\s*:?\s+(?P<plain>\S.*))$",
    re.I,
)
#: What a byline or meta line leaves around the names it gave: "von Markus Steinrisser",
#: "Eine Kolumne von Nils Pickert", "Marco Kratzenberg Kommentare", "Yirou Chen Alle Autoren".
AUTHOR_HEAD = re.compile(
    r"^(?:(?:eine?\s+)?(?:artikel|beitrag|kolumne|kommentar|gastbeitrag|interview|text)\s+von\s+|"
    r"(?:von|by|par|por|author|autor|autorin|themenstarter)\s+)(?=\S)",
    re.I,
)
AUTHOR_TAIL = re.compile(
    r"\s+(?:kommentare?|kategorien?|alle autoren|alle beiträge|vom|comments?|foto\b.*)$", re.I
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

#: A link to an author's other posts, under the name in an author box: "View author
#: publications", "Alle Beiträge vom Autor", "Kirjoittajan muut jutut", "Tous ses articles".
#: "More Posts" or "Alle Artikel" alone may be a menu's next item.
AUTHOR_POSTS = re.compile(
    r"^\+ posts$|\b(?:view author (?:publications|profile)|follow author|posts by this author|"
    r"(?:alle|weitere|mehr) (?:beiträge|artikel|posts|texte) vo[nm] (?:de[rm] )?autor(?:in)?|"
    r"mehr vo[nm] (?:de[rm] )?autor(?:in)?|zum autorenprofil|kirjoittajan muut jutut|"
    r"tous ses articles|(?:más|todos los) artículos del autor)\b",
    re.I,
)

#: Where the names of a byline end: a separator, a date or a time (not a login's digits:
#: "freeman1984"), "am"/"on"/"le" before one.
BYLINE_NAME_END = re.compile(
    r"\s*(?:[|(/·•:]|,\s|\s[-–—~]\s|\s(?:am|on|dnia|op|um|at|in|unter|under|dans|"
    r"en|mit|with|avec|con|für|for|pour|para|per|dla|voor|zu|zum|zur)(?:\s|:)|"
    # In lower case only: "Le", "El" and "Il" also begin names ("Loïc Le Clerc").
    r"\s(?-i:le|el|il)\s|(?<!\w)\d|$|"
    r"\s(?:illustration(?:en)?|fotos?|bild(?:er)?|photos?|grafik(?:en)?|mitarbeit|übersetzung|"
    r"traduction|traducción|zdjęcia|veröffentlicht|published|posted|publié|publicado|"
    r"pubblicato|erstellt|aktualisiert|geändert|created|updated|modified)\b).*$",
    re.I,
)

#: A role standing where a name would: "Staff Writer", "Opinion Columnist".
ROLE_WORDS = re.compile(
    r"\b(?:senior |chief |staff |contributing |special |deputy |associate |managing |"
    r"opinion |political |national |foreign |business |[a-z]+ )?" + any_of(STAFF_ROLES) + r"s?\b",
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
    features feature special report reports verlag nachrichten
    verband seminar seminare meldung meldungen kategorie bio bios full
    """
)


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
    r"scritto|text und (?:\w+ )?)\s+)?" + any_of((*BY_WORDS, "di", "de")) + r"\s+(?P<who>\S.*?)"
    r"(?:\s+(?:in|unter|en|dans)\s+\S.*)?$|"
    r"^(?:autor(?:in)?|author|text(?: und \w+)?|texto|tekst|redaktion|redakteur(?:in)?|"
    r"reporter(?:in)?)\s*:\s*(?!innen\b)(?P<who2>\S.*)$",
    re.I,
)
#: What every meta line shows somewhere: a digit, a byline's first word, a comment count's or
#: reading time's word. Lines without any are not read further (most lines are not meta).
META_HINT = re.compile(
    r"\d|^(?:"
    + "|".join((*BY_WORDS, "di", "de"))
    + r"|posted|written|published|veröffentlicht|geschrieben|"
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
    r"publié|posted|erstellt|stand)\s*:?(?:\s+(?:on|am|le|el|il|em))?$|"
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
    + any_of(day for days in WEEKDAYS.values() for day in days)
    + r")\b|[~|/•·,:;()\[\]–—-]",
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
    # An invitation to follow the site: "Besucht uns auf Youtube", "Síguenos en Google News".
    r"^(?:follow|folge|folgt|besuche|besucht|suivez|síguenos|siguenos|seguici|obserwuj|find|"
    r"finde|findet)(?: (?:us|uns|nous|nos|ci|mich|me))? (?:on|auf|bei|sur|en|su|na|in) "
    r"(?:(?:facebook|twitter|x|youtube|instagram|linkedin|tiktok|pinterest|xing|telegram|"
    r"threads|mastodon|google news|whatsapp)\b[\s|,/&.!]*(?:and |und |y |et |or |oder )?)+$|"
    # A caption closing with its credit: "... über der Brücke. Foto: Jana Keller", "(Symbolbild)".
    r"[.!?…]\s+(?:foto|fotos|bild|photo|image|imagen|imagem|quelle|source|credit|crédit|"
    r"crédito|grafik)s?\s*:\s*[^.!?]{1,80}$|\((?:symbolbild|archivbild|symbolfoto|archivfoto)\)$|"
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
    rf"\b{_PRIVACY_DE}\b|"
    # A labelled byline, whoever it names: "Autor: Die Redaktion", "Author: staff".
    r"^(?:autor(?:in)?|author|auteur|autore|verfasser(?:in)?|redakteur(?:in)?|"
    r"kolumnist(?:in|\*in)?|columnist)\s*:|^(?:escribe|escrito por)\s|"
    # A press office sending the text: "Pressestelle des Deutschen Caritasverbandes".
    r"^pressestelle\b|"
    # "Noch keine Kommentare", "Publicado el 11 de mayo", "Ajouter à la playlist", "Ingrese o
    # regístrese …", "¿Quieres estar informado de las últimas noticias?".
    r"^(?:noch )?keine kommentare\b|^no comments yet\b|"
    r"^(?:publicado|publicada|veröffentlicht|published|posted|publié|pubblicato|gepostet)"
    r"(?:\s+(?:el|am|on|le|il)\b|\s*:)|"
    r"\b(?:ajouter à la playlist|add to (?:playlist|my list|watchlist)|zur merkliste)\b|"
    r"\b(?:regístrese|registrese|inicia sesión|iniciar sesión)\b|^¿?quieres estar informado\b|"
    # A job advert's title: "PHP Entwickler (m/w/d)", "Technical Consultant (w/m/d)".
    r"\((?:[mwdfx]|div)(?:\s?/\s?(?:[mwdfx]|div)){1,2}\)|"
    # An imprint's legal line: "Verantwortlich für den Inhalt nach § 55 Abs. 2 RStV".
    r"^verantwortlich (?:für den inhalt|i\.\s?s\.\s?d\.)|"
    r"\bnewsletter\b|\b(?:update|modern|unsupported|outdated) (?:your )?browser\b|"
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
    r"(?:lesen|zum thema|más|mais|la suite)\b|^(?:empfehlen|folgen|follow) (?:sie )?(?:uns|us)\b|"
    # A skip link, a player's or a page's buttons.
    r"^spring(?:e|en)? (?:zum|zur) (?:inhalt|hauptinhalt|navigation|suche)\b|"
    r"^(?:vollbild|fullscreen|save|speichern)$|\b(?:zu favoriten hinzufügen|add to favou?rites)\b|"
    # "Lade einen neueren Browser herunter", "Wenn Sie diesen Button anklicken, werden
    # persönliche Daten an Facebook übertragen", "Mehr von Redaktion lesen".
    r"\b(?:neueren|aktuellen) browser\b|\bwenn sie (?:diesen|den) button\b|"
    r"^mehr von .{1,40} lesen$|"
    # A site's own tagline: "SurfGuards Blog über das Leben in einer Blase", "Das Infoportal
    # der Jägerstiftung", "BeFifty für die Frau im besten Alter".
    r"^(?:\S+\s+)?(?:blog|magazin|magazine|infoportal|portal|webzine|podcast)\s+(?:über|für|"
    r"zum|zur|rund um|for|about|on|of|de|sur|pour)\b|"
    r"^(?:das|der|die|dein|ihr|the|your|ein|eine|a|an|le|la|el)\s+(?:\w+-)?(?:blog|magazin|"
    r"magazine|infoportal|portal|webzine)\b|^\S+ (?:für|for) (?:die|den|the) (?:frau|mann|"
    r"familie|women|men|family)\b|"
    # A rating's count ("1,0 bei 2 Bewertungen"), a share bar's words before others.
    r"\b\d+(?:[.,]\d)? (?:bei|aus|von) \d+ bewertungen\b|"
    r"^(?:(?:whatsapp|teilen|twittern|pinnen|facebook|twitter|e-?mail|drucken|share|tweet)\s+){3}",
    re.I,
)

_LABEL_WORD = re.compile(r"[^\W_]+")


def section_label(text: str) -> bool:
    """Whether the line is only a site's section words (:data:`SECTION_WORDS`), joined by
    a few others and punctuation: "Presse und News >", "Allgemein , news"."""
    words = [word for word in _LABEL_WORD.findall(text.casefold()) if word not in SECTION_GLUE]
    return bool(words) and all(word in SECTION_WORDS for word in words)


def not_title(text: str) -> bool:
    """Whether the line is never a headline: a UI string, a credit or a counter
    (:data:`NOT_TITLE`), a section's label (:func:`section_label`) or a newsroom's role
    naming nobody (:data:`ROLE_ONLY`)."""
    return (
        NOT_TITLE.search(text) is not None
        or section_label(text)
        # "Redaktion", "Staff Reporter"; "Kontakt zur Redaktion" is a menu's link.
        or (len(text.split()) <= 2 and ROLE_ONLY.fullmatch(text.strip()) is not None)
    )


#: A link to another post, closing with its arrow: "Episode 12 – The long way home →". Never
#: the page's own headline, though a post's date may stand under it; the labelled links
#: ("Vorheriger Artikel Neue Bänke im Stadtpark", "Older posts") are the rule
#: ``eu-next-article``'s, whose lines are no headline either.
LINK_ARROW = re.compile(r"\s[→»›]$")

#: A star rating's buttons naming what they rate: "Give Apple Pie 1/5", "Bewerte Apfelkuchen 5/5".
RATING_OF = re.compile(
    any_of(("give", "rate", "bewerte", "note", "valora", "vota"))
    + r"\s+(?P<title>\S.*?)\s+[1-5]/5$",
    re.I,
)

#: A comments section's heading naming the post it follows, as blog themes write it: "3 thoughts
#: on “Title”", "Ein Gedanke zu „Title“", "12 Kommentare zu “Title”", "2 réponses à « Title »".
#: It quotes the post's headline word for word.
COMMENTS_ON = re.compile(
    any_of(
        (r"\d+", "one", "two", "three", "no", "ein", "eine", "zwei", "drei", "keine", "un", "une")
    )
    + r"\s+"
    + any_of(
        (
            r"thoughts? on",
            r"comments? (?:on|to)",
            r"responses? to",
            r"repl(?:y|ies) (?:on|to)",
            r"gedanken? zu",
            r"kommentare? (?:zu|on|for|für)",
            r"antworten? (?:zu|auf)",
            r"reaktion(?:en)? (?:zu|auf)",
            r"commentaires? (?:sur|à)",
            r"réponses? à",
            r"comentarios? (?:en|a|sobre)",
            r"respuestas? a",
        )
    )
    # The headline in quotes, or bare unless the words name the article itself ("zu diesem
    # Beitrag") or open with an article ("10 Antworten auf die wichtigsten Fragen": a
    # listicle's headline, no comments heading).
    + r"\s+(?:[„“\"«‘'‚]\s*(?P<quoted>\S.*?)\s*[“”\"»’'‘]|"
    + r"(?!(?:this|these|the|our|my|die|der|das|diesem|diesen|dem|den|unserem|meinem|ce|cet|"
    + r"cette|este|esta)\b)"
    + r"(?P<bare>[^\s„“\"«‘'‚].*))$",
    re.I,
)


def named_title(text: str) -> str | None:
    """The headline a line names, when it is a comments heading (:data:`COMMENTS_ON`) or a
    star rating's button (:data:`RATING_OF`)."""
    if found := COMMENTS_ON.match(text):
        return found["quoted"] or found["bare"]
    if found := RATING_OF.match(text):
        return found["title"]
    return None


#: A role alone on its line, naming nobody: "Staff Reporter", "By Staff Writer".
ROLE_ONLY = re.compile(
    r"(?:by\s+)?(?:the\s+)?(?:[a-z]+\s+){0,2}"
    + any_of(
        (
            *NEWSROOM_ROLES,
            *("desk", "staff", "team", "bureau", "newsroom"),
            *("redaktion", "rédaction", "redacción", "redazione", "redactie"),
        )
    )
    + r"s?",
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
