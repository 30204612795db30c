"""Database connections stay bounded under a threaded server (issue 11, faults: connections)."""

import urllib.request
from concurrent.futures import ThreadPoolExecutor

from django.db import connection

HOST = "thcs-chu-van-an.localhost"


def _connections_to_this_database() -> int:
    with connection.cursor() as cursor:
        cursor.execute("SELECT count(*) FROM pg_stat_activity WHERE datname = current_database()")
        return cursor.fetchone()[0]


def test_500_requests_to_a_threaded_server_leave_no_connection_behind(
    committed_schools, live_server
):
    """The live server is Django's ThreadedWSGIServer, as `runserver` is: one thread per
    request, each with its own connection, which must not outlive its thread."""
    committed_schools(name="THCS Chu Văn An", domain=HOST)
    before = _connections_to_this_database()

    def get(path: str) -> int:
        request = urllib.request.Request(live_server.url + path, headers={"Host": HOST})
        with urllib.request.urlopen(request, timeout=30) as response:
            return response.status

    paths = ["/", "/tin-tuc/", "/van-ban/", "/lien-he/"] * 125
    with ThreadPoolExecutor(max_workers=10) as pool:
        statuses = list(pool.map(get, paths))

    assert statuses.count(200) == 500
    assert _connections_to_this_database() - before <= 2
