"""Log filters named in settings.LOGGING (imported while logging is set up: no Django imports here)."""

import logging


class WithoutTraceback(logging.Filter):
    """One line per event: a request with a bad Host header is a client's mistake, not our bug, and
    a traceback for each of them (scanners send thousands) buries the errors that matter."""

    def filter(self, record):
        record.exc_info = record.exc_text = None
        record.msg = " ".join(str(record.msg).split())  # no line of its own, whatever the header held
        return True
