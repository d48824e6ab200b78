# ruff: noqa: E501 -- page markup and furniture text read best on one line.
"""Write the HTML comparison set: one NAME.html page and its NAME.txt article text.

    .venv/bin/python bench/html_pages/build.py

The stories are in articles.py. Each is laid out by one of the page layouts
below, in turn, with the furniture real news pages carry around a story:
navigation and mega-menus, breadcrumbs, bylines and datelines, photo
captions, standfirsts, share buttons, inline "Read more" links, newsletter
promotions, advertisements, related-story teasers (as cards, lists, or
<article> elements of their own), most-read lists, cookie banners, comments
and footers. The layouts span modern tagged pages (<article>, <main>,
<figure>), older div-only pages, 1990s table layouts and paragraphs split with
<br>. The expected text (NAME.txt) is the story's paragraphs and
subheadings, one blank line between them; the headline, standfirst, byline,
date and caption are not part of it (tracker keeps the title apart).
The furniture is chosen deterministically, so rebuilding gives the same
files.
"""

from __future__ import annotations

import html
import random
import sys
from collections.abc import Callable
from datetime import date
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))

from articles import ARTICLES, Article  # noqa: E402

OUTLETS = ("The Levant Ledger", "Daily Frontier", "Gulf Wire", "Horn Observer", "Meridian News")
SECTIONS = (
    "Home",
    "World",
    "Middle East",
    "Africa",
    "Europe",
    "Politics",
    "Business",
    "Opinion",
    "Sport",
    "Culture",
    "Video",
    "Podcasts",
)
COMMENTS = (
    (
        "abu_yusuf",
        "This is the third time this month. When will anyone be held responsible for what is happening to ordinary people there?",
    ),
    (
        "M. Green",
        "Your reporter repeats the ministry's figures without question. Where is the independent confirmation?",
    ),
    (
        "reader1984",
        "Thank you for covering this when nobody else does. My cousin lives twenty minutes from there and says the situation is much worse than described.",
    ),
    (
        "Hassan K.",
        "Both sides lie about numbers, always have. The only people who know are the families.",
    ),
    (
        "northern_light",
        "Why is there no map? I have no idea where this is relative to the front line.",
    ),
    ("S. Okafor", "The international community issues statements and nothing changes. Shameful."),
    (
        "tariq_b",
        "Correction: the road mentioned is not the main highway, it is the old road through the villages.",
    ),
    (
        "Janet W",
        "Heartbreaking. Is there a charity working on the ground that readers can support?",
    ),
)
COOKIE_TEXTS = (
    "We use cookies and similar technologies to improve your experience, measure our audience and show you personalised advertising. You can change your choices at any time in the privacy settings.",
    "This website stores cookies on your device. These cookies are used to collect information about how you interact with our website and allow us to remember you. To find out more, see our cookie policy.",
    "By continuing to browse this site you agree to our use of cookies for analytics, personalised content and advertising, as described in our privacy notice.",
)
NEWSLETTERS = (
    "Sign up for our Middle East briefing: the day's most important stories from the region, in your inbox every morning.",
    "Get the Africa Dispatch newsletter, with our correspondents' reporting from across the continent, every Friday.",
)


def esc(text: str) -> str:
    return html.escape(text, quote=True)


def body_paragraphs(article: Article, *, sub: str = "h2", para: str = "p") -> list[str]:
    out = []
    for paragraph in article.paragraphs:
        if paragraph.startswith("## "):
            out.append(f"<{sub}>{esc(paragraph[3:])}</{sub}>")
        else:
            out.append(f"<{para}>{esc(paragraph)}</{para}>")
    return out


def expected_text(article: Article) -> str:
    return "\n\n".join(p.removeprefix("## ") for p in article.paragraphs) + "\n"


