"""Split a regimen line that names several things ("ginkgo and St John's wort") into its parts.

Nothing on a line may be ignored: a line such as "ginkgo + St John's wort" used to be read as its
first product, and the second product's findings vanished without a word. Each part is read on
its own; words that name nothing known are kept and reported as unread.
"""

from __future__ import annotations

import re

from suppcheck.text import lazy_re, normalize

MAX_LINE_CHARS = 1_000  # a regimen line longer than this is not read (a name is a few words)
MAX_PARTS = 24  # parts of one line read at most; the rest is reported unread

# Separators between products. A comma or slash between digits ("1,000 mg", "beta-1,3/1,6-glucan")
# and a slash in a unit ("mg/m2", "mcg/day", a patch's "mg/24 h") separate nothing.
_UNIT_AFTER_SLASH = r"(?:m2|kg|day|d|dose|wk|week|h|hr|hrs|hour|hours|ml|l|dl|min|tab|cap)\b|\d{1,3}\s*(?:h|hr|hrs|hour|hours)\b"
_SEPARATOR = lazy_re(
    r"\s*(?:\n|;|&|\+|\bplus\b|\band\b|\bwith\b|(?<!\d),|,(?!\d)|(?<=[a-z)])\s*/\s*(?!" + _UNIT_AFTER_SLASH + r"))\s*",
    re.IGNORECASE,
)

# Words that describe a product or how it is taken, and so are read, not ignored: forms, plant parts,
# release types, routes, salts, frequencies, units and meal words. They add nothing to check.
DESCRIPTIVE = frozenset("""
extract extracts standardized standardised std leaf leaves root roots rhizome seed seeds bark flower flowers
berry berries fruit fruits herb herbal aerial parts whole plant peel mushroom mycelium fruiting body spore
powder powdered tincture tea teas oil oils liquid drops spray cream gel gummy gummies chewable chewables
capsule capsules cap caps caplet caplets softgel softgels tablet tablets tab tabs pill pills lozenge lozenges sachet
granules syrup solution suspension injection infusion iv po im sc sq subq oral orally topical patch
er xr xl sr cr dr la ir ec odt ds mr extended delayed sustained controlled immediate release
daily bid tid qid qd qhs qam qpm od q12h q8h q6h q24h qw q1w q2w q3w q4w prn once twice thrice times
day days week weeks weekly month months monthly mo mos wk wks hr hrs hour hours quarterly yearly
morning evening night nightly bedtime cycle cycles d
a an the of to at in on by per as for each every before after during between take taking taken two three four five six
and or with plus
food meals meal breakfast lunch dinner supper water empty stomach needed cup cups brewed cooking
mg mcg ug g gm gram grams kg iu units unit ml cfu billion million auc m2 dose doses
tsp tsps teaspoon teaspoons teaspoonful tbsp tbsps tablespoon tablespoons scoop scoops dropper droppers
dropperful oz ounce ounces fl glass glasses serving servings packet packets vegcap vegcaps
complex formula blend combo combination mix supplement supplements supplementation product brand organic
natural pure decaffeinated decaf raw wild fresh dried premium virgin cold-pressed wholefood
vit mag ground chew chews injections shake shakes protein medicinal mushrooms fu sliding scale
juice juices mug mugs handful bottle bottles one half
puff puffs spray sprays inhaler inhalers inhalation inhalations inhaled nebulizer nebuliser nebulized nebulised
neb nebs nasal actuation actuations hfa mdi otc
swish swished swishing spit swallow swallowed rinse rinses rinsing gargle gargled gargling
film films strip strips wafer wafers troche troches elixir slurry ointment ointments lotion lotions foam
vaginal vaginally rectal rectally pr suppository suppositories enema meq mouthwash mouthwashes
vitamin tablet strength high low regular maximum max extra baby low-dose high-dose
""".split())
# Salt and ester words that follow a drug's name ("warfarin sodium", "imatinib mesylate").
SALTS = frozenset("""
sodium potassium calcium magnesium hydrochloride hcl mesylate maleate citrate acetate succinate
tartrate fumarate sulfate sulphate phosphate besylate tosylate malate dimesylate monohydrate
dihydrate hydrobromide bromide chloride disodium
""".split())
_NUMBERISH = lazy_re(r"^(?:\d+|d\d+|x\d+|\d+x|q\d+(?:[hdw]|wk|wks|mo|mos)?|\d+[a-z]{1,3})$")


def split_line(text: str) -> list[str]:
    """The parts of a line, split at separators outside brackets; dose-only parts stay with the part before."""
    parts: list[str] = []
    for chunk in _split_outside_brackets(text):
        chunk = chunk.strip(" ,;:+&/-")
        if not chunk:
            continue
        # "calcium 600 + D", "Caltrate 600+D3": a bare D after another part is vitamin D.
        bare_d = re.fullmatch(r"(?i)d3?\b(.*)", chunk)
        if parts and bare_d:
            parts.append(f"vitamin D{bare_d.group(1)}")
            continue
        if parts and is_descriptive(chunk):
            parts[-1] = f"{parts[-1]}, {chunk}"
        else:
            parts.append(chunk)
    return parts


def has_separator(text: str) -> bool:
    """Whether `text` holds a separator between products at all (without one, `split_line` gives one part)."""
    return _SEPARATOR.search(text) is not None


def is_descriptive(text: str) -> bool:
    """True when every word of `text` only describes form, dose or timing ("twice daily with food")."""
    return all(is_descriptive_word(w) for w in normalize(text).split())


def is_descriptive_word(word: str) -> bool:
    return word in DESCRIPTIVE or bool(_NUMBERISH.match(word))


def _split_outside_brackets(text: str) -> list[str]:
    """Split at separators, keeping bracketed text ("omega-3 (EPA/DHA)") whole."""
    out: list[str] = []
    depth, start = 0, 0
    masked = []
    for ch in text:
        if ch in "([{":
            depth += 1
        elif ch in ")]}" and depth:
            depth -= 1
        masked.append("x" if depth and ch not in "([{" else ch)
    view = "".join(masked)
    for match in _SEPARATOR.finditer(view):
        if match.start() == match.end():
            continue
        out.append(text[start:match.start()])
        start = match.end()
    out.append(text[start:])
    return out
