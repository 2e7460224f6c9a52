"""Article text in, caption drafts out. Pure: the caller reads the file.

``read_article(text, suffix)`` detects the format (scraped text, HTML, Markdown, ninjs) and returns
an ``ArticleDraft`` whose captions are in reading order, each picture once. Credit recognition
belongs to ``photodesk.core``; this package decides which parts of a page are captions.
"""

from photodesk.articles.errors import ArticleFormatError
from photodesk.articles.read import READERS, read_article

__all__ = ["READERS", "ArticleFormatError", "read_article"]
