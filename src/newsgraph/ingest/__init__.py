"""Ingest: turn files, feeds and lines into prepared :class:`~newsgraph.records.Article`s."""
