"""Words the credit grammar recognises: labels, markers and what makes a segment a body.

All of it is data. The parser and splitter combine these tables with a handful of structural
rules (separators, ``via``, ``for``, brackets) instead of carrying special cases.
"""

from __future__ import annotations

import re

# A label introduces a credit: ``Photo by``, ``Photograph:``, ``Image credit:``, ``©`` ... The
# splitter uses them to find a credit inside a caption; the parser strips them. Each entry is a
# regular expression fragment matched case-insensitively at the start of a credit.
LABELS: tuple[str, ...] = (
    r"express\s+photo(?:graph)?\s+by\s*:?",
    r"pool\s+photo(?:graph)?\s+by\s*:?",
    r"photo(?:graph)?\s+illustration\s+by\s*:?",
    r"photo(?:graph)?\s+courtesy\s+of\s*:?",
    r"photo(?:graph)?s?\s+courtesy\s*:?",
    r"(?:photo(?:graph)?s?|photography|pictures?|images?|illustration|graphic|video)\s+by\s*:?",
    r"image\s+source\s*[,:]",
    r"file\s*:",
    r"photography\s*:",
    r"photo(?:graph)?s?\s+credits?\s*:",
    r"image\s+credits?\s*:",
    r"credits?\s*(?:\.{2,}|…)\s*",
    r"file\s+photo(?:graph)?\s*:",
    r"satellite\s+(?:image|photo)(?:\s+by)?\s*:?",
    r"pics?\s*:",
    r"picture\s+credits?\s*:",
    r"image\s+courtesy\s+of\s*:?",
    r"courtesy\s+of\s*:?",
    r"courtesy\s*:",
    r"courtesy\s+(?=(?-i:[A-Z]))",
    r"credits?\s*:",
    r"photo(?:graph|grapher)?s?\s*:",
    r"pictures?\s*:",
    r"image\s*:",
    r"source\s*:",
    r"illustration\s*:",
    r"video\s*:",
    r"fot[oóò](?:grafía|grafia|graf)?\s*:",
    r"fot[oóò]\s+(?:di|de|von|by)\s+",
    r"фото\s*:",
    r"bild\s*:",
    r"cr[ée]dit(?:o)?\s+photo\s*:",
    r"cr[ée]dit[oó]?\s*:",
    r"קרדיט\s*:",
    r"צילום\s*:",
    r"写真\s*[:：]",
    r"사진\s*[:=]",
    # Last resort, lowest priority: ``foto ANSA/NAME``, a bare ``Photo`` before a capital.
    r"(?:photo|foto)\s+(?=(?-i:[A-Z]))",
)
LABEL_RE = re.compile(r"(?:©|\(c\))?\s*(?:" + "|".join(LABELS) + r")\s*", re.IGNORECASE)
COPYRIGHT_RE = re.compile(r"^(?:©|\(c\)|copyright\b)\s*", re.IGNORECASE)

# A label that makes the picture a pool picture.
POOL_LABEL_RE = re.compile(r"^(?:©\s*)?pool\s+photo", re.IGNORECASE)

# Whole segments that are markers, not names: they set a flag or mean nothing.
HANDOUT_WORDS = frozenset({"handout", "handout photo", "handout picture", "handout image"})
POOL_WORDS = frozenset({"pool", "pool photo", "pool picture", "pool image", "photo pool"})
NOISE_WORDS = frozenset(
    {
        "stringer",
        "str",
        "file",
        "file photo",
        "file picture",
        "file image",
        "photo",
        "photos",
        "foto",
        "photograph",
        "image",
        "images",
        "picture",
        "pictures",
        "staff",
        "various sources",
        "the authors",
        "authors",
        "the author",
        "author",
        "unknown",
        "anonymous",
        "ho",
        "afp ho",
        "archive",
        "archives",
        "courtesy",
        "illustration",
        "video",
        "screenshot",
        "screen grab",
        "video grab",
        "social media",
        "via social media",
        "x",
        "twitter",
        "instagram",
        "supplied",
        "photo illustration",
        "photo-illustration",
        "handout photo",
        "reader submitted",
        "staff photographer",
        "staff photo",
        "contributed",
        "submitted",
        "representational image",
        "representative image",
        "representational photo",
        "representational picture",
        "image for representation",
        "symbolic image",
        "symbolbild",
        "illustrative image",
        "graphic",
    }
)

