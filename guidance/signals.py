"""What the guidance app announces, so that other parts of the site (the search index) can follow
without guidance knowing them (Kitsune's search listens to its wiki's signals the same way)."""

from django.dispatch import Signal

# Sent after a revision became what readers see of a page; arguments: page, revision.
page_published = Signal()
