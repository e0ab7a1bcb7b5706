"""What the site layer announces, so that config.staff (above it) can tell people without the site knowing them."""

from django.dispatch import Signal

# Sent when an editor submits a notice for review; arguments: notice, by. Sent inside the save's transaction.
notice_submitted = Signal()

# Sent when a publisher publishes a notice (approves it); arguments: notice, by. Sent inside the save's transaction:
# readers see it at once, in English where it has no translation yet, and its translators are told.
notice_published = Signal()
