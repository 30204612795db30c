"""The follow page and the subscription links (`/theo-doi/…`), thin over `services`.

None of these answers may be kept by the front cache (`never_cache`): the form carries a CSRF
token, and the links act on one person's subscription.
"""

from django.shortcuts import render
from django.utils import timezone
from django.views.decorators.cache import never_cache
from django.views.decorators.csrf import csrf_exempt
from django.views.decorators.http import require_GET, require_http_methods, require_POST
from wagtail.models import Site

from sitepages.subscriptions.forms import SubscribeForm
from sitepages.subscriptions.messages import topics_display
from sitepages.subscriptions.services import (
    subscription_cancel,
    subscription_confirm,
    subscription_rate_refusal,
    subscription_request,
)
from sitepages.subscriptions.tokens import TokenInvalid, cancel_token_read


def _follow_page(request, form, *, status=200):
    site = Site.find_for_request(request)
    return render(
        request,
        "sitepages/follow.html",
        {"form": form, "site_url": site.root_url + "/" if site else "/"},
        status=status,
    )


@never_cache
@require_GET
def follow(request):
    """How to follow the school: e-mail, feeds, the site's address."""
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
