"""The one exception the article readers raise.

Readers are pure (text in, drafts out), so they do not know which file they are reading; they say
*why* the text is not an article and the service that opened the file adds *which* file.
"""

from __future__ import annotations


class ArticleFormatError(ValueError):
    """The text cannot be read as an article of any supported format."""

    def __init__(self, reason: str) -> None:
        super().__init__(reason)
        self.reason = reason