# Platforms pictures are taken from: sources, never a one-word photographer.
SOURCE_WORDS = frozenset(
    "facebook telegram youtube tiktok twitter instagram x vk weibo wechat snapchat linkedin "
    "reddit".split()
)

# Words that mark a segment as a body rather than a person.
ORGANIZATION_WORDS = frozenset(
    """
    ministry ministerio ministère ministerium government gov govt office press service services
    presidential presidency president's kremlin white house department dept authority authorities
    council agency agencia agence agentur army navy forces force military police command
    university institute institution foundation museum archive archives library collection
    company co inc ltd llc corp corporation group holdings association federation union
    committee commission embassy parliament court tribunal hospital zoo party club team
    network channel tv radio broadcasting studio studios news newspaper media pictures images
    photos foto fotos photo press wire service times post herald journal tribune gazette
    chronicle guardian telegraph observer independent express mirror mail standard monitor
    insider business daily weekly magazine today world international national global
    spiegel zeitung shimbun ilbo correspondent observatory nasa esa space program programme project
    publishing publications
    municipality city region regional province provincial state administration governor
    center centre society trust fund bank aquarium stadium church diocese school college
    organization organisation org host various family estate handout technologies technology
    systems labs laboratory solutions industries airlines motors energy photographer
    """.split()
)

# Words that make an unknown body a publisher of pictures: a newspaper, broadcaster, picture
# agency. A body without one is a source (a ministry, a company) and never the distributor.
MEDIA_WORDS = frozenset(
    """
    news newspaper newspapers media press wire photo photos foto fotos pictures images agency
    agencia agence agentur times post herald journal tribune gazette chronicle guardian
    telegraph observer express mirror daily weekly magazine insider spiegel zeitung shimbun ilbo
    tv television radio network channel broadcasting broadcaster publishing publications
    """.split()
)

# Bodies that are not media: when a credit names only these, there is no agency.
NON_MEDIA_WORDS = frozenset(
    """
    ministry ministerio ministère ministerium government gov govt office presidential presidency
    kremlin department dept authority authorities council army navy forces force military police
    command university institute institution foundation museum library company inc ltd llc corp
    corporation holdings association federation committee commission embassy parliament court
    tribunal hospital zoo party club team family estate municipality region regional province
    provincial state administration governor center centre society trust fund bank aquarium
    church diocese school college organization organisation nasa esa observatory host space
    technologies technology systems labs laboratory solutions industries airlines motors energy
    service services presidential office
    """.split()
)

# Name particles that may be lower case inside a person's name.
NAME_PARTICLES = frozenset(
    "al el de da di do dos das du del della der den van von ter ten le la bin ibn abu y e st "
    "dal dei degli".split()
)
HONORIFICS_RE = re.compile(
    r"^(?:dr|mr|mrs|ms|prof|sir|dame|rev|fr|sgt|lt|capt|col|gen|maj)\.?\s+", re.IGNORECASE
)

# Tokens inside a segment that make it a body even without a keyword: acronyms of offices.
ORGANIZATION_ACRONYMS = frozenset(
    "TV GPO KCTV NBC CBS ABC UN US UK EU NATO IDF IOC FIFA UEFA NHS FBI CIA "
    "WHO SPA IRNA SANA WAM MENA APA IRIB CCTV NHK KBS MBC SBS RT WPA".split()
)

# Acronyms of bodies that are sources, never distributors (government press offices, armies).
NON_MEDIA_ACRONYMS = frozenset(
    "GPO IDF NASA ESA UN UNICEF UNHCR UNRWA WHO NATO FBI CIA DoD IAEA ICRC EU NOAA USGS JAXA "
    "MoD MOD DVIDS IDF".split()
)

# Longest credit the splitter considers; anything longer is a sentence, not a credit.
MAX_CREDIT_CHARS = 200
