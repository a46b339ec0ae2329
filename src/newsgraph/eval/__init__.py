"""Evaluations of each extraction task against gold data in ``../shared/eval``."""
