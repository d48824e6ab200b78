"""HTML to text: the visible prose, paragraph breaks kept, everything else dropped."""

from tracker.extraction import html_to_text

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
    assert page.text == (
        "Strike kills 35\n\n"
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


def test_the_longest_article_is_the_story():
    story = "<p>" + "The ministry said 12 people were killed in the strike. " * 6 + "</p>"
    page = (
        "<body><article><h2>Teaser</h2><p>Short related story.</p></article>"
        f"<article>{story}</article><article><p>Another teaser.</p></article></body>"
    )
    text = html_to_text(page).text
    assert "Teaser" not in text and "Another" not in text
    assert text.startswith("The ministry said")


def test_broken_html_is_best_effort():
    assert html_to_text("<p>Unclosed <b>bold <script>never closed").text == "Unclosed bold"
    assert html_to_text("").text == ""
    html_to_text("<<<>>>&&&;; <a <b <!-- unclosed comment")  # no exception
    assert html_to_text("</p></div>Plain text").text == "Plain text"


def test_entities_and_whitespace():
    page = html_to_text("<p>Caf&eacute;&nbsp;owner   said\n\n  so.</p><p>Next</p>")
    assert page.text == "Café owner said so.\n\nNext"
