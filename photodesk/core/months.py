"""Month names as captions, datelines and embargo notices print them, with their numbers.

One table, because the article readers (dates in front matter and bylines) and the check
(embargo times in agency instructions) read the same English month names and abbreviations.
"""

from __future__ import annotations

MONTH_NUMBERS: dict[str, int] = {
    name: number
    for number, names in enumerate(
        (
            ("jan", "january"),
            ("feb", "february"),
            ("mar", "march"),
            ("apr", "april"),
            ("may",),
            ("jun", "june"),
            ("jul", "july"),
            ("aug", "august"),
            ("sep", "sept", "september"),
            ("oct", "october"),
            ("nov", "november"),
            ("dec", "december"),
        ),
        start=1,
    )
    for name in names
}
