"""Our caption and credit beside what the agency embedded in the file, differences marked.

The workbench decides which pairs differ (it reads them the way the credit rules do, so
``YULIA ZORINA`` and ``Yulia Zorina`` agree); this widget only makes a difference impossible to
miss: ``≠`` and yellow. Under the pairs come the embedded facts an editor checks a caption
against (headline, place, date), dim, because they have no counterpart on our side.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping

from rich.table import Table
from rich.text import Text
from textual.widgets import Static

from photodesk.services.workbench import ComparisonRow

# Embedded fields shown under the comparison, in this order, when the file has them.
CONTEXT_FIELDS = ("headline", "city", "country", "date_created", "job_id")
# The credit fields are what the desk is judged on: they come first, the caption text last,
# cut short (the caption editor holds ours in full; the file's is there to compare the gist).
FIRST = ("credit", "creators", "source")
LONG_TEXT = 110


def compare_table(rows: Iterable[ComparisonRow], embedded: Mapping[str, object] | None) -> Table:
    """field | ours | embedded: the compared pairs, then the embedded context fields."""
    table = Table(box=None, expand=True, show_header=True, header_style="bold", pad_edge=False)
    table.add_column("field", style="dim", no_wrap=True, width=13)
    table.add_column("ours", ratio=1)
    table.add_column("embedded", ratio=1)
    for row in sorted(rows, key=lambda r: FIRST.index(r.field) if r.field in FIRST else 9):
        table.add_row(*_pair(row))
    for name in CONTEXT_FIELDS:
        value = _text((embedded or {}).get(name))
        if value:
            table.add_row(Text(_label(name), style="dim"), "", Text(value, style="dim"))
    return table


def _pair(row: ComparisonRow) -> tuple[Text, Text, Text]:
    ours = Text(_cut(row.ours) or "—")
    theirs = Text(_cut(row.embedded) or "—")
    if not row.differs:
        return Text(_label(row.field)), ours, theirs
    ours.stylize("yellow")
    theirs.stylize("bold yellow")
    return Text(f"≠ {_label(row.field)}", style="bold yellow"), ours, theirs


def _cut(text: str) -> str:
    flat = " ".join(text.split())
    return flat if len(flat) <= LONG_TEXT else flat[: LONG_TEXT - 1].rstrip() + "…"


def _label(name: str) -> str:
    return name.replace("_", " ")


def _text(value: object) -> str:
    if value is None:
        return ""
    if isinstance(value, list | tuple):
        return "; ".join(str(item) for item in value)
    return str(value)


class MetadataCompare(Static):
    """The comparison table, or why there is nothing to compare.

    Its size is the layout's, never its content's: a new table repaints it alone (a layout pass
    would measure the table again and repaint the whole screen).
    """

    def show(self, rows: Iterable[ComparisonRow], embedded: Mapping[str, object] | None) -> None:
        """Replace the table."""
        self.update(compare_table(rows, embedded), layout=False)

    def show_message(self, message: str) -> None:
        """No linked picture, or it could not be read."""
        self.update(Text(message, style="dim italic"), layout=False)
