"""HTML extraction: the article body and each metadata value with its source."""

from __future__ import annotations

import json

import trafilatura

from archiver.document import Field
from archiver.html import extract_html

PARAGRAPHS = [
    f"Paragraph {i} about the harbour: the city council met on Tuesday evening to discuss the "
    f"harbour plans, and several residents spoke at length about what the changes would mean "
    f"for their streets, their jobs and the schools nearby in year {2000 + i}."
    for i in range(1, 5)
]


def page(head: str = "", body_top: str = "", html_attrs: str = "") -> str:
    """A small invented news page: ``head`` goes in <head>, ``body_top`` above the article."""
    article = "".join(f"<p>{p}</p>" for p in PARAGRAPHS)
    return (
        f"<!DOCTYPE html><html{html_attrs}><head><meta charset='utf-8'>{head}</head><body>"
        "<nav><a href='/'>Home</a> <a href='/news'>News</a></nav>"
        f"<article>{body_top}{article}</article>"
        "<footer>Copyright 2024 Valley Post. All rights reserved.</footer></body></html>"
    )


def json_ld(data: dict) -> str:
    return f'<script type="application/ld+json">{json.dumps(data)}</script>'


def test_body_paragraphs_are_separated_by_blank_lines():
    result = extract_html(page("<title>Council Weighs Harbour Plan</title>"))
    assert result.text == "\n\n".join(PARAGRAPHS)
    assert result.extractor == "trafilatura"
    assert result.extractor_version == trafilatura.__version__
    assert result.removed == []


def test_site_name_is_stripped_from_the_title_and_becomes_the_outlet():
    head = (
        "<title>Council Weighs Harbour Plan | Valley Post</title>"
        '<meta property="og:site_name" content="Valley Post">'
    )
    metadata = extract_html(page(head)).metadata
    assert metadata["title"] == Field("Council Weighs Harbour Plan", "html-title", 0.7)
    assert metadata["outlet"] == Field("Valley Post", "html-meta", 0.8)


def test_title_suffix_matching_the_host_is_stripped():
    head = (
        "<title>Council Weighs Harbour Plan - ValleyPost.example</title>"
        '<link rel="canonical" href="https://www.valleypost.example/news/harbour-plan">'
    )
    metadata = extract_html(page(head)).metadata
    assert metadata["title"] == Field("Council Weighs Harbour Plan", "html-title", 0.7)
    assert metadata["outlet"] == Field("ValleyPost.example", "html-title", 0.7)
    assert metadata["url"].value == "https://www.valleypost.example/news/harbour-plan"


def test_og_title_wins_when_title_is_decorated_with_more_than_the_site():
    head = (
        "<title>Council Weighs Harbour Plan - Local News - Valley Post</title>"
        '<meta property="og:title" content="Council Weighs Harbour Plan">'
        '<meta property="og:site_name" content="Valley Post">'
    )
    metadata = extract_html(page(head)).metadata
    assert metadata["title"] == Field("Council Weighs Harbour Plan", "html-meta", 0.8)


def test_headline_with_a_dash_is_kept_whole():
    head = (
        "<title>Spider-Man - the real story of the web</title>"
        '<meta property="og:site_name" content="Valley Post">'
    )
    metadata = extract_html(page(head)).metadata
    assert metadata["title"].value == "Spider-Man - the real story of the web"


def test_json_ld_gives_date_authors_and_publisher():
    head = "<title>Council Weighs Harbour Plan</title>" + json_ld(
        {
            "@context": "https://schema.org",
            "@type": "NewsArticle",
            "headline": "Council Weighs Harbour Plan",
            "datePublished": "2024-03-03T08:15:00+01:00",
            "dateModified": "2024-03-05T10:00:00+01:00",
            "author": [
                {"@type": "Person", "name": "By Dana Whitfield"},
                {"@type": "Person", "name": "Lee Park"},
            ],
            "publisher": {"@type": "Organization", "name": "Valley Post"},
            "inLanguage": "en-GB",
        }
    )
    metadata = extract_html(page(head)).metadata
    assert metadata["published"] == Field("2024-03-03T08:15:00+01:00", "json-ld", 0.9)
    assert metadata["author"] == Field("Dana Whitfield; Lee Park", "json-ld", 0.9)
    assert metadata["outlet"] == Field("Valley Post", "json-ld", 0.9)
    assert metadata["language"] == Field("en-GB", "json-ld", 0.9)


