"""The translators' desk: the segment editor, the localization dashboard and PO/XLIFF exchange files.

Above publishing: it drafts and submits through guidance/publishing.py and reads guidance/segments/.
"""
