# Django has no Pashto locale. The weekday and month names come from our Pashto catalog
# (locale/ps/LC_MESSAGES/django.po, Django's own msgids), with the Gregorian months as Afghans name
# them (جنوري، فبروري…): the day, the month's name and the year, as the Dari dates are written.
DATE_FORMAT = "j F Y"
SHORT_DATE_FORMAT = "Y/m/d"
DATETIME_FORMAT = "j F Y، H:i"
SHORT_DATETIME_FORMAT = "Y/m/d H:i"
MONTH_DAY_FORMAT = "j F"
DECIMAL_SEPARATOR = "٫"
THOUSAND_SEPARATOR = "٬"
NUMBER_GROUPING = 3
