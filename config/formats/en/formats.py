# Dates as UNHCR writes them in English (7 December 2026): day first, the month's whole name, which a
# reader whose English is a second language reads more surely than Django's American "Dec. 7, 2026".
DATE_FORMAT = "j F Y"
DATETIME_FORMAT = "j F Y, H:i"
SHORT_DATE_FORMAT = "d/m/Y"
SHORT_DATETIME_FORMAT = "d/m/Y H:i"
MONTH_DAY_FORMAT = "j F"
