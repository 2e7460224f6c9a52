"""(to be written)"""

from __future__ import annotations

from photodesk.core.rules.model import Rule

RULES: tuple[Rule, ...] = ()
