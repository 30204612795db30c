"""Parents follow a school by e-mail: its urgent notices and its weekly plan.

- **Subscribe** (`services.subscription_request`): the follow page's form (`/theo-doi/`) asks
  for an address and topics; after the rate limits (the feedback form's counters) a Celery task
  sends a confirmation e-mail whose link carries a signed token (`tokens.py`). Nothing is
  stored until the link is opened (`services.subscription_confirm`): double opt-in.
- **Send** (`services.page_subscribers_notify`): publishing an urgent notice or a weekly plan
  queues, after the commit, one task per page (`signal_handlers.py` → `tasks.py`); the task
  sends one e-mail per subscriber over one SMTP connection per batch, and a delivery row per
  (page, subscriber) makes a redelivered or retried task skip who already got it.
- **Unsubscribe** (`services.subscription_cancel`): every message carries a link and the
  RFC 8058 headers (`List-Unsubscribe`, `List-Unsubscribe-Post: List-Unsubscribe=One-Click`);
  a POST to that URL (no CSRF token: mail clients send it) deletes the subscriber.

Everything lives in the school's schema; tokens are salted with the schema's name, so a link
from one school's e-mail does nothing on another's site.
"""
