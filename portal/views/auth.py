"""Log in and out of an authority's portal, and set a password from a one-time link."""

from django.contrib.auth import views as auth_views
from django.http import Http404
from django.urls import reverse_lazy

from portal.forms import PortalAuthenticationForm


class AuthorityHostOnly:
    """These pages exist only on an authority's portal host, not on the platform's."""

    def dispatch(self, request, *args, **kwargs):
        if getattr(request, "authority", None) is None:
            raise Http404("not an authority portal")
        return super().dispatch(request, *args, **kwargs)


class PortalLoginView(AuthorityHostOnly, auth_views.LoginView):
    template_name = "portal/login.html"
    authentication_form = PortalAuthenticationForm
    redirect_authenticated_user = True
    next_page = reverse_lazy("portal:home")


class PortalLogoutView(AuthorityHostOnly, auth_views.LogoutView):
    next_page = reverse_lazy("portal:home")


class PortalPasswordSetView(AuthorityHostOnly, auth_views.PasswordResetConfirmView):
    template_name = "portal/password_set.html"
    success_url = reverse_lazy("portal:password_set_done")


class PortalPasswordSetDoneView(AuthorityHostOnly, auth_views.PasswordResetCompleteView):
    template_name = "portal/password_set_done.html"
