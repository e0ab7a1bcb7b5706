"""Chat lines: the site's reviewed content as short plain-text answers (answers.py), and two thin adapters over
them, a Telegram bot's webhook (telegram.py) and a RapidPro flow's webhook (rapidpro.py). Nothing about the
person is kept: no chat id, phone number or message in the database, the cache or the logs."""
