"""``export --format html``: a self-contained contact sheet, one file an editor can mail or print.

Every thumbnail is a ``data:`` URI and the CSS is inline, so the sheet needs nothing beside it
and shows the same everywhere; it carries no script (a mailed file that runs code is refused by
many mail systems). Text is escaped once, here; nothing from a caption can become markup.
"""

from __future__ import annotations

import base64
from collections.abc import Mapping
from html import escape

from photodesk.export.contact import (
    NO_PICTURE,
    STATUS_SYMBOLS,
    Entry,
    Group,
    file_name,
    groups,
    status_label,
    summary,
)
from photodesk.export.html_style import CSS
from photodesk.export.sheet import Preview, Sheet

TITLE = "Caption sheet"


def render_html(sheet: Sheet, previews: Mapping[str, Preview], generated: str = "") -> bytes:
    """The contact sheet as UTF-8 HTML; ``generated`` (e.g. the export time) is printed as is."""
    parts = [
        "<!DOCTYPE html>",
        '<html lang="en">',
        '<head><meta charset="utf-8">',
        '<meta name="viewport" content="width=device-width, initial-scale=1">',
        f"<title>{TITLE}</title>",
        f"<style>{CSS}</style></head>",
        "<body>",
        _header(sheet, generated),
        *(_group(group) for group in groups(sheet, previews)),
        "</body></html>",
    ]
    return ("\n".join(parts) + "\n").encode("utf-8")


def _header(sheet: Sheet, generated: str) -> str:
    legend = " · ".join(status_label(status) for status in ("ok", "warning", "error"))
    lines = [f"<header><h1>{TITLE}</h1>", f'<p class="summary">{escape(summary(sheet))}</p>']
    lines.append(f'<p class="legend">Status: {escape(legend)}</p>')
    if generated:
        lines.append(f'<p class="generated">{escape(generated)}</p>')
    lines.append("</header>")
    return "\n".join(lines)


def _group(group: Group) -> str:
    cards = "\n".join(_entry(entry) for entry in group.entries)
    heading = escape(group.heading)
    return f'<section>\n<h2>{heading}</h2>\n<div class="sheet">\n{cards}\n</div>\n</section>'


def _entry(entry: Entry) -> str:
    css_class = entry.status if entry.status in ("ok", "warning", "error") else "unplaced"
    symbol, word = STATUS_SYMBOLS.get(entry.status, "–"), entry.status
    codes = f' <span class="codes">{escape(", ".join(entry.codes))}</span>' if entry.codes else ""
    status = (
        f'<p class="status"><span class="symbol" aria-hidden="true">{escape(symbol)}</span> '
        f"{escape(word)}{codes}</p>"
    )
    credit = (
        f'<p class="credit">{escape(entry.credit)}</p>'
        if entry.credit
        else '<p class="credit"><span class="missing">no credit</span></p>'
    )
    where = escape(file_name(entry.picture)) if entry.picture else NO_PICTURE
    text = [
        status,
        f'<p class="caption">{escape(entry.caption)}</p>',
        credit,
        f'<p class="file">{where}{_key(entry.key)}</p>',
    ]
    if entry.restrictions:
        items = "".join(f"<li>{escape(line)}</li>" for line in entry.restrictions)
        text.append(f'<ul class="restrictions" aria-label="Restrictions">{items}</ul>')
    return (
        f'<article class="entry {css_class}">{_thumb(entry)}'
        f'<div class="text">{"".join(text)}</div></article>'
    )


def _key(key: str) -> str:
    return f' · <span class="key">{escape(key)}</span>' if key else ""


def _thumb(entry: Entry) -> str:
    if entry.preview is None:
        return f'<div class="no-preview">{NO_PICTURE}</div>'
    if entry.preview.jpeg is None:
        reason = entry.preview.problem or "unknown reason"
        return f'<div class="no-preview">no preview: {escape(reason)}</div>'
    data = base64.b64encode(entry.preview.jpeg).decode("ascii")
    alt = escape(file_name(entry.picture or ""))
    return f'<figure class="thumb"><img src="data:image/jpeg;base64,{data}" alt="{alt}"></figure>'
