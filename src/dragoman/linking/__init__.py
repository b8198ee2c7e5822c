"""Linking: which event records, within an article and across articles, report the same
happening (issue 13), and why. Pure functions over records; the store keeps the clusters
they make (store/clusters.py) as articles come and go.

    rules.py       two reports: type (data/linking/types.tsv), date, parties, place,
                   negation; every verdict with its reasons in words
    articles.py    two articles that tell one story, and an article's setting
    neardup.py     near-duplicate articles (MinHash of word 5-grams): one source's copies
    blocking.py    the index keys a new report looks up the stored reports it may link to by
    clustering.py  clusters grown one article at a time, whatever the order of arrival
"""

from __future__ import annotations

from .clustering import Linker, plan_links
from .rules import Report, compare, report_of

__all__ = ["Linker", "Report", "compare", "plan_links", "report_of"]
