"""School-site URLs served before Wagtail's page serving (feeds, sitemap, robots)."""

urlpatterns = []
