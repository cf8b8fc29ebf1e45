"""The website widget in a real headless Chromium (Debian's), against the real Rasa server's
socketio channel: ask, read the answer, click quick replies, check the phone layout, and
save screenshots under test-output/."""
import functools
import threading
from http.server import SimpleHTTPRequestHandler, ThreadingHTTPServer
import shutil
from urllib.parse import urlsplit

import pytest

from tests.rasa_servers import PROJECT_ROOT, free_port

pytestmark = pytest.mark.rasa
playwright_api = pytest.importorskip("playwright.sync_api")

WEB = PROJECT_ROOT / "web"
OUTPUT = PROJECT_ROOT / "test-output"
CHROMIUM = shutil.which("chromium") or shutil.which("chromium-browser")
# A name for the page that is not this machine's, though the browser reaches it on loopback.
PUBLIC_HOST = "advisor.test"


@pytest.fixture(scope="module")
def site():
    """web/ served over HTTP on loopback, as `make web` serves it."""
    handler = functools.partial(SimpleHTTPRequestHandler, directory=str(WEB))
    handler.log_message = lambda *args: None
    server = ThreadingHTTPServer(("127.0.0.1", free_port()), handler)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    yield f"http://127.0.0.1:{server.server_port}"
    server.shutdown()


@pytest.fixture(scope="module")
def browser():
    assert CHROMIUM, "chromium is not installed (scripts/system_deps.sh installs it)"
    with playwright_api.sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=CHROMIUM, headless=True, args=[
            "--no-sandbox", f"--host-resolver-rules=MAP {PUBLIC_HOST} 127.0.0.1"])
        yield browser
        browser.close()


def open_widget(browser, site, bot, context=None, **options):
    """The page with the chat open; in `context` (a browser profile: its localStorage) when
    given, else a new one."""
    page = context.new_page() if context else browser.new_page(**options)
    page.goto(f"{site}/index.html?server={bot.url}")
    page.click("#chat-bubble")
    page.wait_for_selector("#chat-panel", state="visible")
    return page


def ask(page, text):
    page.fill("#chat-input", text)
    page.press("#chat-input", "Enter")


def bot_message_containing(page, text, timeout=60_000):
    return page.wait_for_selector(f"#chat-messages .msg.bot:has-text({text!r})",
                                  timeout=timeout)


def test_widget_answers_and_quick_replies_work(browser, site, bot):
    OUTPUT.mkdir(exist_ok=True)
    page = open_widget(browser, site, bot, viewport={"width": 1280, "height": 800})
    ask(page, "tuition at CMU")
    bot_message_containing(page, "$62,260")
    user_bubbles = page.locator("#chat-messages .msg.user")
    assert user_bubbles.last.inner_text().strip() == "tuition at CMU"
    page.screenshot(path=str(OUTPUT / "widget-answer.png"))

    # Quick replies: the greeting's "Help me choose", then a button Rasa sent.
    page.click("#chat-messages .quick-reply:has-text('Help me choose')")
    bot_message_containing(page, "budget per year")
    page.click("#chat-messages .quick-reply:has-text('Under $30k')")
    bot_message_containing(page, "Where do you want to study")
    page.screenshot(path=str(OUTPUT / "widget-quick-replies.png"))
    print(f"\nwidget screenshots: {OUTPUT / 'widget-answer.png'}, "
          f"{OUTPUT / 'widget-quick-replies.png'}")
    page.close()


