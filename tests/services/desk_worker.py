"""One editor in its own process, for the team-mode tests: ``python desk_worker.py URL NAME ...``.

Arguments: desk URL, editor name, own caption id, shared caption id, number of edits. It prints
``ready``, waits for ``go`` on stdin (so that both processes start editing together), then makes
N edits to its own caption and N read-modify-write appends to the shared caption, retrying each
append on EditConflict, and prints one JSON line: ``{"conflicts", "started", "finished"}`` (the
appends retried, and the wall-clock span of its edits, so the test can tell they overlapped).
"""

from __future__ import annotations

import json
import sys
import time

from photodesk.services.desk import open_desk
from photodesk.services.editing import EditConflict, edit_caption, get_caption


def append(desk_url: str, name: str, own: int, shared: int, count: int) -> dict[str, float]:
    conflicts = 0
    with open_desk(desk_url) as desk:
        print("ready", flush=True)
        sys.stdin.readline()
        started = time.time()
        for i in range(count):
            mine = get_caption(desk, own)
            edit_caption(desk, own, mine.version, {"caption": f"{name} {i}"}, editor=name)
            while True:
                seen = get_caption(desk, shared)
                change = {"caption": f"{seen.caption} {name}{i}"}
                try:
                    edit_caption(desk, shared, seen.version, change, editor=name)
                    break
                except EditConflict:
                    conflicts += 1
        finished = time.time()
    return {"conflicts": conflicts, "started": started, "finished": finished}


if __name__ == "__main__":
    url, editor, own_id, shared_id, n = sys.argv[1:6]
    print(json.dumps(append(url, editor, int(own_id), int(shared_id), int(n))))
