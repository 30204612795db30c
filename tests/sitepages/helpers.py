"""Building pages the way editors do: add as a draft, then publish a revision."""

from wagtail.models import Page


def publish_child(parent: Page, page: Page, *, user=None) -> Page:
    page.live = False
    parent.add_child(instance=page)
    page.save_revision(user=user).publish(user=user)
    page.refresh_from_db()
    return page


def section(model):
    """The school's only page of a section type (e.g. NewsIndexPage)."""
    return model.objects.get()


def draftail_saved(page, text: str, *, seconds: float = 15) -> None:
    """Wait until Draftail has written `text` into its hidden input (it saves on a debounce).

    Polled from the test: Playwright's wait_for_function evaluates a string, which the admin's
    Content-Security-Policy (no eval) forbids."""
    for _ in range(int(seconds / 0.25)):
        if text in page.evaluate("document.querySelector('input[name=body]').value"):
            return
        page.wait_for_timeout(250)
    raise AssertionError(f"Draftail never saved {text!r}")


def school_base_url(school, live_server) -> str:
    """The school's own host on the live server's port (the browser must send the school's
    Host for the tenant middleware to find it)."""
    return f"http://{school.provisioned.domain}:{live_server.url.rsplit(':', 1)[1]}"
