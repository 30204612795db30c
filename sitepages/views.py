"""Parents' views outside the page tree: robots.txt, site search, the English page."""

from django.core.paginator import Paginator
from django.http import HttpResponse
from django.shortcuts import render
from django.urls import reverse
from django.views.decorators.http import require_GET
from wagtail.models import Page, Site

from sitepages.models import ContactPage, OrganisationPage
from tenants.hosts import request_url

SEARCH_PER_PAGE = 10
SEARCH_MAX_QUERY = 200


@require_GET
def robots_txt(request):
    """Crawl everything public; not the admin, previews or search results."""
    sitemap = request_url(request, reverse("sitepages_sitemap"))
    lines = [
        "User-agent: *",
        "Disallow: /admin/",
        "Disallow: /tim-kiem/",
        f"Sitemap: {sitemap}",
        "",
    ]
    return HttpResponse("\n".join(lines), content_type="text/plain; charset=utf-8")


@require_GET
def search(request):
    """Wagtail search over this school's live, public pages (its own schema's index)."""
    # A NUL cannot go into a PostgreSQL text search: a pasted or forged one is dropped.
    query = request.GET.get("q", "").replace("\x00", "").strip()[:SEARCH_MAX_QUERY]
    site = Site.find_for_request(request)
    results = None
    if query and site:
        pages = Page.objects.live().public().descendant_of(site.root_page, inclusive=True)
        results = Paginator(pages.search(query), SEARCH_PER_PAGE).get_page(request.GET.get("trang"))
    response = render(request, "sitepages/search.html", {"query": query, "results": results})
    response["X-Robots-Tag"] = "noindex"
    return response


@require_GET
def english(request):
    """Structure and contacts in English (Decree 42/2022 Art. 7)."""
    site = Site.find_for_request(request)
    organisation = OrganisationPage.objects.live().prefetch_related("leaders").first()
    contact = ContactPage.objects.live().prefetch_related("contacts").first()
    school_name = (organisation.name_en if organisation else "") or (site.site_name if site else "")
    return render(
        request,
        "sitepages/english.html",
        {"organisation": organisation, "contact": contact, "school_name": school_name},
    )
