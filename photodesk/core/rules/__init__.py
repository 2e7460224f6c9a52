"""The publishing gate's rules: pure functions from a caption's facts to findings.

API::

    from photodesk.core.rules import CaptionFacts, PictureFacts, HouseStyle, check_caption
    findings = check_caption(CaptionFacts(caption, credit, parsed, picture), HouseStyle())
    status_of(findings)            # "ok" | "warning" | "error"
    RULES, RULES_BY_CODE           # every rule: code, name, default severity, summary
    house_from_toml(text)          # photodesk.toml text → HouseStyle (HouseStyleError)
"""

from photodesk.core.rules.house import HouseStyle, HouseStyleError, house_from_toml
from photodesk.core.rules.model import (
    CaptionFacts,
    Finding,
    Fix,
    Hit,
    PictureFacts,
    Rule,
    picture_facts,
)
from photodesk.core.rules.registry import (
    RULE_CODES,
    RULES,
    RULES_BY_CODE,
    check_caption,
    status_of,
)
from photodesk.core.rules.severity import Severity

__all__ = [
    "RULES",
    "RULES_BY_CODE",
    "RULE_CODES",
    "CaptionFacts",
    "Finding",
    "Fix",
    "Hit",
    "HouseStyle",
    "HouseStyleError",
    "PictureFacts",
    "Rule",
    "Severity",
    "check_caption",
    "house_from_toml",
    "picture_facts",
    "status_of",
]
