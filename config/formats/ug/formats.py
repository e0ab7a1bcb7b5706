# Django's Uyghur formats lack DATETIME_FORMAT (a date and time fell back to the American "N j, Y, P"):
# the day, the month's name and the year, as its DATE_FORMAT writes them, then the time.
DATETIME_FORMAT = "j F Y، G:i"