def test_the_conversation_survives_a_reload_and_a_second_tab_until_started_afresh(
        browser, site, bot):
    profile = browser.new_context(viewport={"width": 1280, "height": 800})
    page = open_widget(browser, site, bot, profile)
    ask(page, "tuition at CMU")
    bot_message_containing(page, "$62,260")

    page.reload()  # the history is drawn again and the context is the server's
    page.click("#chat-bubble")
    page.wait_for_selector("#chat-messages .msg.user:has-text('tuition at CMU')")
    bot_message_containing(page, "$62,260")
    ask(page, "and its graduation rate?")
    bot_message_containing(page, "98%")
    page.screenshot(path=str(OUTPUT / "widget-after-reload.png"))

    tab = open_widget(browser, site, bot, profile)  # a second tab: the same conversation
    tab.wait_for_selector("#chat-messages .msg.bot:has-text('98%')")
    ask(tab, "where is it?")
    bot_message_containing(tab, "Pittsburgh")
    bot_message_containing(page, "Pittsburgh")  # the answer reaches both tabs

    page.click("[aria-label='New conversation']")
    assert page.locator("#chat-messages .msg.user").count() == 0
    ask(page, "and its graduation rate?")  # nothing in focus any more: a list, not CMU
    bot_message_containing(page, "By graduation rate")
    assert "tuition at CMU" not in page.evaluate("localStorage.getItem('ml-advisor-transcript')")
    profile.close()


def test_widget_fills_a_phone_screen_and_closes(browser, site, bot):
    page = open_widget(browser, site, bot, viewport={"width": 375, "height": 667},
                       is_mobile=True, has_touch=True)
    box = page.locator("#chat-panel").bounding_box()
    assert box["width"] >= 370 and box["height"] >= 600
    ask(page, "is UW public?")
    bot_message_containing(page, "public university")
    page.screenshot(path=str(OUTPUT / "widget-phone.png"))
    page.click("[aria-label='Close chat']")
    page.wait_for_selector("#chat-panel", state="hidden")
    page.close()


def test_widget_shows_markup_as_text(browser, site, bot):
    page = open_widget(browser, site, bot)
    bots = page.locator("#chat-messages .msg.bot")
    before = bots.count()
    hostile = "<img src=x onerror=alert(1)> tuition at <b>Hogwarts</b>"
    ask(page, hostile)
    page.wait_for_function(
        f"document.querySelectorAll('#chat-messages .msg.bot').length > {before}",
        timeout=60_000)
    assert page.locator("#chat-messages .msg.user").last.inner_text().strip() == hostile
    assert page.locator("#chat-messages img, #chat-messages b").count() == 0
    page.close()


RANKING = "programs in new york by graduation rate"  # NYU: no graduation rate in the source
COMPARISON = "compare CMU, NYU and UW"


def rich_message(page, selector):
    return page.wait_for_selector(f"#chat-messages .msg.bot.rich {selector}", timeout=60_000)


def column(page, index):
    """The texts of a column of the last table, top to bottom."""
    return page.locator("#chat-messages .msg.rich").last.locator(
        f"tbody tr td:nth-child({index})").all_inner_texts()


def test_a_ranking_is_a_table_sortable_by_a_column_with_unknowns_not_listed(browser, site, bot):
    profile = browser.new_context(viewport={"width": 1280, "height": 800})
    page = open_widget(browser, site, bot, profile)
    ask(page, RANKING)
    rich_message(page, "table.data-table")
    table = page.locator("#chat-messages .msg.rich").last
    headers = table.locator("thead th").all_inner_texts()
    assert [h.strip("↕↑↓ ") for h in headers] == [
        "#", "School", "Tuition/yr", "Graduation rate", "Score", "Source rank", "Location",
        "Public/private"]
    assert column(page, 2) == ["Syracuse University", "Rochester Institute of Technology",
                               "New York University"]
    assert column(page, 4) == ["99%", "90%", "not listed"]  # never 0
    # the table stands in for the text: the numbered lines are not shown as well
    shown_as_text = "#chat-messages .msg.bot:has-text('1. Syracuse University (#3')"
    assert not page.locator(shown_as_text).count()
    assert table.locator(".rich-note").first.inner_text().startswith("NYU: no graduation rate")
    page.wait_for_selector("#chat-messages .quick-reply:has-text('Only public')")

    table.locator("th button:has-text('Tuition/yr')").click()
    assert column(page, 3) == ["$55,784", "$60,438", "$61,310"]
    table.locator("th button:has-text('Graduation rate')").click()
    assert column(page, 4) == ["90%", "99%", "not listed"]  # unknowns last, either way
    table.locator("th button:has-text('Graduation rate')").click()
    assert column(page, 4) == ["99%", "90%", "not listed"]
    assert table.locator("th[aria-sort='descending']").inner_text().startswith("Graduation")
    table.locator(".table-scroll").evaluate("region => { region.scrollLeft = 0; }")
    table.evaluate("message => message.scrollIntoView({block: 'start'})")
    page.screenshot(path=str(OUTPUT / "widget-table.png"))

    page.reload()  # the transcript keeps the table
    page.click("#chat-bubble")
    rich_message(page, "table.data-table")
    assert column(page, 2)[0] == "Syracuse University"
    profile.close()


