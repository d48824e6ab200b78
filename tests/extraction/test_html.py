"""HTML to text: the article's prose, paragraph breaks kept, the page around it dropped."""

from tracker.extraction import html_to_text
from tracker.extraction.html import SIMPLE, TRAFILATURA
from tracker.extraction.html_simple import simple_html_to_text

PAGE = """<!doctype html>
<html><head><title>Strike kills 35 | Example News</title>
<style>p { color: red }</style>
<script>var story = "<p>not this</p>"; if (a < b) { alert("x") }</script>
</head>
<body>
<nav><a href="/">Home</a> | <a href="/world">World</a></nav>
<header><h1>Strike kills 35</h1></header>
<p>At least 35 civilians were killed &amp; dozens hurt, the ministry said.</p>
<p>"We are investigating,"<br>a spokesman said.</p>
<figure><img src="x.jpg"><figcaption>A soldier runs on 10 May 2018.</figcaption></figure>
<aside>Related: Syria thwarts Israeli strike on Quneitra</aside>
<noscript>Enable JavaScript</noscript>
<footer>Copyright</footer>
</body></html>"""


def test_prose_is_kept_and_markup_dropped():
    page = html_to_text(PAGE)
    assert page.title == "Strike kills 35 | Example News"
    assert page.extractor == TRAFILATURA
    # The headline in the page header is the title's, not the story's; <br> breaks a line only.
    assert page.text == (
        "At least 35 civilians were killed & dozens hurt, the ministry said.\n\n"
        '"We are investigating,"\na spokesman said.'
    )


def test_scripts_and_styles_never_leak():
    text = html_to_text(PAGE).text
    for leaked in (
        "alert",
        "not this",
        "color",
        "Home",
        "Quneitra",
        "soldier",
        "JavaScript",
        "Copyright",
    ):
        assert leaked not in text


STORY = "".join(
    f"<p>The ministry said {n} people were killed in the strike on the market, "
    f"and that rescue teams were still searching the rubble of the {n}th house.</p>"
    for n in range(4, 10)
)


def _card(n: int) -> str:
    return (
        f'<article class="card"><a href="/story-{n}"><img src="t{n}.jpg"><h3>Teaser {n} headline'
        f"</h3></a><p>Short related story {n}.</p></article>"
    )


def test_the_story_not_the_teaser_cards_around_it():
    page = (
        "<html><head><title>Strike</title></head><body><main>"
        f'<article class="story"><h1>Strike</h1>{STORY}</article>'
        f'<section class="more"><h2>More on this story</h2>{"".join(map(_card, range(6)))}'
        "</section></main></body></html>"
    )
    text = html_to_text(page).text
    assert "Teaser" not in text and "related story" not in text
    assert text.startswith("Strike\n\nThe ministry said 4 people")
    assert text.count("\n\n") == 6  # the headline and six paragraphs


def test_what_trafilatura_will_not_read_falls_back_to_the_simple_reader():
    page = html_to_text("<p>Unclosed <b>bold <script>never closed")
    assert (page.text, page.extractor) == ("Unclosed bold", SIMPLE)
    assert simple_html_to_text("<p>Unclosed <b>bold").text == "Unclosed bold"


def test_broken_html_is_best_effort():
    assert html_to_text("<p>Unclosed <b>bold <script>never closed").text == "Unclosed bold"
    assert html_to_text("").text == ""
    html_to_text("<<<>>>&&&;; <a <b <!-- unclosed comment")  # no exception
    assert html_to_text("</p></div>Plain text").text == "Plain text"


def test_entities_and_whitespace():
    page = html_to_text("<p>Caf&eacute;&nbsp;owner   said\n\n  so.</p><p>Next</p>")
    assert page.text == "Café owner said so.\n\nNext"


def test_the_version_recorded_with_captures_fits_its_column():
    from tracker.extraction import HTML_TO_TEXT_VERSION
    from tracker.models import Capture

    limit = Capture._meta.get_field("html_extractor_version").max_length
    assert (
        HTML_TO_TEXT_VERSION.startswith("html-2 trafilatura-")
        and len(HTML_TO_TEXT_VERSION) <= limit
    )


def test_a_short_page_keeps_its_menus_out_too():
    # trafilatura's fallback for little text would keep the <nav>; it is dropped first.
    page = html_to_text(
        "<html><body><nav>Home | World</nav><p>Dozens of fighters were killed, monitors "
        "said.</p><footer>About us</footer></body></html>"
    )
    assert page.text == "Dozens of fighters were killed, monitors said."