class Furniture:
    """What one page puts around its story, drawn from the other stories and the pools."""

    def __init__(self, article: Article, index: int) -> None:
        self.rng = random.Random(index)
        self.outlet = OUTLETS[index % len(OUTLETS)]
        others = [a for a in ARTICLES if a.slug != article.slug]
        self.rng.shuffle(others)
        self.others = others
        self.comments = self.rng.sample(COMMENTS, 4)
        self.cookie = COOKIE_TEXTS[index % len(COOKIE_TEXTS)]
        self.newsletter = NEWSLETTERS[index % len(NEWSLETTERS)]
        self.when = date.fromisoformat(article.date)

    def teasers(self, n: int, start: int = 0) -> list[Article]:
        return self.others[start : start + n]

    def teaser_summary(self, other: Article) -> str:
        # A teaser's summary is the first sentence of its story: prose, like the story's own.
        return other.standfirst or other.paragraphs[0].split(". ")[0].rstrip(".") + "."

    def nav(self) -> str:
        return "".join(
            f'<li><a href="/{s.lower().replace(" ", "-")}">{s}</a></li>' for s in SECTIONS
        )


def modern_semantic(a: Article, f: Furniture) -> str:
    related = "".join(f'<li><a href="/{t.slug}">{esc(t.headline)}</a></li>' for t in f.teasers(4))
    figure = (
        f'<figure><img src="/img/{a.slug}.jpg" alt=""><figcaption>{esc(a.caption)} Photo: Staff</figcaption></figure>'
        if a.caption
        else ""
    )
    standfirst = f'<p class="standfirst">{esc(a.standfirst)}</p>' if a.standfirst else ""
    return f"""<!DOCTYPE html>
<html lang="en"><head><meta charset="utf-8"><title>{esc(a.headline)} | {f.outlet}</title>
<link rel="stylesheet" href="/static/site.css"><script src="/static/app.js" defer></script></head>
<body>
<header class="site-header"><a class="logo" href="/">{f.outlet}</a><nav aria-label="Sections"><ul>{f.nav()}</ul></nav>
<form role="search"><input name="q" placeholder="Search"><button>Search</button></form></header>
<main id="content">
<article class="story">
<h1>{esc(a.headline)}</h1>
{standfirst}
<p class="byline">By <a href="/authors/{a.byline.lower().replace(" ", "-")}">{esc(a.byline)}</a> · <time datetime="{a.date}">{f.when:%d %B %Y}</time></p>
{figure}
{chr(10).join(body_paragraphs(a))}
<ul class="share"><li><a href="#">Facebook</a></li><li><a href="#">X</a></li><li><a href="#">WhatsApp</a></li><li><a href="#">Email</a></li></ul>
</article>
<aside class="related"><h2>Related stories</h2><ul>{related}</ul></aside>
</main>
<footer><p>© 2026 {f.outlet}. All rights reserved.</p><ul><li><a href="/about">About us</a></li><li><a href="/privacy">Privacy</a></li><li><a href="/terms">Terms</a></li></ul></footer>
<div class="cookie-banner" id="cookies"><p>{esc(f.cookie)}</p><button>Accept all</button><button>Manage choices</button></div>
</body></html>
"""


def teaser_cards(a: Article, f: Furniture) -> str:
    cards = "".join(
        f'<article class="card"><a href="/{t.slug}"><img src="/img/{t.slug}-thumb.jpg" alt=""><h3>{esc(t.headline)}</h3></a><p>{esc(f.teaser_summary(t))}</p></article>'
        for t in f.teasers(6)
    )
    most_read = "".join(
        f"<li><a href='/{t.slug}'>{esc(t.headline)}</a></li>" for t in f.teasers(5, 6)
    )
    figure = (
        f'<figure class="lead"><picture><img src="/img/{a.slug}.jpg" alt="{esc(a.caption)}"></picture><figcaption>{esc(a.caption)}</figcaption></figure>'
        if a.caption
        else ""
    )
    return f"""<!doctype html>
<html><head><meta charset="utf-8"><meta property="og:title" content="{esc(a.headline)}"><title>{esc(a.headline)} - {f.outlet}</title></head>
<body class="article-page">
<div class="top-bar"><a href="/">{f.outlet}</a> <a href="/subscribe">Subscribe</a> <a href="/login">Sign in</a></div>
<nav class="main-nav"><ul>{f.nav()}</ul></nav>
<div class="layout">
<main>
<article class="story-main" itemscope itemtype="https://schema.org/NewsArticle">
<header><p class="kicker">Conflict</p><h1 itemprop="headline">{esc(a.headline)}</h1>
<div class="meta"><span class="author" itemprop="author">{esc(a.byline)}</span><span class="date">Published {f.when:%d %b %Y}</span></div></header>
{figure}
<div class="story-body" itemprop="articleBody">
{chr(10).join(body_paragraphs(a))}
</div>
</article>
<section class="more"><h2>More on this story</h2>{cards}</section>
</main>
<div class="rail"><h2>Most read</h2><ol>{most_read}</ol></div>
</div>
<div class="footer"><p>{f.outlet} is not responsible for the content of external sites.</p></div>
</body></html>
"""


