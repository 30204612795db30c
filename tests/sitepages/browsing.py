"""What the browser tests measure on a page parents read: overflow, weight, axe, the menu.

Each helper takes a Playwright page already loaded and returns what it found, so a failing
assertion names the element or the rule.
"""

# Every element's box against the viewport. Off-screen helpers (the skip link, screen-reader
# text, the honeypot) are placed outside on purpose; unrendered elements have no box.
OVERFLOW_JS = """() => {
  const width = document.documentElement.clientWidth;
  const found = [];
  for (const el of document.body.querySelectorAll('*')) {
    if (el.closest('.sr-only, .skip, .hp, [hidden], wagtail-userbar')) continue;
    const box = el.getBoundingClientRect();
    if (box.width === 0 && box.height === 0) continue;
    if (box.right > width + 0.5 || box.left < -0.5) {
      found.push(`${el.tagName.toLowerCase()}.${el.className} [${Math.round(box.left)}, ${Math.round(box.right)}]`);
    }
  }
  return {width, scrollWidth: document.documentElement.scrollWidth, found: found.slice(0, 8)};
}"""

UNSIZED_IMAGES_JS = """() => Array.from(document.images)
  .filter(img => !(img.getAttribute('width') && img.getAttribute('height')))
  .map(img => img.currentSrc || img.src)"""


def overflowing(page) -> list[str]:
    """Elements that stick out of the viewport (empty when the page fits), plus page scroll."""
    result = page.evaluate(OVERFLOW_JS)
    found = list(result["found"])
    if result["scrollWidth"] > result["width"]:
        found.append(f"document scrollWidth {result['scrollWidth']} > {result['width']}")
    return found


def unsized_images(page) -> list[str]:
    """Images without width and height attributes (they shift the layout, LCP unsized)."""
    return page.evaluate(UNSIZED_IMAGES_JS)


class WeightMeter:
    """Bytes of every response but images and fonts, for the page loads since `reset()`."""

    SKIPPED = {"image", "media", "font"}

    def __init__(self, page):
        self.bytes = 0
        page.on("response", self._add)

    def reset(self):
        self.bytes = 0

    def _add(self, response):
        if response.request.resource_type in self.SKIPPED:
            return
        try:
            self.bytes += len(response.body())
        except Exception:  # a redirect has no body
            pass


def axe_serious(page) -> list[str]:
    """axe-core's serious and critical violations on the page, as `id (impact): targets`."""
    from axe_playwright_python.sync_playwright import Axe

    results = Axe().run(page)
    assert results.response["testEngine"]["name"] == "axe-core"
    return [
        f"{v['id']} ({v['impact']}): {[n['target'] for n in v['nodes']][:3]}"
        for v in results.response["violations"]
        if v["impact"] in ("serious", "critical")
    ]
