# Django has no Dari locale. The month names come from the Dari catalog built from Django's Persian
# (`build_dari_admin_catalog`), with the Gregorian months as Afghans name them (جنوری، فبروری…): the
# day, the month's name and the year, as Django's Persian writes its dates.
DATE_FORMAT = "j F Y"
SHORT_DATE_FORMAT = "Y/m/d"
DATETIME_FORMAT = "j F Y، H:i"
SHORT_DATETIME_FORMAT = "Y/m/d H:i"
MONTH_DAY_FORMAT = "j F"
DECIMAL_SEPARATOR = "٫"
THOUSAND_SEPARATOR = "٬"
NUMBER_GROUPING = 3
