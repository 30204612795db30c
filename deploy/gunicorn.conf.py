"""gunicorn settings for schoolhost: `gunicorn -c deploy/gunicorn.conf.py schoolhost.wsgi:application`.

Sync workers (measured on 2 cores: gthread was slower), 2 × cores + 1 of them, each holding one
persistent PostgreSQL connection (CONN_MAX_AGE, default 60 s in settings). nginx sits in front
and buffers requests and answers, so a slow phone never holds a worker.
Every value can be changed from the environment (deploy/README.md, "Environment").
"""

import multiprocessing
import os

if os.environ.get("GUNICORN_BIND"):
    bind = os.environ["GUNICORN_BIND"]
elif os.environ.get("PORT"):  # platforms that run the Procfile hand out a port
    bind = f"0.0.0.0:{os.environ['PORT']}"
else:
    bind = "127.0.0.1:8000"

workers = int(os.environ.get("GUNICORN_WORKERS") or multiprocessing.cpu_count() * 2 + 1)
worker_class = "sync"
timeout = int(os.environ.get("GUNICORN_TIMEOUT", "30"))
graceful_timeout = 30
# Recycle workers now and then (memory growth in long-lived Python processes); the jitter keeps
# them from restarting all at once.
max_requests = 2000
max_requests_jitter = 200
# Only nginx may say which scheme and client address a request came with (X-Forwarded-*).
forwarded_allow_ips = os.environ.get("GUNICORN_FORWARDED_ALLOW_IPS", "127.0.0.1")
accesslog = os.environ.get("GUNICORN_ACCESS_LOG") or None  # nginx already logs every request
errorlog = "-"
loglevel = os.environ.get("LOG_LEVEL", "WARNING").lower()
# No preload_app: each worker opens its own database connection after the fork.
