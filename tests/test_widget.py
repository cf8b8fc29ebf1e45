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
    if not page.locator(".rw-new-message").count():
        page.click(".rw-launcher")
    page.wait_for_selector(".rw-response:has-text('$62,260')")  # its history, redrawn
    page.fill(".rw-new-message", "and its graduation rate?")
    page.press(".rw-new-message", "Enter")
    page.wait_for_selector(".rw-response:has-text('98%')", timeout=60_000)  # in context
    page.screenshot(path=str(OUTPUT / "rasa-webchat.png"))
    assert page.locator(".rw-response:has-text('I advise on machine-learning')").count() == 1
    profile.close()
