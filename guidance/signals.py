"""What the guidance app announces, so that other parts of the site (the search index, the staff
notifications of config/staff) can follow without guidance knowing them (Kitsune's search listens
to its wiki's signals the same way). All are sent inside the workflow's transaction: a receiver
that acts outside the database waits for it to commit (transaction.on_commit)."""

from django.dispatch import Signal

# Sent after a revision became what readers see of a page; arguments: page, revision, and by
# (the person who published it, None when the content loader publishes the recorded history).
page_published = Signal()

# Sent when a draft is submitted for review; arguments: revision, by.
draft_submitted = Signal()

# Sent when a publisher rejects a draft; arguments: revision, by, comment (the reason given).
draft_rejected = Signal()

# Sent when a publisher sends one language of a draft back to its translator; arguments: revision, language,
# by, comment, and translator (who last changed that language, or None).
language_sent_back = Signal()

# Sent when a new draft takes the finished translations of the page's rejected draft (guidance/rejected_translations.py);
# arguments: draft, rejected, carried ([CarriedLanguage]: language, kept, left, translator), by.
translations_carried = Signal()
