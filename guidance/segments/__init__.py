"""A revision's text as segments: cutting it, which English version each translation follows, and the quality checks.

Below publishing: nothing here imports publishing or the translators' desk (guidance/translators/).
"""