def div_soup(a: Article, f: Furniture) -> str:
    related = "".join(
        f'<div class="rel-item"><a href="/{t.slug}">{esc(t.headline)}</a></div>'
        for t in f.teasers(3)
    )
    comments = "".join(
        f'<div class="comment"><div class="c-author">{esc(name)}</div><div class="c-time">2 hours ago</div><div class="c-text">{esc(text)}</div><div class="c-actions"><a href="#">Reply</a> <a href="#">Report</a></div></div>'
        for name, text in f.comments
    )
    caption = (
        f'<div class="photo"><img src="/img/{a.slug}.jpg"><div class="photo-caption">{esc(a.caption)}</div></div>'
        if a.caption
        else ""
    )
    paras = "\n".join(
        f'<div class="subhead">{esc(p[3:])}</div>'
        if p.startswith("## ")
        else f'<div class="para">{esc(p)}</div>'
        for p in a.paragraphs
    )
    return f"""<html><head><title>{esc(a.headline)}</title></head>
<body>
<div id="header"><div id="logo"><a href="/">{f.outlet}</a></div>
<div id="menu"><ul>{f.nav()}</ul></div></div>
<div id="breadcrumb"><a href="/">Home</a> &gt; <a href="/world">World</a> &gt; <a href="/world/middle-east">Middle East</a></div>
<div id="wrapper">
<div id="story">
<div class="headline">{esc(a.headline)}</div>
<div class="author-line">{esc(a.byline)} | {f.when:%B %d, %Y}</div>
{caption}
<div class="story-text">
{paras}
</div>
<div class="related-box"><div class="related-title">Related</div>{related}</div>
<div id="comments"><div class="comments-title">Comments ({len(f.comments)})</div>{comments}</div>
</div>
</div>
<div id="footer">Copyright 2026 {f.outlet}. Contact | Advertise | Privacy</div>
<div id="cookie-notice"><div class="cookie-text">{esc(f.cookie)}</div><a href="#" class="ok">OK</a></div>
</body></html>
"""


def table_1990s(a: Article, f: Furniture) -> str:
    left = "<br>".join(
        f'<a href="/{s.lower()}.html"><font size="2">{s}</font></a>' for s in SECTIONS[:8]
    )
    latest = "".join(
        f'<p><a href="/{t.slug}.html"><b>{esc(t.headline)}</b></a><br><font size="1">{esc(f.teaser_summary(t))}</font></p>'
        for t in f.teasers(3)
    )
    text = "<br><br>\n".join(
        f"<b>{esc(p[3:])}</b>" if p.startswith("## ") else esc(p) for p in a.paragraphs
    )
    caption = (
        f'<table align="right" width="200"><tr><td><img src="/photos/{a.slug}.jpg" width="200"><br><font size="1"><i>{esc(a.caption)}</i></font></td></tr></table>'
        if a.caption
        else ""
    )
    return f"""<HTML><HEAD><TITLE>{f.outlet.upper()}: {esc(a.headline)}</TITLE></HEAD>
<BODY BGCOLOR="#FFFFFF">
<TABLE WIDTH="100%" BORDER="0" CELLPADDING="4"><TR><TD COLSPAN="3" BGCOLOR="#003366"><FONT COLOR="#FFFFFF" SIZE="6"><B>{f.outlet}</B></FONT></TD></TR>
<TR><TD WIDTH="120" VALIGN="top" BGCOLOR="#EEEEEE">{left}</TD>
<TD VALIGN="top">
<FONT SIZE="5"><B>{esc(a.headline)}</B></FONT><BR>
<FONT SIZE="2">By {esc(a.byline)}<BR>{f.when:%A, %B %d, %Y}</FONT><P>
{caption}
<FONT FACE="Arial" SIZE="3">
{text}
</FONT>
<P><A HREF="/">Back to front page</A> | <A HREF="/print/{a.slug}.html">Printer-friendly version</A> | <A HREF="/mail/{a.slug}.html">E-mail this story</A>
</TD>
<TD WIDTH="200" VALIGN="top" BGCOLOR="#F5F5DC"><FONT SIZE="3"><B>Latest headlines</B></FONT>{latest}</TD></TR>
<TR><TD COLSPAN="3" ALIGN="center"><FONT SIZE="1">Copyright &copy; 2026 {f.outlet}. All rights reserved. Reproduction without permission prohibited.</FONT></TD></TR>
</TABLE></BODY></HTML>
"""


