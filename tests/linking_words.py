"""Word lists for the generated linking desk (tests/linking_desk.py).

Kept apart from the generator so that the generator reads as the recipe it is. Names are built
from syllables so that a 10,000-picture desk still has distinct people, places and venues; the
actions are what tells two frames of one event apart, as in real agency shoots.
"""

from __future__ import annotations

SYLLABLES = (
    "ka ri mo ten sho vla dim ser gei an na li ko va ro bin mar tin el la zu hao ming jin su "
    "park ol ga nik ya bo den fer gu har is jo kel lu mi nor pe qui sal to ur vik wen xi yu "
    "zen ara bel cor dor esk fal gor hel ink jas kor lin mor nal ost pra rus sen tor ulm var"
).split()
DIACRITICS = str.maketrans({"o": "ŏ", "e": "é", "u": "ü", "a": "á", "s": "š", "c": "č"})
COUNTRIES = (
    "Russia", "North Korea", "China", "Ukraine", "France", "Germany", "Brazil", "India", "Japan",
    "Kenya", "Mexico", "Turkey", "Egypt", "Poland", "Spain", "Italy", "Vietnam", "Chile",
)  # fmt: skip
ROLES = (
    "President", "Prime Minister", "Foreign Minister", "Defence Minister", "leader",
    "Vice Premier", "Governor", "Mayor", "opposition leader", "Health Minister",
    "Trade Minister", "Ambassador", "Crown Prince", "General", "Chancellor",
)  # fmt: skip
VENUES = (
    "{} railway station", "the {} cosmodrome", "{} Aquarium", "{} aerodrome", "the {} shipyard",
    "{} Stadium", "the {} Palace", "{} Square", "the {} market", "{} port", "the {} Museum",
    "{} University", "the {} power plant", "{} Cathedral", "the {} trade fair",
)  # fmt: skip
THINGS = (
    "warplane", "launch pad", "submarine", "rocket engine", "tractor", "wind turbine",
    "harvester", "locomotive", "drone", "satellite", "fishing trawler", "container crane",
    "helicopter", "tank", "bulldozer", "telescope", "reactor", "ferry", "icebreaker", "bus",
)  # fmt: skip
ANIMALS = ("walrus", "dolphin", "sea lion", "beluga whale", "seal", "orca", "penguin", "otter")
# (third person, -ing form) of what one frame shows; {thing}, {animal}, {other} are filled in.
ACTIONS = (
    ("waves before boarding a train", "waving before boarding a train"),
    ("shakes hands with {other}", "shaking hands with {other}"),
    ("inspects a {thing}", "inspecting a {thing}"),
    ("examines a {thing}", "examining a {thing}"),
    ("speaks to reporters", "speaking to reporters"),
    ("lays a wreath at a memorial", "laying a wreath at a memorial"),
    ("watches a {animal} perform", "watching a {animal} perform"),
    ("applauds during a concert", "applauding during a concert"),
    ("signs the visitors' book", "signing the visitors' book"),
    ("reviews an honour guard", "reviewing an honour guard"),
    ("leaves the building after talks", "leaving the building after talks"),
    ("arrives for a working dinner", "arriving for a working dinner"),
    ("walks past a {thing}", "walking past a {thing}"),
    ("gestures during a press conference", "gesturing during a press conference"),
    ("poses for a photograph with {other}", "posing for a photograph with {other}"),
    ("listens to a briefing by engineers", "listening to a briefing by engineers"),
    ("cuts a ribbon to open a new plant", "cutting a ribbon to open a new plant"),
    ("plants a tree in the grounds", "planting a tree in the grounds"),
    ("receives flowers from children", "receiving flowers from children"),
    ("climbs into the cockpit of a {thing}", "climbing into the cockpit of a {thing}"),
    ("rides an escalator with {other}", "riding an escalator with {other}"),
    ("raises a glass with {other} at a banquet", "raising a glass with {other} at a banquet"),
    ("tastes local food at a stall", "tasting local food at a stall"),
    ("visits a school classroom", "visiting a school classroom"),
    ("greets workers on the factory floor", "greeting workers on the factory floor"),
    ("looks through binoculars", "looking through binoculars"),
    ("holds a model of a {thing}", "holding a model of a {thing}"),
    ("exchanges gifts with {other}", "exchanging gifts with {other}"),
    ("boards a ferry across the river", "boarding a ferry across the river"),
    ("addresses a plenary session", "addressing a plenary session"),
    ("salutes as the anthem plays", "saluting as the anthem plays"),
    ("checks the controls of a {thing}", "checking the controls of a {thing}"),
    ("feeds a {animal}", "feeding a {animal}"),
    ("laughs with {other} before their meeting", "laughing with {other} before their meeting"),
    ("kneels to speak with a veteran", "kneeling to speak with a veteran"),
    ("steps off a plane", "stepping off a plane"),
)
# Clauses an article's editor adds that no agency caption has.
EDITOR_CLAUSES = (
    "amid Western concerns over arms deliveries",
    "as talks on energy supplies continued",
    "on the last day of a week-long tour",
    "in a visit closely watched by neighbouring capitals",
    "days after a summit that ended without a deal",
    "as protesters gathered outside",
)
MONTHS = (
    "January", "February", "March", "April", "May", "June", "July", "August", "September",
    "October", "November", "December",
)  # fmt: skip
AP_MONTHS = ("Jan.", "Feb.", "March", "April", "May", "June", "July", "Aug.", "Sept.", "Oct.",
             "Nov.", "Dec.")  # fmt: skip
WEEKDAYS = ("Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday")
HANDOUT_BODIES = (
    "Ministry of Defence", "Presidential Press Service", "Regional Government",
    "Foreign Ministry", "State Space Agency",
)  # fmt: skip
