"""The follow page and the subscription links (`/theo-doi/…`), thin over `services`.

None of these answers may be kept by the front cache (`never_cache`): the form carries a CSRF
token, and the links act on one person's subscription.
"""

from django.shortcuts import render
from django.urls import reverse
from django.utils import timezone
from django.views.decorators.cache import never_cache
from django.views.decorators.csrf import csrf_exempt
from django.views.decorators.http import require_GET, require_http_methods, require_POST
from wagtail.models import Site

from sitepages.feeds import FEED_ITEMS
from sitepages.subscriptions.forms import SubscribeForm
from sitepages.subscriptions.messages import topics_display
from sitepages.subscriptions.services import (
    subscription_cancel,
    subscription_confirm,
    subscription_rate_refusal,
    subscription_request,
)
from sitepages.subscriptions.tokens import TokenInvalid, cancel_token_read
from tenants.hosts import request_url


def _follow_page(request, form, *, status=200):
    site = Site.find_for_request(request)
    root = site.root_url if site else request_url(request, "/").rstrip("/")
    feeds = {
        "rss": root + reverse("sitepages_news_feed"),
        "atom": root + reverse("sitepages_news_atom"),
    }
    return render(
        request,
        "sitepages/follow.html",
        {"form": form, "site_url": root + "/", "feeds": feeds, "feed_items": FEED_ITEMS},
        status=status,
    )


@never_cache
@require_GET
def follow(request):
    """How to follow the school, for people: e-mail, feeds (what they are, their addresses to
    paste into a reader), the site's address. The site's RSS links for humans lead here; the
    feeds themselves stay at /tin-tuc/feed/ for feed readers (`<link rel="alternate">`)."""
    return _follow_page(request, SubscribeForm())


@never_cache
@require_POST
def subscribe(request):
    """Ask for a confirmation e-mail (sent by Celery); nothing is stored yet."""
    form = SubscribeForm(request.POST)
    if not form.is_valid():
        return _follow_page(request, form, status=400)
    email, topics = form.cleaned_data["email"], form.cleaned_data["topics"]
    refusal = subscription_rate_refusal(request, email=email)
    if refusal is not None:
        form.add_error(None, refusal)
        return _follow_page(request, form, status=429)
    subscription_request(email=email, topics=topics)
    return render(
        request,
        "sitepages/subscription_result.html",
        {"outcome": "requested", "email": email, "topics": topics_display(topics)},
    )


@never_cache
@require_GET
def confirm(request, token):
    try:
        subscriber = subscription_confirm(token=token, now=timezone.now())
    except TokenInvalid:
        return render(
            request, "sitepages/subscription_result.html", {"outcome": "invalid"}, status=400
        )
    return render(
        request,
        "sitepages/subscription_result.html",
        {
            "outcome": "confirmed",
            "email": subscriber.email,
            "topics": topics_display(subscriber.topics),
        },
    )


@never_cache
@csrf_exempt  # RFC 8058: mail clients POST "List-Unsubscribe=One-Click" without a token
@require_http_methods(["GET", "POST"])
def unsubscribe(request, token):
    """GET: a page with one button (link checkers in mail systems open links on their own);
    POST (that button, or a mail client's one-click request): unsubscribe."""
    try:
        email = cancel_token_read(token)
    except TokenInvalid:
        return render(
            request, "sitepages/subscription_result.html", {"outcome": "invalid"}, status=400
        )
    if request.method == "GET":
        return render(
            request, "sitepages/unsubscribe.html", {"email": email, "action": request.path}
        )
    subscription_cancel(token=token)
    return render(
        request, "sitepages/subscription_result.html", {"outcome": "cancelled", "email": email}
    )
