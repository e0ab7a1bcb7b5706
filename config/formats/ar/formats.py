# Django's Arabic formats lack DATETIME_FORMAT, so a date and time fell back to the American "N j, Y"
# ("ديسمبر 7, 2026"). Arabic writes the day, the month's name and the year: ٧ ديسمبر ٢٠٢٦ (here with the
# Western digits Django writes), with the Arabic comma before the time.
DATE_FORMAT = "j F Y"
TIME_FORMAT = "H:i"
DATETIME_FORMAT = "j F Y، H:i"
YEAR_MONTH_FORMAT = "F Y"
MONTH_DAY_FORMAT = "j F"
SHORT_DATE_FORMAT = "d/m/Y"
SHORT_DATETIME_FORMAT = "d/m/Y H:i"
FIRST_DAY_OF_WEEK = 1  # Monday, the working week in Kazakhstan
