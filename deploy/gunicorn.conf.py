"""gunicorn settings for tracker: the production server, and the load test's.

Run from the project folder:

    .venv/bin/gunicorn -c deploy/gunicorn.conf.py tracker.wsgi

Every value can be overridden from the environment (GUNICORN_BIND, ...) so
the same file serves a systemd unit and scripts/load.
"""

import multiprocessing
import os

bind = os.environ.get("GUNICORN_BIND", "127.0.0.1:8000")

# Threads in a few processes: most of a request is waiting on the database,
# and threads share a process's memory. (2 x cores) + 1 processes is
# gunicorn's rule of thumb for the rest.
worker_class = "gthread"
workers = int(os.environ.get("GUNICORN_WORKERS", str(multiprocessing.cpu_count() * 2 + 1)))
threads = int(os.environ.get("GUNICORN_THREADS", "4"))

# A request that takes longer than this is stuck, not slow: the worker is
# restarted. Writes on SQLite wait at most busy_timeout (5 s) for the lock.
timeout = int(os.environ.get("GUNICORN_TIMEOUT", "30"))
graceful_timeout = 30
keepalive = 5

# Recycle workers now and then, so a slow leak never becomes an outage.
max_requests = 5000
max_requests_jitter = 500

# Requests are bounded before Django sees them (it bounds bodies itself).
limit_request_line = 8190
limit_request_fields = 100
limit_request_field_size = 8190

# X-Forwarded-Proto and -For are believed from these addresses only: the
# reverse proxy on this host. Django's SECURE_PROXY_SSL_HEADER reads the former.
forwarded_allow_ips = os.environ.get("GUNICORN_FORWARDED_ALLOW_IPS", "127.0.0.1,::1")

accesslog = os.environ.get("GUNICORN_ACCESS_LOG", "-")
errorlog = os.environ.get("GUNICORN_ERROR_LOG", "-")
loglevel = os.environ.get("GUNICORN_LOG_LEVEL", "info")
# The client address and the status first, for grep.
access_log_format = '%(h)s %(s)s %(m)s "%(U)s" %(B)s %(M)sms "%(a)s"'