def br_paragraphs(a: Article, f: Furniture) -> str:
    text = "<br />\n<br />\n".join(
        f"<strong>{esc(p[3:])}</strong>" if p.startswith("## ") else esc(p) for p in a.paragraphs
    )
    side = "".join(
        f'<div class="side-story"><h4><a href="/{t.slug}">{esc(t.headline)}</a></h4><p>{esc(f.teaser_summary(t))}</p></div>'
        for t in f.teasers(4)
    )
    return f"""<!DOCTYPE html PUBLIC "-//W3C//DTD XHTML 1.0 Transitional//EN">
<html xmlns="http://www.w3.org/1999/xhtml"><head><meta http-equiv="Content-Type" content="text/html; charset=utf-8" />
<title>{esc(a.headline)} :: {f.outlet}</title></head>
<body><div id="container">
<div id="masthead"><h1 class="site">{f.outlet}</h1><div class="date">{f.when:%A %d %B %Y}</div></div>
<div id="topnav">{" | ".join(f'<a href="#">{s}</a>' for s in SECTIONS[:7])}</div>
<div id="left">
<h2 class="title">{esc(a.headline)}</h2>
<div class="by">{esc(a.byline)}</div>
<div class="content">{text}</div>
<div class="tools"><a href="#">Print</a> <a href="#">Email</a> <a href="#">Share</a></div>
</div>
<div id="right"><h3>Other news</h3>{side}</div>
<div id="bottom">{f.outlet} &copy; 2026</div>
</div></body></html>
"""


