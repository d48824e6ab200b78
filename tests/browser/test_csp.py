"""Pages work under the Content-Security-Policy in a real browser.

A policy that blocked the admin's scripts or Swagger UI's would only show in
a browser: Chromium reports every violation on the console, and the
``watched`` fixture fails the test on any console error.
"""

import pytest

from tests.factories import make_editor

pytestmark = pytest.mark.django_db(transaction=True, serialized_rollback=True)


def test_swagger_ui_renders_the_api_under_the_policy(watched):
    make_editor(username="edna")
    watched.log_in("edna")
    response = watched.goto("/api/docs/")
    policy = response.headers["content-security-policy"]
    assert "script-src 'self'" in policy and "unsafe-inline" not in policy
    page = watched.page
    # Swagger UI is drawn by script: its operations appear only if the bundle
    # and the init script (served as a file, ?script) both ran.
    page.locator(".opblock").first.wait_for()
    assert page.locator(".opblock").count() > 20
    assert page.get_by_text("tracker API").first.is_visible()
    watched.shot("swagger-ui", full_page=False)


def test_admin_scripts_run_under_the_policy(watched):
    make_editor(username="edna")
    watched.log_in("edna")
    page = watched.page
    # The source form's alias rows and the sidebar filter are the admin's JavaScript.
    watched.goto("/admin/tracker/source/add/")
    rows = page.locator("tr.dynamic-aliases")
    before = rows.count()
    # inlines.js draws this button; it exists only if the script ran.
    page.locator(".add-row a.addlink").click()
    assert rows.count() == before + 1
    sidebar = page.locator("#nav-sidebar")
    page.fill("#nav-filter", "sourc")
    # nav_sidebar.js hides the models that do not match.
    assert sidebar.get_by_role("link", name="Sources", exact=True).is_visible()
    assert not sidebar.get_by_role("link", name="Claims", exact=True).is_visible()
    watched.shot("source-add")