def test_a_comparison_is_a_column_per_school_with_bars_for_its_figures(browser, site, bot):
    page = open_widget(browser, site, bot, viewport={"width": 1280, "height": 800})
    ask(page, COMPARISON)
    rich_message(page, "table.compare")
    message = page.locator("#chat-messages .msg.rich").last
    assert message.locator("thead th").all_inner_texts()[1:] == [
        "Carnegie Mellon University", "New York University",
        "University of Washington-Seattle Campus"]
    grad_row = message.locator("tbody tr:has(th:text-is('Graduation rate')) td")
    assert grad_row.all_inner_texts() == ["98%", "not listed", "97%"]
    charts = message.locator("figure.chart")
    assert charts.locator("figcaption").all_inner_texts() == ["Tuition/yr", "Graduation rate",
                                                              "Score"]
    grad = charts.nth(1)
    assert grad.locator(".bar-value").all_inner_texts() == ["98%", "not listed", "97%"]
    assert grad.locator(".bar").count() == 2  # no bar for a figure the source does not give
    tuition = charts.nth(0).locator(".bar")
    widths = [tuition.nth(i).evaluate("bar => bar.getBoundingClientRect().width")
              for i in range(3)]
    track = charts.nth(0).locator(".bar-track").first.evaluate(
        "t => t.getBoundingClientRect().width")
    assert widths[0] == pytest.approx(track, abs=1)  # CMU, the dearest: the whole track
    assert widths[2] == pytest.approx(track * 11_524 / 62_260, abs=2)  # UW
    assert message.locator(".rich-note:has-text('Cheapest: University of Washington')").count()
    charts.nth(0).scroll_into_view_if_needed()
    page.screenshot(path=str(OUTPUT / "widget-comparison.png"))
    page.close()


def test_tables_are_readable_on_a_phone(browser, site, bot):
    page = open_widget(browser, site, bot, viewport={"width": 375, "height": 812},
                       is_mobile=True, has_touch=True, reduced_motion="reduce")  # still shots
    ask(page, RANKING)
    rich_message(page, "table.data-table")
    widths = page.evaluate("""() => {
        const region = document.querySelector('.msg.rich .table-scroll');
        const cell = document.querySelector('.msg.rich td');
        return {page: document.documentElement.scrollWidth,
                message: document.querySelector('.msg.rich').getBoundingClientRect().right,
                font: parseFloat(getComputedStyle(cell).fontSize)};
    }""")
    assert widths["page"] <= 375 and widths["message"] <= 375  # the table scrolls inside
    assert widths["font"] >= 12
    page.screenshot(path=str(OUTPUT / "widget-table-phone.png"))
    ask(page, COMPARISON)
    rich_message(page, "figure.chart")
    page.locator("#chat-messages .msg.rich").last.locator("figure.chart").first \
        .scroll_into_view_if_needed()
    assert page.evaluate("document.documentElement.scrollWidth") <= 375
    page.screenshot(path=str(OUTPUT / "widget-comparison-phone.png"))
    print(f"\ntable screenshots: {OUTPUT / 'widget-table.png'}, "
          f"{OUTPUT / 'widget-comparison.png'}, {OUTPUT / 'widget-table-phone.png'}, "
          f"{OUTPUT / 'widget-comparison-phone.png'}")
    page.close()