def test_json_ld_in_a_graph_and_cdata_is_read():
    graph = json.dumps(
        {
            "@context": "https://schema.org",
            "@graph": [
                {"@type": "WebSite", "name": "Valley Post"},
                {"@type": ["Article"], "headline": "Harbour", "datePublished": "2024-03-03"},
            ],
        }
    )
    head = f'<script type="application/ld+json">//<![CDATA[\n{graph}\n//]]></script>'
    metadata = extract_html(page(head)).metadata
    assert metadata["published"] == Field("2024-03-03", "json-ld", 0.9)
    assert metadata["outlet"] == Field("Valley Post", "json-ld", 0.9)


def test_meta_byline_is_cleaned():
    head = (
        "<title>Council Weighs Harbour Plan</title>"
        '<meta name="author" content="By DANA WHITFIELD, Staff Writer and Lee Park">'
        '<meta property="article:published_time" content="2024-03-03 08:15:00 -0500">'
    )
    metadata = extract_html(page(head)).metadata
    assert metadata["author"] == Field("Dana Whitfield; Lee Park", "html-meta", 0.8)
    assert metadata["published"] == Field("2024-03-03T08:15:00-05:00", "html-meta", 0.8)


def test_byline_in_the_body_is_found_when_the_head_has_none():
    byline = (
        '<div class="comments"><span class="author">Username</span></div>'
        '<p class="byline">Posted by Dana Whitfield on March 3, 2024</p>'
    )
    metadata = extract_html(page("<title>Harbour</title>", byline)).metadata
    assert metadata["author"] == Field("Dana Whitfield", "html-byline", 0.6)


def test_local_time_is_preferred_to_the_same_instant_in_utc():
    head = json_ld(
        {"@context": "https://schema.org", "@type": "NewsArticle", "headline": "Harbour",
         "datePublished": "2017-02-24T01:18:13Z"}
    ) + '<meta property="article:published_time" content="2017-02-23T17:18:13-08:00">'  # fmt: skip
    metadata = extract_html(page(head)).metadata
    assert metadata["published"] == Field("2017-02-23T17:18:13-08:00", "html-meta", 0.8)


def test_relative_canonical_link_is_resolved_and_host_names_the_outlet():
    head = '<title>Council Weighs Harbour Plan</title><link rel="canonical" href="/news/harbour">'
    result = extract_html(page(head, html_attrs=' lang="en_us"'), url="http://valleypost.example/x")
    assert result.metadata["url"] == Field(
        "http://valleypost.example/news/harbour", "html-meta", 0.8
    )
    assert result.metadata["outlet"] == Field("valleypost.example", "url", 0.4)
    assert result.metadata["language"] == Field("en-US", "html-meta", 0.8)


def test_page_without_text_gives_empty_text_but_keeps_metadata():
    html = (
        "<html><head><title>Gallery | Valley Post</title>"
        '<meta property="og:site_name" content="Valley Post"></head>'
        "<body><img src='harbour.jpg'><img src='council.jpg'></body></html>"
    )
    result = extract_html(html)
    assert result.text == ""
    assert result.extractor == "trafilatura"
    assert result.metadata["title"] == Field("Gallery", "html-title", 0.7)


def test_empty_input_gives_empty_text_and_no_metadata():
    for html in ("", "   \n"):
        result = extract_html(html)
        assert result.text == ""
        assert result.metadata == {}
