"""The cleaner's tunables."""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class CleanOptions:
    """The cleaner's tunables, with their defaults in one place."""

    # jusText's context-free thresholds (characters, stop-word densities). Its defaults are
    # tuned for HTML blocks; a line of page text is often shorter, so the low bar is lower.
    length_low: int = 50
    length_high: int = 200
    stopwords_low: float = 0.30
    stopwords_high: float = 0.32
    max_heading_distance: int = 200
    # Stop-word density (in the page's long lines) under which a stoplist is judged wrong.
    stoplist_min_density: float = 0.12
    # The article run, a maximum-sum segment. A jusText-good line weighs its length; others:
    neargood_weight: float = 1.0  # text-like alone, dropped for its neighbours: per char
    bad_cap: int = 80  # boilerplate weighs minus its length up to this...
    bad_base: float = 10.0  # ...plus this, so that a menu of short items adds up
    short_good_factor: float = 0.5  # short lines jusText let in beside text: half as bad
    end_penalty: float = 200.0  # a line that usually closes the article ("Related")
    # A run of text right under an article's headline and byline or date counts this much
    # more than another (a sidebar, a sign-up form) when the two compete.
    header_bonus: float = 300.0
    # Good text needed above a comments/footer line before it is taken as the article's end.
    barrier_min_chars: int = 300
    # How many lines before the article are searched for the title, byline and date.
    header_window: int = 14
    # How far above the run a recipe's ingredients heading is looked for.
    ingredients_reach: int = 80
    # How many leading lines of the article may still be header (byline, date, caption...).
    header_inside: int = 8
    # How far above the window a headline with a byline or date under it is still looked for.
    title_reach: int = 60
    # A date this near the top of the page, before the title, is the site's header date.
    header_date_lines: int = 4
    # Under a "Sponsored content" header: at most this many teasers, each this short.
    teaser_lines: int = 6
    teaser_max_words: int = 20
    # Lines from the article's end searched for the author's bio ("Jane Doe covers...").
    bio_lines: int = 4
    bio_max_words: int = 90
    # A line of the outlet's template recurs in at least this many of its other articles.
    template_min_count: int = 2
    # Inside the article a recurring line this long is more likely reused prose (a wire
    # paragraph the reuse finder must see) than template, so it is kept.
    template_max_words: int = 25
    # A line of at least this many words standing on this many lines of the page is a
    # repeated caption or notice; shorter ones ("Reply", "Share") are menus and tools.
    repeated_line: int = 3
    repeated_line_words: int = 5
    # An event's box of facts closing the article, before its share buttons: this many lines
    # at most and at least, this share of them with a number.
    fact_box_lines: int = 20
    fact_box_min_lines: int = 4
    fact_box_digits: float = 0.3
    # A paragraph of prose above the article run is the article's (a standfirst, an opening
    # paragraph cut off by a box of links) unless more than this many lines that are no text
    # stand between them: then it is a sidebar's.
    prose_before_gap: int = 80
    # The items of a numbered list the article goes on into stand at most this many lines
    # apart (a sentence, a price and a link between them).
    list_item_lines: int = 6
    # Dated teasers of a list stand at most this many lines apart.
    teaser_gap: int = 8
    # The title: how many lines of the article its words are looked for in, what a title all
    # of whose words come back there gains, the share under which a title is doubted and the
    # share a headline further up needs to be taken instead, and the words a headline seldom
    # runs past (standfirsts and captions do).
    title_body_lines: int = 30
    title_overlap_weight: float = 6.0
    title_weak_overlap: float = 0.3
    title_strong_overlap: float = 0.75
    title_long_words: int = 18
    # A title this long, right under a shorter headline, is the headline's deck.
    title_deck_words: int = 12
    # A standfirst this long (or of two sentences), closing as a sentence does, is the
    # article's lead paragraph: it stays in the text as well as being the description.
    lead_paragraph_words: int = 22
    # Languages whose news sets every standfirst as a deck under the headline, never as the
    # text's first paragraph.
    deck_languages: tuple[str, ...] = ("en",)
    # Of two headline-like lines of at least this many words standing alone together, the
    # upper one gains this much: a headline over its deck.
    title_pair_words: int = 4
    title_over_deck_bonus: float = 3.0
    # A headline right under the date line ("12.03.2024 | Press office" over it) gains this
    # much: less than one over the byline or date, more than its deck under it.
    title_under_meta_bonus: float = 4.0
    # A line none of whose words come back in the article loses this much (a tagline).
    title_unrelated_penalty: float = 2.0
    # A line repeated on the page counts as the headline named again from this many words
    # on; a shorter one is as often a menu's item, repeated in the header and the footer.
    title_echo_words: int = 4
    # A headline over its byline or date may stand under this many words taken for prose (a
    # stray sentence, a standfirst), no more.
    title_prose_above: int = 150


DEFAULT_OPTIONS = CleanOptions()
