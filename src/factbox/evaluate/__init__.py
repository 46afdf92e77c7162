"""Measuring attribution quality against BRAT-annotated corpora (PolNeAR and the like).

``textspans`` (trimming, tokens) -> ``brat`` (standoff files) -> ``relations`` (gold and
predicted relations) -> ``scorer`` (matching, counts) -> ``corpus`` / ``polnear`` (running a
split) -> ``report`` / ``quality`` (JSON, tables, docs/quality.md) -> ``cli`` (``factbox eval``).
"""
