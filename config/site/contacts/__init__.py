"""Check a contact: whether a phone, e-mail address, website or messenger name a person was given is
UNHCR's, a government office's or a partner's (reading.py reads it, matching.py looks it up, views.py
answers), and the staff's list of known fraudulent contacts (FraudulentContact, admin.py)."""
