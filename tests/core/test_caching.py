"""Paragraph caches are bounded in memory: a long pasted paragraph is computed, not remembered
(issue 15: a fuzzing run grew to 380 MB holding megabyte texts in 4,096-entry caches)."""
from circular_studio.core.caching import MAX_CACHED_CHARS
from circular_studio.core.locale.text import masked


def test_long_texts_are_not_remembered():
    masked.cache_clear()
    masked("short " * 10)
    masked("x" * (MAX_CACHED_CHARS + 1))
    assert masked.cache_info().currsize == 1
    assert masked("x" * (MAX_CACHED_CHARS + 1)) == "x" * (MAX_CACHED_CHARS + 1)
