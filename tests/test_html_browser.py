"""The HTML edition in a real browser: headless Chromium, with axe-core for WCAG 2.1 A and AA,
at a phone's 320 px and with text at 200 %.

Needs Chromium and ChromeDriver (Debian's `chromium` and `chromium-driver`) and axe-core from
npm (`npm install --prefix .ci axe-core@4`, as `.ci/run` does); skips cleanly without them.
"""

from __future__ import annotations

import json
import os
import shutil
from pathlib import Path

import pytest

import handoutgen
from conftest import REPO

AXE_PLACES = [os.environ.get("HANDOUTGEN_AXE_JS", ""), REPO / ".ci/node_modules/axe-core/axe.min.js"]
AXE = next((Path(p) for p in AXE_PLACES if p and Path(p).is_file()), None)
CHROMIUM = shutil.which("chromium") or shutil.which("chromium-browser") or shutil.which("google-chrome")
DRIVER = shutil.which("chromedriver")
pytestmark = pytest.mark.skipif(
    not (AXE and CHROMIUM and DRIVER), reason="needs chromium, chromedriver and axe-core (see .ci/run)"
)

PAGES = ["a4", "letter", "large-print", "layouts/riverside-clinic.yaml"]
CARDS = ["cards-a6", "cards-letter", "cards-wallet"]
EXAMPLES = [
    *(
        (content, layout)
        for content in (
            "handouts/glute-soreness.yaml",
            "handouts/glute-soreness.es.yaml",
            "handouts/programs/glute-rehab.yaml",
        )
        for layout in PAGES
    ),
    *(
        (deck, layout)
        for deck in ("handouts/decks/glute-stretches.yaml", "handouts/decks/glute-stretches.es.yaml")
        for layout in CARDS
    ),
    ("handouts/exercises/squat.es.yaml", "cards-a6"),
]


@pytest.fixture(scope="module")
def browser():
    pytest.importorskip("selenium")
    from selenium import webdriver
    from selenium.webdriver.chrome.service import Service

    options = webdriver.ChromeOptions()
    options.binary_location = CHROMIUM
    for flag in (
        "--headless=new",
        "--no-sandbox",
        "--disable-gpu",
        "--disable-dev-shm-usage",
        "--disable-background-networking",
        "--disable-component-update",
        "--disable-sync",
        "--no-first-run",
        "--hide-scrollbars",
    ):
        options.add_argument(flag)
    driver = webdriver.Chrome(service=Service(DRIVER), options=options)
    driver.set_script_timeout(60)
    yield driver
    driver.quit()


@pytest.fixture(scope="module")
def pages(tmp_path_factory: pytest.TempPathFactory) -> dict[tuple[str, str], Path]:
    folder = tmp_path_factory.mktemp("html")
    out = {}
    for content, layout in EXAMPLES:
        path = folder / f"{Path(content).stem}-{Path(layout).stem}.html"
        path.write_bytes(
            handoutgen.build(REPO / content, layout=REPO / layout if "/" in layout else layout, format="html")
        )
        out[(content, layout)] = path
    return out


RUN_AXE = """
const done = arguments[arguments.length - 1];
axe.run(document, {runOnly: {type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa']}})
  .then(result => done(JSON.stringify(result.violations)))
  .catch(error => done(JSON.stringify([{id: 'error', help: String(error)}])));
"""


def axe_violations(driver, page: Path) -> list[dict]:
    driver.get(page.as_uri())
    driver.execute_script(AXE.read_text(encoding="utf-8"))
    result = driver.execute_async_script(RUN_AXE)
    return json.loads(result)


@pytest.mark.parametrize(("content", "layout"), EXAMPLES, ids=[f"{Path(c).stem}-{Path(n).stem}" for c, n in EXAMPLES])
def test_axe_finds_no_wcag_violation(browser, pages, content: str, layout: str) -> None:
    violations = axe_violations(browser, pages[(content, layout)])
    described = [f"{v['id']}: {v['help']} ({len(v.get('nodes', []))} places)" for v in violations]
    assert not violations, "\n".join(described)


WIDER = """
const width = document.documentElement.clientWidth;
const wide = [...document.querySelectorAll('body *')].filter(e => e.getBoundingClientRect().right > width + 0.5);
return [document.documentElement.scrollWidth - width, wide.slice(0, 5).map(e => e.tagName + '.' + e.className)];
"""


def overflow(driver, width: int, text_scale: int = 100) -> tuple[int, list[str]]:
    """How many pixels the page is wider than a `width` px window (0: no sideways scrolling), and
    the first elements that stick out."""
    driver.set_window_size(width, 900)
    inner = driver.execute_script("return window.innerWidth")
    if inner != width:  # make the viewport itself `width` wide
        driver.set_window_size(width + (width - inner), 900)
    if text_scale != 100:
        driver.execute_script(f"document.documentElement.style.fontSize = '{text_scale}%';")
    return tuple(driver.execute_script(WIDER))  # type: ignore[return-value]


@pytest.mark.parametrize(
    ("content", "layout"),
    [
        ("handouts/glute-soreness.yaml", "layouts/riverside-clinic.yaml"),
        ("handouts/programs/glute-rehab.yaml", "large-print"),
        ("handouts/decks/glute-stretches.es.yaml", "cards-a6"),
    ],
)
def test_a_phone_reads_it_without_scrolling_sideways(browser, pages, content: str, layout: str, tmp_path: Path) -> None:
    page = pages[(content, layout)]
    browser.get(page.as_uri())
    extra, wide = overflow(browser, 320)
    assert extra <= 0, wide
    screenshot = tmp_path / "phone.png"
    browser.save_screenshot(str(screenshot))
    from PIL import Image

    with Image.open(screenshot) as image:
        assert image.width <= 340  # the screenshot is the phone's width: nothing drawn beyond it
        assert image.convert("L").getextrema()[0] < 100  # and there is dark text on it
    browser.get(page.as_uri())
    extra, wide = overflow(browser, 640, text_scale=200)  # text at 200 % still fits, nothing cut off
    assert extra <= 0, wide


def test_the_browser_check_notices_a_real_violation(browser, pages, tmp_path: Path) -> None:
    """The harness itself: a picture without alt text and grey-on-white text are found."""
    page = pages[("handouts/glute-soreness.yaml", "a4")].read_text(encoding="utf-8")
    spoiled = tmp_path / "spoiled.html"
    spoiled.write_text(
        page.replace(' alt="', ' data-alt="', 1).replace("</main>", '<p style="color:#bbb">Faint</p></main>')
    )
    found = {v["id"] for v in axe_violations(browser, spoiled)}
    assert {"image-alt", "color-contrast"} <= found
