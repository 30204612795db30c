"""A web process visiting school hosts: prints its RSS (kB) after 10 hosts and after all.

Reads one host per line on stdin; run by bench/scale.py with the bench's environment. Each
host's home page is requested twice through Django's WSGI handler (what a gunicorn worker
runs), so per-host caches (django-tenants' tenant lookups, Wagtail's site root paths, the
ContentType cache) fill as they would in a long-lived worker.
"""

import gc
import os
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))


def rss_kb() -> int:
    gc.collect()
    with open(f"/proc/{os.getpid()}/status") as status:
        for line in status:
            if line.startswith("VmRSS:"):
                return int(line.split()[1])
    raise RuntimeError("no VmRSS")


def main() -> None:
    import django

    django.setup()
    from django.test import Client

    hosts = [line.strip() for line in sys.stdin if line.strip()]
    client = Client()
    after_10 = None
    for index, host in enumerate(hosts, start=1):
        for _ in range(2):
            response = client.get("/", HTTP_HOST=host)
            assert response.status_code == 200, (host, response.status_code)
        if index == 10:
            after_10 = rss_kb()
    print(after_10 or rss_kb(), rss_kb())


if __name__ == "__main__":
    main()