def blog_comments(a: Article, f: Furniture) -> str:
    comments = "".join(
        f'<li class="comment"><article class="comment-body"><footer class="comment-meta"><b class="fn">{esc(name)}</b> <time>{f.when:%B %d, %Y} at 9:{10 + i:02d} am</time></footer><div class="comment-content"><p>{esc(text)}</p></div><div class="reply"><a href="#">Reply</a></div></article></li>'
        for i, (name, text) in enumerate(f.comments)
    )
    widget = "".join(f"<li><a href='/{t.slug}'>{esc(t.headline)}</a></li>" for t in f.teasers(5))
    caption = (
        f'<div class="wp-caption"><img src="/wp-content/uploads/{a.slug}.jpg"><p class="wp-caption-text">{esc(a.caption)}</p></div>'
        if a.caption
        else ""
    )
    return f"""<!DOCTYPE html>
<html lang="en-US"><head><meta charset="UTF-8"><title>{esc(a.headline)} &#8211; {f.outlet}</title>
<script type="application/ld+json">{{"@type": "BlogPosting", "headline": "{esc(a.headline)}"}}</script></head>
<body class="post-template-default single">
<div id="page" class="site"><header id="masthead"><p class="site-title"><a href="/">{f.outlet}</a></p><p class="site-description">Independent reporting from the front lines</p>
<nav id="site-navigation" class="main-navigation"><ul>{f.nav()}</ul></nav></header>
<div id="content" class="site-content"><div id="primary" class="content-area"><main id="main" class="site-main">
<article id="post-{len(a.slug) * 97}" class="post type-post status-publish">
<header class="entry-header"><h1 class="entry-title">{esc(a.headline)}</h1>
<div class="entry-meta">Posted on {f.when:%B %d, %Y} by {esc(a.byline)}</div></header>
<div class="entry-content">
{caption}
{chr(10).join(body_paragraphs(a, sub="h3"))}
</div>
<footer class="entry-footer">Posted in <a href="#">Conflict</a>, <a href="#">News</a> | Tagged <a href="#">casualties</a>, <a href="#">civilians</a></footer>
</article>
<nav class="post-navigation"><a href="/{f.others[0].slug}">Previous post: {esc(f.others[0].headline)}</a> <a href="/{f.others[1].slug}">Next post: {esc(f.others[1].headline)}</a></nav>
<div id="comments" class="comments-area"><h2 class="comments-title">{len(f.comments)} thoughts on &ldquo;{esc(a.headline)}&rdquo;</h2><ol class="comment-list">{comments}</ol>
<div id="respond"><h3>Leave a Reply</h3><form><p>Your email address will not be published.</p><textarea></textarea><input type="submit" value="Post Comment"></form></div></div>
</main></div>
<aside id="secondary" class="widget-area"><section class="widget"><h2 class="widget-title">Recent Posts</h2><ul>{widget}</ul></section></aside>
</div><footer id="colophon"><div class="site-info">Proudly powered by a blog engine</div></footer></div>
</body></html>
"""


def inline_promos(a: Article, f: Furniture) -> str:
    parts = body_paragraphs(a)
    teaser = f.teasers(2)
    inserts = {
        1: f'<div class="ad-slot"><span>Advertisement</span><div id="ad-{a.slug}"></div></div>',
        2: f'<p class="read-more"><strong>Read more:</strong> <a href="/{teaser[0].slug}">{esc(teaser[0].headline)}</a></p>',
        3: f'<div class="newsletter-promo"><h4>Newsletter</h4><p>{esc(f.newsletter)}</p><form><input type="email" placeholder="Your email"><button>Sign up</button></form></div>',
        4: f'<p class="read-more"><strong>Also read:</strong> <a href="/{teaser[1].slug}">{esc(teaser[1].headline)}</a></p>',
    }
    body = []
    for i, part in enumerate(parts):
        body.append(part)
        if i + 1 in inserts and i + 1 < len(parts):
            body.append(inserts[i + 1])
    standfirst = f"<h2 class='standfirst'>{esc(a.standfirst)}</h2>" if a.standfirst else ""
    return f"""<!DOCTYPE html><html><head><meta charset="utf-8"><title>{esc(a.headline)}</title>
<style>.ad-slot {{ min-height: 250px }}</style></head>
<body>
<header><nav><a href="/">{f.outlet}</a><ul>{f.nav()}</ul></nav></header>
<article>
<h1>{esc(a.headline)}</h1>{standfirst}
<div class="byline">{esc(a.byline)}, {f.when:%d.%m.%Y}</div>
{chr(10).join(body)}
<div class="tags">Topics: <a href="#">Conflict</a> <a href="#">Human rights</a></div>
</article>
<footer>{f.outlet} · Privacy · Cookies · Contact</footer>
</body></html>
"""