@pytest.mark.parametrize("page_host, configured, expected", [
    ("127.0.0.1", None, "linked"),              # local development: the link's server
    (PUBLIC_HOST, None, "page"),                # a site: its own host, whatever the link says
    (PUBLIC_HOST, "http://configured.test:5005", "configured"),  # ... or the one it names
])
def test_a_link_chooses_the_server_only_in_local_development(browser, site, page_host,
                                                              configured, expected):
    """A crafted link (?server=) must not point a site's widget at another server."""
    page_origin = site.replace("127.0.0.1", page_host)
    linked = f"http://127.0.0.1:{free_port()}"
    server = {"linked": linked, "page": page_origin, "configured": configured}[expected]
    page = browser.new_page()
    if configured:
        page.add_init_script(f"window.ADVISOR_SERVER_URL = {configured!r};")
    page.goto(f"{page_origin}/index.html?server={linked}")
    with page.expect_websocket() as socket:
        page.click("#chat-bubble")
    assert urlsplit(socket.value.url).netloc == urlsplit(server).netloc
    page.close()


def test_rasa_webchat_greets_answers_and_resumes_after_a_reload(browser, site, bot):
    """The community widget itself (npm rasa-webchat), as a site runs it (web/webchat.html)."""
    profile = browser.new_context()
    profile.add_init_script(f"window.ADVISOR_SERVER_URL = {bot.url!r};")
    page = profile.new_page()
    page.goto(f"{site}/webchat.html")
    page.click(".rw-launcher")
    page.wait_for_selector(".rw-response:has-text('I advise on machine-learning')",
                           timeout=60_000)  # its init payload greets; nothing says "yes"
    page.fill(".rw-new-message", "tuition at CMU")
    page.press(".rw-new-message", "Enter")
    page.wait_for_selector(".rw-response:has-text('$62,260')", timeout=60_000)

    page.reload()
    page.wait_for_selector(".rw-launcher")
    try:  # rasa-webchat reopens a chat left open, a moment after it has drawn its launcher
        page.wait_for_selector(".rw-new-message", timeout=3000)
    except playwright_api.TimeoutError:
        page.click(".rw-launcher")
    page.wait_for_selector(".rw-response:has-text('$62,260')",
                           timeout=60_000)  # its history, redrawn
    page.fill(".rw-new-message", "and its graduation rate?")
    page.press(".rw-new-message", "Enter")
    page.wait_for_selector(".rw-response:has-text('98%')", timeout=60_000)  # in context
    page.fill(".rw-new-message", COMPARISON)  # its text; the table's event is passed by
    page.press(".rw-new-message", "Enter")
    page.wait_for_selector(".rw-response:has-text('Side by side')", timeout=60_000)
    page.wait_for_timeout(1000)
    assert page.locator(".rw-response:has-text('Side by side')").count() == 1
    page.screenshot(path=str(OUTPUT / "rasa-webchat.png"))
    assert page.locator(".rw-response:has-text('I advise on machine-learning')").count() == 1
    profile.close()


def test_an_answer_can_be_rated_and_the_conversation_goes_on(browser, site, bot):
    profile = browser.new_context()
    page = open_widget(browser, site, bot, profile)
    assert page.locator("#chat-messages .feedback").count() == 0  # the greeting is not rated
    ask(page, "tuition at CMU")
    bot_message_containing(page, "$62,260")
    thumbs_down = page.locator("#chat-messages .feedback button[aria-label='Not helpful']").last
    thumbs_down.click()
    bot_message_containing(page, "Thanks for telling me")
    assert "chosen" in thumbs_down.get_attribute("class") and thumbs_down.is_disabled()
    assert "/feedback" not in page.inner_text("#chat-messages")  # not shown as said
    feedback_rows = page.locator("#chat-messages .feedback").count()
    ask(page, "and its graduation rate?")  # the rating left the context as it was
    bot_message_containing(page, "98%")
    assert page.locator("#chat-messages .feedback").count() == feedback_rows + 1

    page.reload()  # the rating is kept with the transcript
    page.click("#chat-bubble")
    page.wait_for_selector("#chat-messages .feedback button.chosen[aria-label='Not helpful']")
    page.screenshot(path=str(OUTPUT / "widget-feedback.png"))
    profile.close()
