"""The "last updated" date a page shows: the newest of the dates of what it shows."""


def latest(*dates):
    """The newest of the dates given, ignoring the missing ones; None when none is known."""
    return max((d for d in dates if d), default=None)