def section_body(a: Article, f: Furniture) -> str:
    tags = ", ".join(
        f'<a href="/tag/{t}">{t}</a>' for t in ("Conflict", "Civilians", "Middle East")
    )
    caption = (
        f'<div class="image-block"><img src="/i/{a.slug}.webp"><span class="image-caption">{esc(a.caption)}</span><span class="credit">Reuters</span></div>'
        if a.caption
        else ""
    )
    return f"""<!DOCTYPE html><html lang="en"><head><meta charset="utf-8"><title>{esc(a.headline)} | {f.outlet}</title>
<script type="application/ld+json">{{"@context": "https://schema.org", "@type": "NewsArticle", "headline": "{esc(a.headline)}", "datePublished": "{a.date}"}}</script>
<script>window.dataLayer = window.dataLayer || []; dataLayer.push({{"section": "world"}});</script></head>
<body>
<div class="skip"><a href="#main">Skip to content</a></div>
<div class="header"><div class="brand">{f.outlet}</div><ul class="menu">{f.nav()}</ul></div>
<ol class="breadcrumbs"><li><a href="/">Home</a></li><li><a href="/world">World</a></li><li>Story</li></ol>
<div role="main" id="main">
<h1 class="article-title">{esc(a.headline)}</h1>
<div class="article-meta"><span>{esc(a.byline)}</span> <span>{f.when:%d %B %Y}</span> <span>4 min read</span></div>
<ul class="share-buttons"><li>Share</li><li><a href="#">Facebook</a></li><li><a href="#">X</a></li><li><a href="#">Email</a></li></ul>
{caption}
<section class="article-body">
{chr(10).join(body_paragraphs(a, sub="h3"))}
</section>
<div class="article-tags">Tags: {tags}</div>
</div>
<div class="bottom-promos"><h2>You may also like</h2>{"".join(f'<div class="promo"><a href="/{t.slug}">{esc(t.headline)}</a></div>' for t in f.teasers(4))}</div>
<div class="site-footer">© {f.outlet}</div>
</body></html>
"""


def print_minimal(a: Article, f: Furniture) -> str:
    return f"""<html><head><title>{esc(a.headline)} (print version)</title></head>
<body onload="window.print()">
<p><b>{f.outlet}</b></p>
<h1>{esc(a.headline)}</h1>
<p>{esc(a.byline)} — {f.when:%d %B %Y}</p>
{chr(10).join(body_paragraphs(a))}
<hr><p><small>Printed from {f.outlet.lower().replace(" ", "")}.example/{a.slug}</small></p>
</body></html>
"""


def wire_feed(a: Article, f: Furniture) -> str:
    ticker = " • ".join(esc(t.headline) for t in f.teasers(5))
    caption = f'<p class="caption">{esc(a.caption)} (Agency photo)</p>' if a.caption else ""
    return f"""<!DOCTYPE html><html><head><title>{esc(a.headline)} - {f.outlet}</title></head>
<body>
<div class="ticker"><span class="label">BREAKING</span> {ticker}</div>
<div class="wrap">
<div class="masthead"><a href="/">{f.outlet}</a> <span>Wire service</span></div>
<div class="menu">{" ".join(f'<a href="#">{s}</a>' for s in SECTIONS)}</div>
<div class="story">
<h1>{esc(a.headline)}</h1>
<p class="dateline">{f.when:%d/%m/%Y} 14:32 GMT | {esc(a.byline)}</p>
{caption}
{chr(10).join(body_paragraphs(a, sub="h4"))}
<p class="story-end">(c) 2026 {f.outlet}. Not for redistribution.</p>
</div>
<div class="more-news"><h3>More news</h3>{"".join(f'<p><a href="/{t.slug}">{esc(t.headline)}</a> {esc(f.teaser_summary(t))}</p>' for t in f.teasers(3, 5))}</div>
</div></body></html>
"""


def amp_mobile(a: Article, f: Furniture) -> str:
    caption = (
        f'<figure class="hero"><amp-img src="/img/{a.slug}.jpg" width="800" height="450" layout="responsive"></amp-img><figcaption>{esc(a.caption)}</figcaption></figure>'
        if a.caption
        else ""
    )
    carousel = "".join(
        f'<div class="slide"><a href="/{t.slug}.amp">{esc(t.headline)}</a></div>'
        for t in f.teasers(5)
    )
    return f"""<!doctype html><html ⚡ lang="en"><head><meta charset="utf-8"><title>{esc(a.headline)}</title>
<link rel="canonical" href="https://{f.outlet.lower().replace(" ", "")}.example/{a.slug}">
<style amp-custom>body {{ font-family: sans-serif }}</style>
<script async src="https://cdn.ampproject.example/v0.js"></script></head>
<body>
<amp-sidebar id="sidebar" layout="nodisplay"><ul>{f.nav()}</ul></amp-sidebar>
<header class="amp-header"><button on="tap:sidebar.toggle">Menu</button><a href="/">{f.outlet}</a></header>
<main>
<h1>{esc(a.headline)}</h1>
<div class="meta">{esc(a.byline)} · {f.when:%b %d, %Y}</div>
{caption}
{chr(10).join(body_paragraphs(a))}
<amp-ad width="300" height="250" type="network"><div fallback>Advertisement</div></amp-ad>
<h2 class="carousel-title">Read next</h2>
<amp-carousel height="120" layout="fixed-height" type="carousel">{carousel}</amp-carousel>
</main>
<amp-consent id="consent" layout="nodisplay"><div class="consent-ui"><p>{esc(f.cookie)}</p><button on="tap:consent.accept">Accept</button></div></amp-consent>
</body></html>
"""


