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
