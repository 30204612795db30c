from django.conf import settings
from django.core.management.base import BaseCommand

from demo.data import DEMO_PASSWORD
from demo.loading import demo_load
from tenants.hosts import site_url


class Command(BaseCommand):
    help = "Load the demo: a province, a district office and twelve schools of every level."

    def handle(self, *args, **options):
        demo = demo_load(log=self.stdout.write)
        authority = demo["authority"]
        lines = [
            "",
            "schoolhost demo is loaded.",
            f"  Authority portal:  {site_url(authority.portal_domain)}",
            f"  Province portal:   {site_url(demo['province'].portal_domain)}",
            f"  Platform page:     {site_url(settings.PLATFORM_HOSTS[0])}",
            f"  Portal logins (password '{DEMO_PASSWORD}'):",
            *[
                f"    {email:<34} {role:<10} {site_url(host, '/dang-nhap/')}"
                for host, email, role in demo["portal_logins"]
            ],
            f"  Public monthly reports: {site_url(authority.portal_domain, '/bao-cao/')}",
            "  School sites and their admins (login: the principal's e-mail, password "
            f"'{DEMO_PASSWORD}'):",
        ]
        for name, host, email in demo["logins"]:
            lines.append(f"    {name:<34} {site_url(host)}   admin: {site_url(host, '/admin/')}")
            lines.append(f"    {'':<34} login {email}")
        for line in lines:
            self.stdout.write(line)
