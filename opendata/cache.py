"""Open-data responses are cached briefly per authority host and full path (query included):
the same question asked a thousand times by the press costs one set of queries a minute."""

import hashlib
from functools import wraps

from django.conf import settings
from django.core.cache import cache
from django.http import Http404, HttpResponse, HttpResponseNotAllowed

DEFAULT_TTL = 60


def ttl() -> int:
    return int(getattr(settings, "COMPLIANCE_API_CACHE_SECONDS", DEFAULT_TTL))


def cache_key(request) -> str:
    """Keyed by authority, host as received and full path: answers carry absolute links built
    from the host, so one host's spelling (`PGD.localhost:8000`) never answers for another's."""
    asked = f"{request.get_host()}|{request.get_full_path()}"
    digest = hashlib.sha256(asked.encode()).hexdigest()[:32]
    return f"opendata:v1:{request.authority.pk}:{digest}"


def open_data(view):
    """GET-only, authority hosts only, cached, readable from any origin."""

    @wraps(view)
    def wrapped(request, *args, **kwargs):
        if getattr(request, "authority", None) is None:
            raise Http404("not an authority portal")
        if request.method not in ("GET", "HEAD"):
            return HttpResponseNotAllowed(["GET", "HEAD"])
        key = cache_key(request)
        cached = cache.get(key)
        if cached is None:
            response = view(request, *args, **kwargs)
            cached = (response.status_code, response.content)
            if response.status_code == 200:
                cache.set(key, cached, ttl())
        status, content = cached
        response = HttpResponse(content, status=status, content_type="application/json")
        response["Access-Control-Allow-Origin"] = "*"
        response["Cache-Control"] = f"public, max-age={ttl()}"
        return response

    return wrapped


def api_cache_clear(*, authority_id: int | None = None) -> None:
    """Forget cached answers (one authority's, or every authority's) — only these keys: a
    cache `clear()` on Redis would flush the whole database other processes share."""
    target = "*" if authority_id is None else str(authority_id)
    cache.delete_pattern(f"opendata:v1:{target}:*")
