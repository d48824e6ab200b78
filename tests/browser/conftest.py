"""Real Chromium against a live server: the fixtures the journeys share.

Chromium is Debian's package at /usr/bin/chromium (``scripts/test`` installs
it when missing and it can), driven by Playwright's Python package. Without
it the journeys FAIL with a message saying how to get it: a journey that is
silently skipped proves nothing.

Every page a journey opens is watched: a console error (a script that
failed, a Content-Security-Policy violation) or an uncaught exception fails
the test. Screenshots of the key pages go to ``artifacts/screenshots/``.
"""

import os
import re
from collections.abc import Iterator
from pathlib import Path

import pytest

from tests.roles import restore_roles

# Playwright's sync API runs an asyncio event loop in this thread, and Django
# refuses ORM calls from a thread with a running loop ("async unsafe"). The
# fixtures and assertions here query the database from that thread, while
# the live server answers from its own; nothing here is async.
os.environ.setdefault("DJANGO_ALLOW_ASYNC_UNSAFE", "true")

CHROMIUM = os.environ.get("TRACKER_CHROMIUM", "/usr/bin/chromium")
# Without the background-networking switches Chromium dials out at start-up
# (component updates, safe browsing), which a closed network refuses.
CHROMIUM_ARGS = [
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
]
SCREENSHOTS = Path(__file__).resolve().parents[2] / "artifacts" / "screenshots"
PASSWORD = "correct horse battery staple"


@pytest.fixture(scope="session")
def browser():
    if not (os.path.isfile(CHROMIUM) and os.access(CHROMIUM, os.X_OK)):
        pytest.fail(
            f"Chromium is not installed at {CHROMIUM}, so the browser journeys cannot run. "
            "Install Debian's package (apt-get install -y chromium; scripts/test does this "
            "when it runs as root) or point TRACKER_CHROMIUM at a Chromium binary.",
            pytrace=False,
        )
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        chromium = playwright.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
        yield chromium
        chromium.close()


class Watched:
    """A page, the problems seen on it, and numbered screenshots of it."""

    def __init__(self, page, base_url: str, journey: str):
        self.page = page
        self.base_url = base_url
        self.journey = journey
        self.problems: list[str] = []
        # URLs a journey expects to fail to load (a 403 it provokes on purpose).
        self.expected_failures: set[str] = set()
        self.shots = 0
        page.on("console", self._console)
        page.on("pageerror", lambda error: self.problems.append(f"uncaught: {error}"))
        page.on("response", self._response)
        # No page of ours opens a dialog: one means a script from the data ran.
        page.on("dialog", self._dialog)

    def _response(self, response) -> None:
        # Names the URL that failed, which the console's message leaves out.
        url = response.url
        expected = url in self.expected_failures or url.endswith("/favicon.ico")
        if response.status >= 400 and not expected:
            self.problems.append(f"{response.status} for {url}")

    def _dialog(self, dialog) -> None:
        self.problems.append(f"a {dialog.type} opened on {self.page.url}: {dialog.message}")
        dialog.dismiss()

    def _console(self, message) -> None:
        if message.type != "error":
            return
        # Chromium asks every site for /favicon.ico; the admin has none to give.
        url = message.location.get("url", "")
        if url.endswith("/favicon.ico") or url in self.expected_failures:
            return
        self.problems.append(f"console error on {self.page.url}: {message.text}")

    def url(self, path: str) -> str:
        return f"{self.base_url}{path}"

    def goto(self, path: str, *, expect_failure: bool = False):
        if expect_failure:
            self.expected_failures.add(self.url(path))
        return self.page.goto(self.url(path))

    def shot(self, name: str, *, full_page: bool = True) -> Path:
        self.shots += 1
        path = SCREENSHOTS / f"{self.journey}-{self.shots:02d}-{name}.png"
        self.page.screenshot(path=str(path), full_page=full_page)
        return path

    def log_in(self, username: str, password: str = PASSWORD) -> None:
        self.goto("/admin/")
        # Anonymous: the admin sends everyone to its login page first.
        assert re.search(r"/admin/login/", self.page.url), self.page.url
        self.page.fill("#id_username", username)
        self.page.fill("#id_password", password)
        self.page.click("input[type=submit]")
        self.page.wait_for_url(re.compile(r"/admin/$"))


@pytest.fixture
def watched(browser, live_server, request) -> Iterator[Watched]:
    """A fresh browser context (no cookies) and page for one journey."""
    SCREENSHOTS.mkdir(parents=True, exist_ok=True)
    journey = request.node.name.removeprefix("test_").replace("[", "-").rstrip("]")
    for old in SCREENSHOTS.glob(f"{journey}-*.png"):
        old.unlink()
    restore_roles()
    context = browser.new_context(viewport={"width": 1280, "height": 900})
    page = context.new_page()
    page.set_default_timeout(15_000)
    watched = Watched(page, live_server.url, journey)
    try:
        yield watched
    finally:
        context.close()
    assert not watched.problems, "\n".join(watched.problems)
