"""What a save of a tracked entry announces, for the apps above the plumbing (config.staff e-mails people)."""

from django.dispatch import Signal

# Sent once the save's transaction has committed, when it put translations behind the English:
# entry, behind={language: [translated field]} (newly behind in this save only), by=the person or None.
translations_left_behind = Signal()
