"""Caches keyed by a paragraph's text, bounded in memory as well as in entries.

The checks and the typesetting remember their work per paragraph (a letter is checked again at
every keystroke, mostly unchanged). An lru_cache of 4,096 entries holding pasted paragraphs of a
megabyte each would hold gigabytes: texts longer than ``max_chars`` are computed, not remembered.
"""
from __future__ import annotations

import functools

MAX_CACHED_CHARS = 5000  # longer than nearly every real paragraph; 4,096 of them: ~20 MB


def text_cache(maxsize: int = 4096, max_chars: int = MAX_CACHED_CHARS):
    """``functools.lru_cache`` for a function whose first argument is a text, skipped for long
    texts."""
    def decorate(fn):
        cached = functools.lru_cache(maxsize=maxsize)(fn)

        @functools.wraps(fn)
        def call(text, *args, **kwargs):
            if len(text) > max_chars:
                return fn(text, *args, **kwargs)
            return cached(text, *args, **kwargs)
        call.cache_clear = cached.cache_clear
        call.cache_info = cached.cache_info
        return call
    return decorate