def portal_heavy(a: Article, f: Furniture) -> str:
    mega = "".join(
        f'<div class="mega-col"><h5>{s}</h5><ul>{"".join(f"<li><a href=#>{s} {n}</a></li>" for n in ("news", "analysis", "video", "in pictures"))}</ul></div>'
        for s in SECTIONS
    )
    right = "".join(
        f'<div class="teaser"><a href="/{t.slug}"><h3>{esc(t.headline)}</h3></a><div class="teaser-text">{esc(f.teaser_summary(t))}</div></div>'
        for t in f.teasers(5)
    )
    paras = "\n".join(
        f"<h3>{esc(p[3:])}</h3>" if p.startswith("## ") else f"<p>{esc(p)}</p>"
        for p in a.paragraphs
    )
    caption = (
        f'<div class="pic"><img src="/p/{a.slug}.jpg"><div class="pic-text">{esc(a.caption)}</div></div>'
        if a.caption
        else ""
    )
    return f"""<!DOCTYPE html><html><head><meta charset="utf-8"><title>{f.outlet} - {esc(a.headline)}</title></head>
<body>
<div id="consent-overlay"><div class="consent-box"><h2>Your privacy</h2><div class="consent-text">{esc(f.cookie)} {esc(COOKIE_TEXTS[0])}</div><a class="btn">I agree</a> <a class="btn">Reject</a></div></div>
<div id="top"><div class="logo">{f.outlet}</div><div class="megamenu">{mega}</div></div>
<div id="page">
<div id="left-col">
<div class="section-label">World</div>
<div class="art-head">{esc(a.headline)}</div>
<div class="art-info">{esc(a.byline)} &middot; {f.when:%d %b %Y, %H:%M} &middot; <a href="#comments">{len(f.comments)} comments</a></div>
{caption}
<div id="content"><div class="text">
{paras}
</div></div>
<div class="social">Share this article: <a href="#">Facebook</a> <a href="#">X</a> <a href="#">Telegram</a></div>
</div>
<div id="right-col"><div class="box-title">Top stories</div>{right}</div>
</div>
<div id="foot"><p>{f.outlet} &copy; 2026. All rights reserved. The views expressed in comments are those of their authors.</p></div>
</body></html>
"""


LAYOUTS: tuple[Callable[[Article, Furniture], str], ...] = (
    modern_semantic,
    teaser_cards,
    div_soup,
    table_1990s,
    br_paragraphs,
    blog_comments,
    inline_promos,
    section_body,
    print_minimal,
    wire_feed,
    amp_mobile,
    portal_heavy,
)


def main() -> None:
    for old in HERE.glob("*.html"):
        old.unlink()
    for old in HERE.glob("*.txt"):
        old.unlink()
    for index, article in enumerate(ARTICLES):
        layout = LAYOUTS[index % len(LAYOUTS)]
        name = f"{index + 1:02d}-{layout.__name__.replace('_', '-')}-{article.slug}"
        page = layout(article, Furniture(article, index))
        (HERE / f"{name}.html").write_text(page, encoding="utf-8")
        (HERE / f"{name}.txt").write_text(expected_text(article), encoding="utf-8")
    print(f"wrote {len(ARTICLES)} pages in {len(LAYOUTS)} layouts to {HERE}")


if __name__ == "__main__":
    main()
