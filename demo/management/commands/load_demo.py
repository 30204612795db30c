from django.conf import settings
from django.utils.translation import gettext_lazy

from demo.data import DEMO_PASSWORD
from demo.loading import demo_load
from tenants.command_base import SchoolhostCommand
from tenants.hosts import site_url


class Command(SchoolhostCommand):
    help = gettext_lazy(
        "Nạp dữ liệu trình diễn: một Sở GD&ĐT, ba xã/phường trực thuộc (mỗi nơi có cổng thông tin riêng) và mười hai trường đủ các cấp học."
    )

    def handle(self, *args, **options):
        demo = demo_load(log=self.stdout.write)
        province = demo["province"]
        lines = [
            "",
            "schoolhost demo is loaded.",
            f"  Province portal (sees every school):  {site_url(province.portal_domain)}"
            f"  — {province.name}",
            *[
                f"  Commune/ward portal:  {site_url(c.portal_domain):<34} — {c.name}"
                for c in demo["communes"]
            ],
            f"  Platform page:     {site_url(settings.PLATFORM_HOSTS[0])}",
            f"  Portal logins (password '{DEMO_PASSWORD}'):",
            *[
                f"    {email:<34} {role:<10} {site_url(host, '/dang-nhap/')}"
                for host, email, role in demo["portal_logins"]
            ],
            f"  Public monthly reports: {site_url(demo['authority'].portal_domain, '/bao-cao/')}",
            "  School sites and their admins (login: the principal's e-mail, password "
            f"'{DEMO_PASSWORD}'):",
        ]
        for name, host, email, commune in demo["logins"]:
            lines.append(f"    {name:<34} {site_url(host)}   admin: {site_url(host, '/admin/')}")
            lines.append(f"    {'':<34} under {commune.name}")
            lines.append(f"    {'':<34} login {email}")
        for line in lines:
            self.stdout.write(line)
