"""Reading what a person said in their own words.

Alexa gives a custom skill an intent and slots, nothing else.  Where the
words themselves reach the skill (an ``AMAZON.SearchQuery`` description, or a
slot value that no slot type resolved), this module reads them: warning
signs first, each checked for negation ("no numbness at all"), with serious
symptoms the article does not cover ahead of the article's own; then a
conversational request ("could you repeat that"); then the topic the words
are about.

The vocabulary comes from ``skill/lexicon.py``, the same lists the interaction
model's grammar expands into sample utterances.  Patterns are compiled once,
at import.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass

from skill import lexicon

# The article's warning signs, as ids of content.REASONS_TO_SEE_A_PROFESSIONAL.
NERVE_SIGNS = "nerve_signs"
LUMP_CHANGES = "lump_changes"
SEVERE_PAIN = "severe_pain"
OTHER_GROWTH = "other_growth"
NO_RELIEF = "no_relief"
SERIOUS = "serious"  # a serious symptom outside the article
ANY_SIGN = "any"  # every warning sign at once, denied ("none of those")

MAX_WORDS = 60  # a description longer than this is read in its first MAX_WORDS words
_GAP = r"(?:\s+\S+){0,7}?\s+"  # up to seven words between two parts of one sign


# Contractions, written out, so that "can't", "cant" and "can not" read alike
# (speech recognition writes "can't"; people typing into the simulator may not).
_WHOLE_WORDS = {
    "can't": "can not",
    "cant": "can not",
    "cannot": "can not",
    "cannae": "can not",
    "canna": "can not",
    "won't": "will not",
    "wont": "will not",
    "i'm": "i am",
    "im": "i am",
    "ive": "i have",
    "dont": "do not",
    "doesnt": "does not",
    "didnt": "did not",
    "isnt": "is not",
    "arent": "are not",
    "wasnt": "was not",
    "havent": "have not",
    "hasnt": "has not",
    "couldnt": "could not",
    "shouldnt": "should not",
    "wouldnt": "would not",
    "its": "it is",
    "theres": "there is",
    "thats": "that is",
    "nothings": "nothing is",
}
_SUFFIXES = (("n't", " not"), ("'ve", " have"), ("'re", " are"), ("'ll", " will"), ("'d", " would"))


def canonical(text: str) -> str:
    """``text`` with contractions written out: "it's not" -> "it is not"."""
    words = []
    for word in text.split():
        word = _WHOLE_WORDS.get(word, word)
        for suffix, written in _SUFFIXES:
            if word.endswith(suffix):
                word = word[: -len(suffix)] + written
                break
        else:
            if word.endswith("'s"):  # "it's", "leg's gone": "is" or a possessive; both read alike here
                word = word[:-2] + " is"
        words.append(word)
    return " ".join(words)


def _any(words: tuple[str, ...] | list[str]) -> str:
    """One regex alternative for a list of phrases (in canonical form), longest first."""
    ordered = sorted({canonical(w) for w in words}, key=len, reverse=True)
    return r"(?:" + "|".join(re.escape(w).replace(r"\ ", r"\s+") for w in ordered) + r")"


# "leg day", "leg press": an exercise named for the legs, not a leg that hurts or tingles.
_NOT_AN_EXERCISE = r"(?!\s+(?:days?|press|presses|curls?|extensions?|raises?|workouts?|sessions?)\b)"
_LEG = _any(lexicon.LEG_PARTS) + _NOT_AN_EXERCISE
_FELT = _any((*lexicon.NERVE_SENSATIONS, *lexicon.FELT_IN_A_LEG))  # what a nerve sign feels like in a leg
_THING = _any((*lexicon.THINGS, "it", "this", "that", "thing", "mine"))
_NUMBER = r"(?:\d+|a\s+few|few|several|a\s+couple\s+of|couple\s+of|one|two|three|four|five|six|seven|eight|nine|ten)"
# (A year is said of the lump, not of the self-care the grammar's <durations> go with.)
_DURATION = rf"(?:{_any(lexicon.DURATIONS)}|(?:half\s+)?a\s+year|{_NUMBER}\s+(?:days?|weeks?|months?|years?))"
_MONTH = r"(?:january|february|march|april|may|june|july|august|september|october|november|december)"
# A daily task as said after "not" ("won't let me sleep"): the plain verb only, so "not walking
# funny" or "not affecting my sleep" are not read as a task stopped.
_DAILY_TASK = _any(lexicon.DAILY_ACTIVITIES)
_DAILY = (
    r"(?:"
    + "|".join(re.escape(a).replace(r"\ ", r"\s+") + r"\w*" for a in (*lexicon.DAILY_ACTIVITIES, *lexicon.DAILY_MORE))
    + ")"
)

# "worse than when I broke my wrist" is rewritten to this: an old injury, named only to compare.
_WORSE_THAN_AN_INJURY = "worse than my worst injury"
# "really bad", "excruciating": how strong pain is, which says nothing of where it is.
_INTENSITY = rf"(?P<sign>{_any((*lexicon.SEVERE_WORDS, _WORSE_THAN_AN_INJURY))})"

_TRAVEL = (
    r"(?:go|goes|going|spread|spreads|spreading|travel|travels|travelling|traveling|shoots|shooting|radiates?|radiating|runs|moves"
    r"|wanders|wandering)"
)
# The words the skill puts before a SelfCareIntent description ("[iced it every night] and it's
# still sore"), so that the reader knows self-care was told.
SELF_CARE_TOLD = "self care"
_SELF_CARE_TOLD = _any((SELF_CARE_TOLD,))
# Self-care named, then asked whether it works ("[foam roller] on it, yes or no?").
_SELF_CARE_ASKED = re.compile(
    rf"^{_SELF_CARE_TOLD}\b.*\b(?:work|works|help|helps|any\s+good|worth\s+it|yes\s+or\s+no|good\s+idea)\b"
)
# With a time or an effort, no relief.
_STILL_SORE = r"still\s+(?:hurts|hurting|sore|there|painful|paining|aching|tight|stiff|tender|knotted)"
# "just as sore", "exactly as it was": no change, said after the self-care or the time it took.
_NO_DIFFERENT = r"(?:still\s+)?(?:just|exactly)\s+as\s+(?:sore|bad|painful|tender|stiff|tight|it\s+was)"
# What the no-change is said of: "and it's still sore", "and the lump's still sore".
_IT_IS = r"(?:(?:it|the\s+(?:lump|knot|bump|pain|thing))\s+(?:is\s+|has\s+been\s+)?|i\s+am\s+|i\s+)?"
# The saddle area, and how its numbness is told ("numb", "can't feel anything"); "the bottom of my back"
# is the back.
_SADDLE = rf"{_any(lexicon.SADDLE_AREA)}(?!\s+of\b)"
_SADDLE_FELT = r"(?:numb\w*|tingl\w*|no\s+feeling|can\s+not\s+feel(?:\s+anything|\s+much)?)"
# Where a blow lands: "right in the back", "straight into my lower back".
_BLOW_LANDS = r"(?:right\s+|straight\s+|square\s+|hard\s+)?(?:in|into|to)\s+(?:the|my)\s+(?:lower\s+)?(?:back|spine)"
# "not going down my leg" is about where pain goes, not a lump that persists.
_NOT_SPREADING = r"(?!\s+(?:my|your|the|both|into|to|through)\b)"

# Each sign: patterns whose group "sign" is where the sign starts (negation is
# looked for before it).  Order matters only for naming: every match counts.
_PATTERNS: tuple[tuple[str, str], ...] = (
    (SERIOUS, rf"(?P<sign>{_any(lexicon.SERIOUS_SYMPTOMS)})"),
    (SERIOUS, r"(?P<sign>pains?\s+in\s+(?:my|his|her|their)\s+chest)"),  # theirs as well as one's own
    (NERVE_SIGNS, rf"(?P<sign>{_any(lexicon.CANT_FEEL)}){_GAP}{_LEG}"),
    # "when I touch my thigh I can't really feel it properly"
    (NERVE_SIGNS, rf"{_LEG}(?:\s+\S+){{0,4}}?\s+(?P<sign>can\s+not\s+(?:really\s+|properly\s+)?feel)"),
    (NERVE_SIGNS, rf"{_LEG}{_GAP}(?:fall\w*\s+)?(?P<sign>{_FELT})"),
    (NERVE_SIGNS, rf"(?P<sign>{_FELT}){_GAP}{_LEG}"),
    # "a burning in my bum cheek that goes right down to my heel": the sensation travels to the leg.
    (
        NERVE_SIGNS,
        rf"(?P<sign>{_any(lexicon.NERVE_SENSATIONS)})(?:\s+\S+){{0,8}}?\s+(?:{_TRAVEL}\s+(?:right\s+|all\s+the\s+way\s+)?"
        rf"(?:down|into|to|through)|(?:right\s+|all\s+the\s+way\s+)?(?:down|into))(?:\s+\S+){{0,4}}?\s+{_LEG}",
    ),
    (NERVE_SIGNS, rf"(?P<sign>{_any(lexicon.NERVE_WORDS_ALONE)})"),
    (NERVE_SIGNS, rf"(?P<sign>{_any(lexicon.FEELING_LOST)})"),
    (NERVE_SIGNS, rf"{_LEG}{_GAP}(?P<sign>{_any(lexicon.LEG_WEAKNESS)})"),
    # "can't push off with my left foot", "pinched my calf and hardly felt a thing": the leg on either side
    (NERVE_SIGNS, rf"(?P<sign>can\s+not\s+push\s+off)\s+(?:\S+\s+){{0,3}}?{_LEG}"),
    (
        NERVE_SIGNS,
        rf"{_LEG}{_GAP}(?P<sign>(?:hardly|barely|could\s+not|did\s+not)\s+(?:felt|feel)\s+(?:a\s+thing|anything))"
        r"(?!\s+(?:special|different|unusual|weird|strange|odd|wrong|new|bad|of\s+it))",
    ),
    # Not "a weak core and strong legs": a muscle named after "weak" is what is weak.
    (NERVE_SIGNS, rf"(?P<sign>weak|weakness)(?!\s+(?:compared|than|core|abs|glutes|stomach|hamstrings)\b){_GAP}{_LEG}"),
    (
        NERVE_SIGNS,
        r"(?P<sign>dragging|drag|tripping\s+over|can\s+not\s+lift|can\s+not\s+move)\s+(?:my\s+)?(?:own\s+)?"
        rf"(?:left\s+|right\s+)?{_LEG}",
    ),
    # "my foot just sort of drags along the ground": a foot that cannot be lifted
    (NERVE_SIGNS, rf"{_LEG}(?:\s+\S+){{0,6}}?\s+(?P<sign>drags|dragging|flops|flopping|slaps\s+down)\b"),
    # "my foot won't move", "my leg won't hold my weight": a leg that does not do its job.
    (NERVE_SIGNS, rf"(?P<sign>not\s+(?:\S+\s+){{0,1}}?{_any(lexicon.LEG_JOBS)})(?:\s+\S+){{0,2}}?\s+{_LEG}"),
    (NERVE_SIGNS, rf"{_LEG}(?:\s+\S+){{0,2}}?\s+(?P<sign>not\s+(?:\S+\s+){{0,1}}?{_any(lexicon.LEG_HOLDS)})"),
    (OTHER_GROWTH, rf"(?P<sign>{_any(lexicon.OTHER_GROWTHS)})"),
    # "could it be a slipped disc?", "is this a lymph node?": suspecting something other than a knot.
    (
        OTHER_GROWTH,
        rf"(?P<sign>(?:is|could|might|may|can)\s+(?:it|this|that)\s+(?:just\s+|maybe\s+|actually\s+)?"
        rf"(?:be\s+)?(?:a|an)\s+(?!{_any(lexicon.NOT_A_GROWTH)}\b)\w+)",
    ),
    # "my friend said it might be a back mouse"
    (
        OTHER_GROWTH,
        rf"(?P<sign>(?:it|this|that)\s+(?:might|could|may)\s+(?:just\s+|actually\s+)?be\s+(?:a|an)\s+"
        rf"(?!{_any(lexicon.NOT_A_GROWTH)}\b)\w+)",
    ),
    (
        OTHER_GROWTH,
        r"(?P<sign>not\s+(?:really\s+)?(?:think|feel\s+like|seem\s+like|look\s+like|sound\s+like|believe|reckon|convinced)"
        # (not "i don't think it's anything else, just a knot": that doubts another growth, not the knot)
        r"(?:\s+(?!(?:else|other|than|but|except|apart)\b)\S+){0,6}?\s+(?:(?:muscle\s+)?(?:knot|trigger\s+point)|muscle))",
    ),
    # "it feels way too round and hard to be a knot"
    (OTHER_GROWTH, r"(?P<sign>too\s+(?:\S+\s+){1,4}?to\s+be\s+(?:a\s+|just\s+a\s+)?(?:muscle\s+)?knot)"),
    # "what else could it be apart from a knot?"
    (OTHER_GROWTH, r"(?P<sign>(?<=what\s)else\s+(?:could|might|can|would)\s+(?:it|this|that)\s+(?:possibly\s+)?be)"),
    (LUMP_CHANGES, rf"{_THING}{_GAP}(?P<sign>{_any(lexicon.CHANGES)})"),
    (LUMP_CHANGES, rf"(?P<sign>{_any(lexicon.CHANGES_ALONE)})"),
    (LUMP_CHANGES, rf"(?P<sign>{_any(lexicon.HARD_LUMP)})"),
    # "it's gone really hard", "hard like a stone": hardening said as a change, or as a stone is hard
    # (not "it's hard to bend", nor the plain "a hard lump" a knot is).
    (
        LUMP_CHANGES,
        rf"(?:{_THING}(?:\s+\S+){{0,2}}?\s+|^)(?:(?:is|feels|feel|felt)\s+(?:really|very|so|properly|proper|super|rock|quite)\s+"
        r"|(?:gone|getting|got|turned|become|becoming)\s+(?:really\s+|very\s+|so\s+|properly\s+|proper\s+)?)"
        r"(?P<sign>hard|solid)(?!\s+(?:to|work|going|time|day))\b",
    ),
    (
        LUMP_CHANGES,
        rf"(?P<sign>hard|solid|now\s+it\s+is|now\s+is)\s+(?:like|as)\s+(?:a\s+)?{_any(lexicon.HARD_THINGS)}",
    ),
    # "it was pea sized on monday and now it's like a grape": a size now, bigger than a knot
    (
        LUMP_CHANGES,
        r"(?P<sign>now\s+(?:it\s+is\s+|is\s+)?(?:more\s+|about\s+|nearly\s+)?(?:like\s+)?(?:the\s+size\s+of\s+)?"
        rf"(?:a|an)\s+{_any(lexicon.GROWN_TO)})",
    ),
    (LUMP_CHANGES, rf"(?P<sign>{_any(lexicon.CHANGES_TOLD)})"),
    # "it's the size of a tennis ball now": bigger than a knot is
    (
        LUMP_CHANGES,
        rf"(?P<sign>size\s+of\s+(?:a|an)\s+{_any(lexicon.BIGGER_THINGS)})",
    ),
    # "it's gone from pea size to the size of a grape"
    # (not "I've gone from zero to training six days a week": a training load)
    (LUMP_CHANGES, r"(?P<sign>gone\s+from\s+(?!zero\b|nothing\b|no\s)(?:\S+\s+){1,6}?to)\b"),
    # A second lump beside the first ("there's another one come up right next to it"): it is changing.
    (
        LUMP_CHANGES,
        r"(?P<sign>(?:another|a\s+second|a\s+new)\s+(?:one|lump|knot|bump)\s+(?:has\s+|have\s+|is\s+|just\s+)*"
        r"(?:come|came|coming|popped|popping|appeared|showed|formed|turned)\s+(?:up\s+)?(?:right\s+|just\s+)?"
        r"(?:next\s+to|beside|alongside|near)\s+(?:it|the\s+(?:first|other|old|original)))\b",
    ),
    (
        LUMP_CHANGES,
        r"(?P<sign>more\s+(?:lumps|lumpy\s+bits|bumps|knots)\s+(?:round|around|near|next\s+to|beside)\s+it)\b",
    ),
    # "it went from pea size to grape size" (not "I went from the gym to work"): a size, then another
    (
        LUMP_CHANGES,
        rf"(?P<sign>(?:went|grown|grew|got)\s+from\s+(?:a\s+|the\s+size\s+of\s+a\s+)?{_any(lexicon.SMALL_SIZES)}"
        r"(?:\s+\S+){0,4}?\s+to)\b",
    ),
    # "there's now two lumps where there was one": more of them, since
    (
        LUMP_CHANGES,
        r"(?P<sign>now\s+(?:there\s+is\s+|there\s+are\s+|i\s+have\s+(?:got\s+)?|got\s+)?(?:two|three|four|several|more)\s+(?:lumps|knots|bumps))",
    ),
    (LUMP_CHANGES, r"(?P<sign>(?:two|three|four|several)\s+(?:lumps|knots|bumps)\s+now)"),
    # "it was small on Monday and now it's massive"
    (
        LUMP_CHANGES,
        r"(?P<sign>was\s+(?:tiny|small|little)(?:\s+\S+){0,4}?\s+now\s+(?:it\s+is\s+)?(?:massive|huge|enormous|big|bigger))",
    ),
    # "it's like a stone under the skin": as hard as a stone is
    (LUMP_CHANGES, r"(?P<sign>like\s+a\s+(?:stone|rock|pebble))"),
    (LUMP_CHANGES, rf"(?P<sign>{_any(lexicon.CHANGES)})\s+(?:\S+\s+)?{_THING}"),
    (LUMP_CHANGES, rf"(?P<sign>{_any(lexicon.PERSISTENCE)}){_NOT_SPREADING}"),
    (LUMP_CHANGES, rf"(?P<sign>{_any(lexicon.VERY)}\s+painful)"),
    (
        LUMP_CHANGES,
        rf"(?:had|having|{_THING})(?:\s+\S+){{0,5}}?\s+(?P<sign>(?:for|since|over)\s+(?:the\s+)?"
        rf"(?:past\s+|last\s+|like\s+|about\s+|around\s+|nearly\s+|over\s+|more\s+than\s+)?{_DURATION})",
    ),
    (
        LUMP_CHANGES,
        rf"(?:been\s+there|been\s+like\s+(?:this|that)|lasted|there|(?:it|lump|knot|bump)\s+(?:is|has)\s+been)"
        rf"(?:\s+\S+){{0,2}}?\s+"
        rf"(?P<sign>(?:(?:for|since|over|about|around|nearly|almost|like)\s+)?(?:the\s+)?"
        rf"(?:past\s+|last\s+)?{_DURATION})",
    ),
    (
        LUMP_CHANGES,
        # "I've had it since January", not "I've been training since new year"
        rf"(?:had|having|there|been|ongoing|going\s+on|{_THING})(?:\s+\S+){{0,5}}?\s+"
        rf"(?P<sign>since\s+(?:\S+\s+){{0,4}}?(?:{_MONTH}|christmas|easter|new\s+year|last\s+(?:month|year)"
        r"|(?:the\s+)?(?:summer|winter|spring|autumn|fall)))",
    ),
    # "had this lump since my last meet, and that was two months ago": the start dated afterwards
    (
        LUMP_CHANGES,
        rf"(?:\b(?:had|having)\s+|^)(?:this|the|that|a|my)\s+{_THING}\s+since(?:\s+\S+){{1,8}}?\s+(?P<sign>{_DURATION}\s+ago)",
    ),
    # "noticed it a month ago and it's still there", "found it in march, still sat there"
    (
        LUMP_CHANGES,
        rf"(?:{_DURATION}\s+ago|in\s+{_MONTH})(?:\s+\S+){{0,8}}?\s+(?P<sign>still\s+(?:\S+\s+){{0,2}}?there)",
    ),
    (LUMP_CHANGES, r"(?P<sign>not\s+going|will\s+not\s+go)(?!\s+to)(?:\s+away)?$"),
    # "the knot still won't go after a month"
    (
        LUMP_CHANGES,
        rf"(?P<sign>will\s+not\s+(?:go|budge|shift))(?:\s+away)?\s+(?:after|for|in)\s+(?:the\s+|a\s+|over\s+)?{_DURATION}",
    ),
    # A negated resolution is a sign: "it hasn't gone away", "it's not shrinking", "nothing has shifted it".
    (LUMP_CHANGES, rf"(?P<sign>not\s+(?:\S+\s+){{0,2}}?{_any(lexicon.RESOLVING)}){_NOT_SPREADING}"),
    (SEVERE_PAIN, _INTENSITY),
    # "the pain's too bad to even try stretching", "too sore to walk": pain that stops what is tried
    (
        SEVERE_PAIN,
        r"(?P<sign>too\s+(?:bad|painful|sore|much|agonising|agonizing)\s+to\s+(?:even\s+)?(?:try|do|move|stretch|get"
        r"|walk|sit|stand|bend|sleep|work|think|function|drive|lift|go))\b",
    ),
    # "I can't at all because of it", "walking is really hard with this pain"
    (
        SEVERE_PAIN,
        r"(?P<sign>can\s+not(?:\s+\S+){0,3}?\s+because\s+of\s+(?:it|the\s+pain|this\s+pain|my\s+back|the\s+lump|the\s+knot)"
        r"|(?:really|so|very)\s+(?:hard|difficult)\s+(?:with|because\s+of)\s+(?:this|the)\s+pain)\b",
    ),
    # "walking to the shop is a nightmare now"
    (
        SEVERE_PAIN,
        rf"{_DAILY}(?:\s+\S+){{0,8}}?\s+(?P<sign>(?:is|has\s+been)\s+(?:\S+\s+)?(?:a\s+)?(?:nightmare|struggle|mission|battle|impossible))\b",
    ),
    # "walking the dog is impossible with my back" (the carrier may have taken the task)
    (
        SEVERE_PAIN,
        r"(?P<sign>(?:is|has\s+been)\s+(?:\S+\s+)?impossible)(?:\s+\S+){0,4}?\s+(?:with|because\s+of)\s+(?:my|this|the)\s+"
        r"(?:back|pain|lump|knot)",
    ),
    # "I can't even get into the pose, it's that bad" (not "is it that bad?")
    (SEVERE_PAIN, r"(?:(?<=\bit\sis\s)|(?<=\bpain\sis\s))(?P<sign>that\s+bad)"),
    # "my back's that painful I couldn't get out to the allotment"
    (SEVERE_PAIN, r"(?<=\bback\sis\s)(?P<sign>that\s+(?:bad|painful|sore))"),
    # "it won't let me sleep", "I haven't slept": a negated daily task, said as it stopped.
    (
        SEVERE_PAIN,
        rf"(?P<sign>not\s+(?:let\s+me\s+|letting\s+me\s+|been\s+able\s+to\s+|even\s+)?(?:slept|sleep)"
        rf"|not\s+(?:let\s+me|been\s+able\s+to)\s+(?:go\s+to\s+)?{_DAILY_TASK})\b",
    ),
    (SEVERE_PAIN, rf"(?P<sign>{_any(lexicon.STOPPERS)})\s+(?:even\s+|really\s+|properly\s+|me\s+)?{_DAILY}"),
    # Told for someone else: "the pain's stopping my girlfriend from bending down"
    (
        SEVERE_PAIN,
        rf"(?P<sign>(?:stops|stopping|stopped|keeps|keeping|kept)\s+(?:him|her|them|my\s+\w+)\s+from)\s+{_DAILY}",
    ),
    (
        SEVERE_PAIN,
        r"(?P<sign>keeps\s+(?:me|him|her)\s+(?:up|awake)|wakes?\s+(?:me|him|her)\s+up|(?:keep|kept|keeps)\s+waking\s+(?:me\s+)?up"
        r"|laid\s+up|(?:can\s+|^)only\s+limp|trouble\s+(?:sleeping|walking|standing|sitting|bending|getting\s+up)"
        r"|can\s+not\s+(?:even\s+)?do\s+(?:normal|everyday|basic|simple)\s+(?:stuff|things|tasks|chores)"
        r"|off\s+work|bedridden|stuck\s+in\s+bed|had\s+to\s+(?:go|come)\s+home|had\s+to\s+(?:leave|stop)\s+work|(?:leave|left)\s+work\s+early|(?:go|went)\s+home\s+early"
        # "my wife had to put my socks on for me": help with what a person does for themselves
        r"|(?:had|has|have)\s+to\s+(?:help\s+me\s+(?:get|up|dress|out|in)|put\s+my\s+\w+\s+on|dress\s+me|carry\s+me)"
        rf"|(?:(?:took|takes|taking)\s+|^)me\s+(?:\S+\s+){{0,2}}?(?:minutes|ages|forever|hours)\s+(?:to\s+{_DAILY}"
        r"|to\s+(?:get|climb)\s+(?:out|up|in|into|dressed)\b|(?:because|cause|cos|with)"
        r"(?:\s+of)?\s+(?:the\s+)?pain)|(?:missed|skipped)\s+(?:my\s+|a\s+|(?:\S+\s+){0,2}?days?\s+of\s+)?(?:shift|shifts|work|day\s+of\s+work|uni|school|college|lectures|classes)"
        r"|crawl(?:ing)?\s+(?:around|to|up|about)|(?:how|not\s+know\s+how)\s+i\s+(?:am\s+going\s+to|will|would)\s+get\s+through"
        r"|call(?:ed)?\s+in\s+sick|off\s+sick"
        # "woke up three times last night" (a carrier may have taken the "woke")
        r"|(?:^|\bwoke\s+)up\s+(?:\S+\s+){0,2}?times\s+(?:last\s+night|in\s+the\s+night|a\s+night|every\s+night|overnight)"
        r"|interfer\w*|daily\s+life|every\s+day\s+life|day\s+to\s+day)",
    ),
    (NO_RELIEF, rf"(?P<sign>{_any(lexicon.NO_RELIEF)})"),
    (NO_RELIEF, rf"(?P<sign>not\s+(?:\S+\s+){{0,2}}?{_any(lexicon.EASING)})"),
    # "ice and heat a week, no help" (not "is there no help for knots", a question about relief)
    (NO_RELIEF, r"(?P<sign>no\s+help)\b(?!\s+(?:for|with|at\s+all\s+for))"),
    (
        NO_RELIEF,
        r"(?P<sign>(?:no|not)\s+(?:different|easing|helped|shifted)|still\s+just\s+as"
        r"|(?<=it\s)(?:just\s+)?came\s+(?:right\s+|straight\s+|just\s+)?back"
        r"|nothing\s+(?:is\s+|has\s+)?(?:really\s+)?(?:changed|changing|i\s+try|i\s+do(?!\s+not))"
        # "why isn't it easing?": asked after self-care, it says nothing has helped
        r"|(?:is|does|has)\s+not\s+(?:it|this|the\s+\w+|my\s+(?:back\s+|lower\s+back\s+)?\w+)\s+(?:easing|eased|going\s+away|gone\s+away|getting\s+better"
        r"|got\s+better|improving|improved|shifting|budging|helping))",
    ),
    (
        NO_RELIEF,
        # "it's not stopping me working" is not self-care failing.
        # "rest it and not do anything" is advice asked about, not self-care that did nothing.
        r"(?P<sign>(?:(?<!\band\s)(?<!\bjust\s)(?<!\bto\s)not|none\s+of)(?:\s+(?!stopping|stop|keeping|preventing)\S+){0,3}?\s+"
        # ("not stretching before you work out" is exercise, not self-care that does not work.)
        r"(?:help|helps|helping|helped|(?:work|works|working|worked)(?!\s+out)"
        r"|do\s+anything|doing\s+anything|done\s+anything|make\s+a\s+difference"
        r"|(?:made|make|making)\s+(?:a|any|the\s+slightest|the\s+least|much\s+of\s+a|one\s+bit\s+of)\s+(?:\S+\s+){0,3}?difference))",
    ),
    (
        NO_RELIEF,
        rf"{_DURATION}(?:(?:\s+\S+){{0,6}}?\s+(?:and|but)|(?:\s+\S+){{0,4}}?)\s+{_IT_IS}"
        r"(?:still\s+|just\s+)?(?P<sign>nothing|nope|nada|zilch|no\s+change|the\s+same|no\s+different|no\s+better|not\s+changed)",
    ),
    # "a few weeks of looking after it myself and it's still sore"
    (
        NO_RELIEF,
        rf"{_DURATION}(?:\s+\S+){{0,8}}?\s+(?:and|but)\s+{_IT_IS}"
        rf"(?P<sign>{_STILL_SORE}|still\s+the\s+same|{_NO_DIFFERENT}|still\s+(?:got|have)\s+(?:the\s+)?(?:lump|knot|ache|pain))",
    ),
    # "I've already rested a whole month": self-care kept up that long (not "should I rest a week?")
    (
        NO_RELIEF,
        r"(?<!\bto\s)(?<!\bi\s)(?P<sign>(?:already|have)\s+(?:rested|been\s+resting|stretched|been\s+stretching|iced|rolled)"
        r"\s+(?:it\s+)?(?:for\s+)?(?:a\s+whole|a\s+full|the\s+whole|over\s+a|more\s+than\s+a)\s+(?:week|month|fortnight))",
    ),
    # "I've rested a month and it doesn't feel any different" (but not "any different from when I found it").
    (NO_RELIEF, r"(?P<sign>not\s+(?:feel|seem|look)\s+any\s+different)(?!\s+(?:from|than|to))"),
    # "yoga and hot baths every night since easter, and this thing still hurts"
    (
        NO_RELIEF,
        r"(?:for|since)\s+(?:\S+\s+){1,4}?(?:and|but)\s+(?:\S+\s+){0,3}?"
        rf"(?P<sign>{_STILL_SORE})",
    ),
    # "the stretches are useless" (but not "my back feels useless": that is weakness)
    (
        NO_RELIEF,
        rf"(?:{_any(lexicon.RELIEF_NOUNS)}s?|(?:ice|heat)\s+packs?|(?:tried|used|using)(?:\s+\S+){{0,6}}?\s+(?:and|but)\s+(?:it|that|they))"
        r"\s+(?:are|is|was|were|has\s+been|have\s+been)\s+(?:\S+\s+)?(?P<sign>useless)",
    ),
    # "ice and heat both useless"
    (
        NO_RELIEF,
        rf"{_any(lexicon.RELIEF_NOUNS)}(?:\s+(?:and|or)\s+{_any(lexicon.RELIEF_NOUNS)})?\s+"
        r"(?:both\s+|all\s+|completely\s+|totally\s+|pretty\s+much\s+)?(?P<sign>useless)",
    ),
    # "what if the stretches don't fix it" (not "I don't know how to fix my form")
    (
        NO_RELIEF,
        r"(?P<sign>not\s+(?:really\s+|seem\s+to\s+|seemed\s+to\s+)?(?:fix|fixed|fixes|fixing)\s+(?:it|this|that|the\s+\w+))",
    ),
    # "none of the self care stuff works"
    (
        NO_RELIEF,
        rf"(?P<sign>(?:none|nothing)\s+of\s+(?:the\s+|my\s+|this\s+|that\s+)?{_any(lexicon.RELIEF_NOUNS)}(?:\s+stuff|\s+things)?"
        r"\s+(?:works|worked|helps|helped|is\s+working|is\s+helping|has\s+worked|has\s+helped))",
    ),
    # "had two massages already and it's still there the same": self-care, then no change
    (
        NO_RELIEF,
        rf"(?:had|tried|done|did|doing|used|using|been|{_any(lexicon.RELIEF_NOUNS)}s?)\s+(?:\S+\s+){{0,14}}?(?:and|but)\s+"
        rf"{_IT_IS}(?:just\s+)?"
        rf"(?P<sign>{_STILL_SORE}|still\s+(?:here|the\s+same)|no\s+change|no\s+better|no\s+joy|keeps\s+coming\s+back"
        rf"|{_NO_DIFFERENT}|(?:did\s+|has\s+|does\s+)?not\s+(?:changing|budging|shifting|going\s+down|move|moved|budge|budged"
        r"|shift|shifted))",
    ),
    # "nothing I've tried over the last few weeks is working"
    (
        NO_RELIEF,
        r"(?P<sign>nothing\s+i\s+(?:have\s+)?(?:tried|done|do|try)(?:\s+\S+){0,6}?\s+(?:is|has\s+been|seems\s+to\s+be|was)\s+"
        r"(?:working|helping|making|doing))",
    ),
    # "I've done all the stuff you're saying for months"
    (
        NO_RELIEF,
        r"(?P<sign>(?:done|doing|tried|trying)\s+(?:all\s+)?(?:of\s+)?(?:that|those|this|these|everything|the\s+(?:usual\s+)?stuff"
        r"|that\s+stuff|all\s+that|it\s+all|what\s+you)\b(?:\s+\S+){0,5}?\s+(?:for|since)\s+(?:the\s+)?(?:past\s+|last\s+)?"
        rf"{_DURATION})",
    ),
    # "I've lost ten kilos and I'm not dieting": weight lost without trying
    (
        SERIOUS,
        r"(?P<sign>lost\s+(?:like\s+|about\s+|nearly\s+|over\s+)?(?:\S+\s+){0,2}?(?:kilos|kilograms|pounds|stone|lbs|kg))",
    ),
    # "my bum and the insides of my thighs have gone numb", "I can't feel anything around my bottom":
    # the saddle area, beyond the article's signs (not "the bottom of my back")
    (SERIOUS, rf"(?P<sign>{_SADDLE})(?:\s+(?!but\b|no\b|not\b)\S+){{0,4}}?\s+(?:numb|no\s+feeling|tingl\w*)"),
    (SERIOUS, rf"(?P<sign>{_SADDLE_FELT}(?:\s+\S+){{0,3}}?\s+{_SADDLE})"),
    # "he kneed me right in the lower back", "took a hockey stick to the back": a blow, beyond the
    # article's signs (not a lacrosse ball taken to it)
    (
        SERIOUS,
        rf"(?P<sign>{_any(lexicon.BLOWS)})\s+(?!(?:\S+\s+){{0,2}}?{_any(lexicon.SELF_CARE_TOOLS)}\b)(?:\S+\s+){{0,5}}?"
        rf"{_BLOW_LANDS}",
    ),
    # (a carrier may have taken the "took": then only "a hockey stick right to the back")
    (SERIOUS, rf"^(?P<sign>(?:a|an)\s+(?:\S+\s+){{1,3}}?(?:right|straight|square)\s+{_BLOW_LANDS})"),
    # "can't really control when I need to poop", "couldn't hold my stool": bladder or bowel control
    (
        SERIOUS,
        r"(?P<sign>(?:can|could)\s+not\s+(?:really\s+)?(?:control|hold)\s+(?:when\s+i\s+need\s+to\s+)?(?:my\s+)?"
        r"(?:poop|poo|pee|wee|stool|bladder|bowels?|toilet))",
    ),
    # "I did fall off the step ladder last week"
    (
        SERIOUS,
        r"(?P<sign>(?:fell|fall|fallen|came)\s+off\s+(?:the|a|my)\s+(?:\S+\s+)?(?:ladder|stepladder|bike|horse|roof|wall))",
    ),
    # "I've been on the floor for an hour, I can't get up"
    (SERIOUS, r"(?P<sign>on\s+the\s+floor(?:\s+\S+){0,6}?\s+can\s+not\s+(?:get|stand)\s+up)"),
    # "I can't stand up", said as the whole of it: not "can't stand for long"
    (SERIOUS, r"(?P<sign>can\s+not\s+(?:even\s+)?stand(?:\s+up)?(?:\s+at\s+all)?)$"),
    # "both my legs have gone numb": both legs at once, beyond the article's signs
    (SERIOUS, r"(?P<sign>both\s+(?:of\s+)?(?:my\s+)?legs\s+(?:\S+\s+){0,3}?(?:numb|dead|can\s+not\s+move|too\s+weak))"),
    # "I can't touch the lump without wincing": very painful to touch
    (
        LUMP_CHANGES,
        r"(?P<sign>can\s+(?:not|barely|hardly)\s+(?:even\s+)?touch\s+(?:it|the\s+\w+)\s+without\s+(?:yelping|screaming|wincing|crying|jumping|flinching|swearing))",
    ),
    # "the skin's gone a funny purple colour"
    (
        LUMP_CHANGES,
        rf"(?:(?:{_THING}|skin)(?:\s+\S+){{0,4}}?\s+|^)(?P<sign>(?:gone|turned|going|turning)\s+(?:a\s+)?(?:\S+\s+)?"
        r"(?:purple|blue|black|angry|red|funny\s+colou?r|weird\s+colou?r|strange\s+colou?r|different\s+colou?r)(?:\s+colou?r)?)",
    ),
    # "walking to the shop took me twenty minutes"
    # (a carrier may have taken the task: "walking | to the shop took me...")
    (
        SEVERE_PAIN,
        rf"(?:{_DAILY}(?:\s+\S+){{0,4}}?\s+|^to\s+(?:\S+\s+){{0,3}}?)(?P<sign>(?:took|takes|taking)\s+me\s+(?:\S+\s+){{0,2}}?(?:minutes|ages|forever|hours))",
    ),
    # "[rested] a week, still sore": self-care told first (SELF_CARE_TOLD), then no change.
    (
        NO_RELIEF,
        rf"^{_SELF_CARE_TOLD}(?:\s+\S+){{0,9}}?\s+(?P<sign>{_STILL_SORE}|(?:still|exactly)\s+(?:feels\s+|looks\s+)?the\s+same"
        r"|no\s+(?:change|better|different))",
    ),
    # "[massage ball] useless after ten days", "[heat] and ice both failed", "[painkillers] don't touch it"
    (
        NO_RELIEF,
        rf"^{_SELF_CARE_TOLD}(?:\s+\S+){{0,3}}?\s+(?:is\s+|are\s+|was\s+|were\s+)?(?:both\s+|all\s+)?"
        r"(?P<sign>useless|failed|no\s+good|no\s+use|not\s+(?:even\s+)?touch)",
    ),
    # "ibuprofen already one week and still the lump is hurting": a time spent on it, and still
    (NO_RELIEF, rf"(?P<sign>{_DURATION}(?:\s+now)?\s+(?:and|but)\s+still)\b"),
    # "three months of this": how long it has gone on, said alone.
    (NO_RELIEF, rf"(?P<sign>{_DURATION}\s+(?:of|with)\s+(?:this|it|that|the\s+pain))"),
    # "been resting it since last Monday, not better"
    (
        NO_RELIEF,
        r"(?:for|since)\s+(?:\S+\s+){1,4}?(?:and\s+|but\s+)?(?:it\s+is\s+)?(?:still\s+)?(?P<sign>not\s+(?:any\s+)?better)",
    ),
    # "still sore after three weeks", "still sore after all the stretches"
    (
        NO_RELIEF,
        rf"(?P<sign>{_STILL_SORE})(?:\s+\S+){{0,3}}?\s+after\s+(?:like\s+|about\s+|nearly\s+)?(?:all\b|{_DURATION})",
    ),
    (
        NO_RELIEF,
        rf"(?P<sign>{_STILL_SORE})\s+(?:\S+\s+){{0,2}}?{_DURATION}\s+later",
    ),
    (
        NO_RELIEF,
        rf"(?:for|since)\s+(?:like\s+|about\s+)?{_DURATION}(?:\s+\S+){{0,5}}?\s+"
        rf"(?P<sign>{_STILL_SORE}|still\s+the\s+same)",
    ),
)
_COMPILED = tuple((sign, re.compile(rf"\b{pattern}(?:s|es)?\b")) for sign, pattern in _PATTERNS)
# Severe pain by what it stops, not by how strong it is said to be.
_LIMITS = tuple(
    compiled
    for (sign, pattern), (_, compiled) in zip(_PATTERNS, _COMPILED, strict=True)
    if sign == SEVERE_PAIN and pattern != _INTENSITY
)
# "can't bend over properly, it's so tight": a limit on movement, read as stiffness, unless pain
# is named ("can't bend properly for the pain" stays pain that stops daily life).
_LIMITED_MOVEMENT = re.compile(
    rf"\b{_any(lexicon.STOPPERS)}\s+(?:even\s+|really\s+)?{_any(lexicon.RANGE_OF_MOTION)}\w*(?!\s+(?:my\s+)?(?:left\s+|right\s+)?{_LEG})"
    rf"(?:\s+\S+){{0,4}}?\s+(?:it\s+is\s+|my\s+back\s+is\s+)?{_any(lexicon.LIMITED)}\b"
    rf"|\b{_any(lexicon.STOPPERS)}\s+(?:even\s+)?(?:touch|reach)\s+my\s+toes\b"  # no daily task: a limit
)
_PAIN_SAID = re.compile(rf"\b{_any((*lexicon.PAIN_WORDS, 'agony', 'killing'))}\b")
# Words rewritten before reading, in order: what they seem to say is not what they mean.
# "Back" that is not a person's back (and a hand or an eye that is not a complaint), rewritten before
# anything is read, so that the words are about something else, or not, as said too.
_NOT_THE_BACK = tuple(
    (re.compile(pattern), written)
    for pattern, written in (
        # "my hip replacement is aching": a joint that was replaced, not the back's hip.
        (r"\bhip\s+replacement\b", "joint replacement"),
        # "her hand landed right on it": someone's touch on the lump, not a complaint about a hand.
        # ("my wife's hand": the possessive is written out as "wife is hand")
        (r"\b(?:her|his|their|your|\w+\s+is)\s+hands?\s+landed\b", "a touch rested"),  # no fall: the hand landed
        (
            r"\b(?:her|his|their|your|\w+\s+is)\s+hands?\s+(pressing|pressed|was|touched|rubbing|brushed)\b",
            r"a touch \1",
        ),
        (
            r"\b(?:puts?|putting|rests?|resting|lays?|laid|placed?)\s+(?:her|his|their|your|my|a)\s+hands?\s+on\s+it\b",
            "presses on it",
        ),
        # "I'll keep an eye on it": watching the lump, not a complaint about an eye.
        (r"\b(?:keep|keeps|keeping|kept)\s+an\s+eye\s+on\b", "watch"),
        # "the back door", "the back garden": the rear of a house.
        (rf"\bback\s+({_any(lexicon.REAR_OF_A_HOUSE)})\b", r"rear \1"),
        # "a back workout", "bigger back muscles": training, not the back that hurts
        (r"\bback\s+(workouts?|day|exercises\s+for\s+beginners)\b", r"pull \1"),
        (r"\b(bigger|build|building|grow)\s+(?:my\s+)?back\s+muscles\b", r"\1 pull muscles"),
        # "a lump on my gum near my back tooth", "my tooth is killing me at the back": the mouth
        (r"\bback\s+(tooth|teeth|molars?)\b", r"rear \1"),
        (
            r"\b(tooth|teeth|molars?|gums?|throat|mouth|tongue)\s+((?:\S+\s+){0,4}?)at\s+the\s+back\b",
            r"\1 \2at the rear",
        ),
        (r"\bflat\s+feet\b", "fallen arches"),
        # "how do I get a bigger deadlift": a lift that grows, not a lump
        (r"\bbigger\s+(deadlifts?|squats?|bench(?:\s+press)?|lifts?|pbs?|prs?|numbers|total|weights?)\b", r"better \1"),
        # "the baby was crying", "the kids were screaming": someone else's upset, not pain
        (
            r"\b(baby|babies|kids?|toddler|son|daughter|children)\s+(was|is|were|are|started|keeps|kept)\s+(?:crying|screaming)\b",
            r"\1 \2 upset",
        ),
        # "how many squats to grow my glutes": muscle built, not a lump that grows
        (r"\bgrow\s+(?:my\s+|your\s+)?(glutes|muscles?|quads|arms|biceps|shoulders|chest|calves|legs)\b", r"train \1"),
        # "worse than when I broke my wrist": an old injury, named only to say how bad this pain is.
        (
            r"\bworse\s+than\s+(?:when\s+)?i\s+(?:broke|fractured|dislocated|snapped|tore)\s+(?:my|a)\s+\S+",
            _WORSE_THAN_AN_INJURY,
        ),
        # "sunburn on my back", "back up my phone", "back taxes": skin, a phone, money.
        (
            rf"\b({_any(lexicon.MARKS_ON_THE_SKIN)})\s+on\s+(?:my|your|the|her|his|their)\s+(?:lower\s+)?back\b",
            r"\1 on my skin",
        ),
        (rf"\bback\s+up\s+(my|the)\s+({_any(lexicon.DEVICES)})\b", r"save \1 \2"),
        (r"\bback\s+taxes\b", "tax arrears"),
        (r"\bback\s+(home|then|in\s+the\s+day)\b", r"at that \1"),  # "my family back home"
        # "actually forget my back for a sec, my toddler has a rash": the back set aside; what follows is asked.
        (
            # (the carrier may have taken the "forget": "about my back for a second, how do I...")
            r"^(?:actually\s+|honestly\s+|okay\s+|but\s+)?(?:forget|(?:never|not|no|nothing)\s+mind|(?:nothing|no|not)\s+to\s+do\s+with|forget\s+about)"
            r"\s+(?:my|the)\s+back(?:\s+for\s+a\s+(?:sec|second|minute|moment|bit))?\s+(?:but\s+|and\s+)?"
            r"|^(?:about\s+)?(?:my|the)\s+back\s+for\s+a\s+(?:sec|second|minute|moment|bit)\s+(?:but\s+|and\s+)?"
            r"|^(?:no|not|nothing)\s+(?:my|the)\s+back\s+but\s+",
            "",
        ),
    )
)
_REWRITE_RULES: tuple[tuple[str, str], ...] = (
    (rf"\b{_any(lexicon.GYM_CHEST)}\b", "gym"),  # "I only train chest and arms"
    (r"\bno\s+dey\b", "does not"),  # Nigerian Pidgin: "this pain no dey let me sleep"
    (r"\bno\s+(budging|shifting|helping|working|easing)\b", r"not \1"),  # Scots: "it's no budging"
    (r"\bfell\s+asleep\b", "dozed off"),  # not a fall
    # "how do I fix my form so this doesn't get worse": a purpose, not a lump denied to be changing
    (
        r"\bso\s+(?:that\s+)?(?:it|this|the\s+\w+|i)\s+(?:does\s+not|will\s+not|do\s+not)\s+"
        r"(?:get\s+worse|hurt\s+(?:my\s+back|myself|it))\b",
        " ",
    ),
    (r"\bwatering\s+(?:can|cans|the\s+garden|the\s+plants)\b", "gardening"),  # not drinking water
    (r"\bget\s+shot\s+of\b", "get rid of"),  # British: "get shot of a knot"
    (r"\bpush(?:ed|es|ing)?\s+(?:on\s+)?through\b", "kept going through"),  # "pushed through the pain": no press
    # "is a knot just tight muscle, or is it something else?": what a knot is, asked in general,
    # not a worry that this lump is another growth.
    (
        r"^((?:(?:so|okay|ok|wait|but|and|right|um|like|then)\s+)*(?:is|are)\s+(?:a\s+)?(?:muscle\s+)?"
        r"(?:knots?|trigger\s+points?)\b.*?)\bsomething\s+(?:else|different)\b",
        r"\1what a knot is",
    ),
    # "what was that about warming up?", "the warm up bit, what was that about?": that topic again,
    # not a plain "what was that?" asking for a repeat.
    (r"\bwhat\s+was\s+(?:that|it)\s+about\s+(?=\S)", "about "),
    (r"^(\S.*?)\s+what\s+was\s+(?:that|it)\s+about$", r"\1"),
    # "felt something round near my spine, what could that be?" asks what it is, not what caused it.
    (r"\bwhat\s+(?:could|might|would)\s+(?:that|this|it)\s+be\b(?!\s+from\b)", "what is it"),
    # "I don't care why, my ankle's been tingling": impatience, not a denial of what follows.
    (r"\b(?:do\s+not|could\s+not)\s+care\b", "whatever"),
    # "it's been sat on my back for weeks": the lump has been there, as "it's been on my back".
    (r"\bbeen\s+(?:sat|sitting)\s+(?=(?:on|there|in|at)\b)", "been "),
    (r"\bis\s+(that|it|this)\s+no\s+a\b", r"could \1 be a"),  # Scots: "is that no a wee cyst?" suspects one
    (r"\bcold\s+(packs?|compress(?:es)?|towel|flannel|cloth)\b", r"ice \1"),  # "a cold pack" is not a cold
    (r"\bawful\s+lot\b", "great deal"),  # "an awful lot of pressure": a quantity, not pain
    (r"\bthe\s+worst\s+(bit|part|thing)\b", r"the main \1"),  # "the stiffness is the worst bit": the chief complaint
    # "it doesn't move as freely as it did": stiffness, not a fixed lump
    (r"\b(?:does\s+|do\s+|will\s+)?not\s+move\s+(?:as|so)\s+(?:freely|well|easily|much)\b", "feel stiff"),
    # "will that make the whole thing worse?": an activity's effect asked about, not a lump changing
    (r"\bmake\s+(?:it|this|that|the\s+(?:whole\s+)?thing|things)\s+(?:any\s+)?worse\b", "aggravate it"),
    (r"\bmake\s+(?:it|this|that|the\s+(?:lump|knot))\s+swell(?:\s+up)?(?:\s+more)?\b", "aggravate it"),
    # "my glutes are weak and my hamstrings are tight": a muscle imbalance, not a weak leg
    (
        r"\b(glutes|core|abs|stomach)\s+(?:is|are)\s+(?:really\s+|quite\s+|a\s+bit\s+|very\s+|so\s+|a\s+lot\s+|much\s+|way\s+)?"
        r"weak(?:er)?\b",
        r"weak \1",
    ),
    # "a really intense pilates class": a hard session, not intense pain
    (r"\bintense\s+((?:\w+\s+)?(?:class|classes|session|sessions|workout|workouts|training|day|week))\b", r"hard \1"),
    # "everyone tells me something different": advice that disagrees, not a lump that is something else
    (r"\b(?:tells|told|tell|says|said|telling|saying)\s+(?:me\s+)?something\s+different\b", "disagree"),
    # "the worst pain I've had, and I've broken my arm before": a past injury, for comparison
    (r"\b(?:broken|broke|fractured)\s+(?:my\s+)?\w+\s+before\b", "been hurt before"),
    (r"\bchanging\s+rooms?\b", "locker room"),  # a place, not a lump changing
    (r"\bp\s+t\b", "physical therapist"),
    # "I'm not sure how this works": how the skill is used, not self-care that fails
    (r"\bnot\s+sure\s+how\s+(?:this|it|you|that)\s+works?\b", "unsure how to use this"),
    # "a terrible worrier": a kind of person, not pain
    (
        r"\b(?:terrible|awful|horrible)\s+(worrier|sleeper|driver|posture)\b",
        r"bad \1",
    ),  # "should I see a PT", as speech recognition spells it
    # "stressed out of my head", "it's doing my head in": a state of mind, not a head that hurts
    (r"\bout\s+of\s+my\s+(?:head|mind|tree)\b", "badly"),
    (r"\bdoing\s+my\s+head\s+in\b", "annoying me"),
    # "it's only been there two days": new, said to be new, not a lump that persists
    (
        r"\bonly\s+(?:been\s+)?there\s+(?:for\s+|since\s+)?(?:(?:a\s+couple\s+of|a\s+few|a|one|two|three)\s+days?"
        r"|yesterday|last\s+night|this\s+morning)\b",
        "not been there long",
    ),
    # "a diet for losing weight": a goal, not weight lost without trying
    (r"\b(?:for\s+weight\s+loss|for\s+losing\s+weight|to\s+lose\s+weight)\b", "to slim down"),
    # "a mad few weeks with exams": a stressful time, not a lump that has lasted weeks
    (
        r"\b(?:a\s+)?(?:mad|crazy|hectic|busy|stressful|rough|tough|manic|horrible|awful|terrible|hard)\s+(?:few\s+)?"
        r"(?:weeks?|months?|days?|year)\b",
        "a stressful time",
    ),
    # "spreading into my buttock": where the pain goes, not a lump that spreads
    (r"\bspreading\s+(?=(?:into|down|to)\s+(?:my\s+)?(?:buttock|bum|glute|hip|leg|thigh))", "going "),
    (r"\bwhich\s+(?:probably\s+)?(?:does|is)\s+not\s+help(?:ing)?\b", "which is unwise"),  # not self-care failing
    # "a tender swollen thing near my spine": the lump, described
    (r"\bswollen\s+(thing|bit|spot|area)\b", r"\1"),
    # "I can't stand this song": dislike, not a person who cannot stand up.
    (
        r"\bcan\s+not\s+stand\s+(?=(?:this|that|the)\s+(?:song|music|track|show|programme|program|noise|weather|advert|ad)\b)",
        "dislike ",
    ),
    (r"\bjumped\s+(?:straight|right)\s+(?:on|in|into)\b", "went straight into"),  # not a flinch
    # "or should I try something else": another way of relief, not another kind of lump.
    (r"\b(try|trying|do|doing|use|using)\s+something\s+else\b", r"\1 another way"),
    # "I don't want it getting worse": a worry about later, not a lump that has changed.
    (r"\bnot\s+want\s+(?:it|this|that|things)\s+(?:to\s+get|getting|to\s+go|going)\s+worse\b", "want to look after it"),
    # "there's a swelling on my lower back": the lump itself, named; "it's swelling up" is a change.
    (
        r"\b(a|one|this|the|some|like\s+a)\s+((?:small|little|slight|tiny|tender|sore|weird|soft)\s+)?swelling\b",
        r"\1 \2lump",
    ),
    # "my posture is terrible": poor form, not pain
    (rf"\b{_any(lexicon.TECHNIQUE)}(?:\s+\S+){{0,7}}?\s+{_any(lexicon.BAD)}\b", "poor form"),
    # "it doesn't feel like anything other than a knot": it feels like one.
    (r"\bnot\s+(feel|look|seem|sound)\s+like\s+anything\s+(?:other\s+than|but|except)\b", r"\1 like"),
    # "will that make it worse?", "could stress be making it worse?" ask about a method or a cause;
    # they say nothing has got worse.
    (
        r"((?:\b(?:will|would|could|can|does|do|might|be|gonna|going\s+to)\s+|^)(?:\S+\s+){0,6}?)(?:make|making)\s+"
        r"(?:it|things|this|that|the\s+\w+|knots|them|these|my\s+\w+)\s+(?:worse|more\s+sore|sorer|hurt\s+more)\b",
        r"\1harm it",
    ),
    # "will it feel worse tomorrow?" asks what to expect; it says nothing has got worse.
    (
        r"\b(?:is|will)\s+it\s+(?:going\s+to\s+|gonna\s+)?(?:feel|get)\s+worse\s+(?:tomorrow|later|tonight|first)\b",
        "what to expect",
    ),
    # "tender like someone's pressing a bruise": a way to say tender, not a bruise.
    (r"\blike\s+(?:\S+\s+){0,3}?a\s+bruise\b", "tender"),
    # "take it easy for a few days" plans a rest; it says nothing has lasted for days.
    (
        r"\b(?:take\s+it\s+easy|rest(?:\s+it)?|lay\s+off|stay\s+off\s+it|give\s+it\s+a\s+(?:break|rest))\s+for\s+a\s+(?:few|couple\s+of)\s+days\b",
        "rest a while",
    ),
    # "could it not be a cyst?" asks; it denies nothing (the "could" may be the carrier's, gone before).
    (r"\b(could|might|would|can|is|was)\s+(it|this|that)\s+not\s+be\b", r"\1 \2 be"),
    (r"^(it|this|that)\s+not\s+be\b", r"\1 be"),
    # "out of nowhere" is sudden; "training for years with no problem" is a past without trouble.
    (r"\bout\s+of\s+nowhere\b", "suddenly"),
    (r"\bwith\s+no\s+(?:problems?|issues?|bother|trouble)\b", "trouble free"),
    # "never mind that, what's the weather doing": what follows is the request.
    (r"^(?:not|never)\s+mind(?:\s+(?:that|this|about\s+that))?\b", ""),
    # "putting my hand there makes me wince": touching the lump, not a complaint about a hand.
    (r"\b(?:put|putting|rest|resting|place|placing|lay|laying|run|running)\s+(?:my|a|his|her)\s+hand\b", "touching"),
    # "doing an exercise wrong", "doing the kettlebell swings wrong", "lifting wrong": poor form.
    (
        r"\b(?:doing|did|do|done)\s+(?:an?\s+|the\s+|my\s+|those\s+|these\s+)?(?:\w+\s+)?(?:exercises?|lifts?|squats?|deadlifts?"
        r"|swings?|rows?|presses|press|lunges?|cleans|snatches|it\s+all|it)\s+wrong(?:ly)?\b"
        r"|\blifting\s+wrong(?:ly)?\b",
        "poor form",
    ),
    # "a bit harder to bend" is about moving, not a lump gone hard ("harder to the touch" is one).
    (r"\b(?:a\s+(?:bit|lot|little)\s+|much\s+|way\s+)?harder\s+to\b(?!\s+the\s+touch)", "difficult to"),
    # "I did nothing different" is a routine, not self-care that did nothing.
    (r"\bdid\s+(?:nothing|not\s+do\s+anything)\s+(?:different|differently|new|unusual)\b", "did the usual"),
    # "bad posture", said before the word: poor form, as above.
    (rf"\b{_any(lexicon.BAD)}\s+{_any(lexicon.TECHNIQUE)}\b", "poor form"),
    # "pain spreading" is pain going somewhere, not a lump that spreads.
    (r"\bpain\s+spreading\b|\bspreading\s+pain\b", "pain that spreads"),
    # "it ain't going nowhere": a double negative that says it stays.
    (r"\bnot\s+going\s+nowhere\b", "going nowhere"),
    # "stop these knots forming" is about knots coming up, not exercise form.
    (r"\bforming\b", "developing"),
    (r"\bformed\b", "developed"),
    # "do they do something else as well" is another treatment, not another growth.
    (r"\b(?:do|does)\s+something\s+else\b", "do another thing"),
    # "with my hands" is a way to massage, not a complaint about a hand.
    (r"\bwith\s+(?:my|his|her|their|your)\s+(?:own\s+|bare\s+)?hands\b", "manually"),
    # "digging her elbow into it" is a massage, not a complaint about an elbow.
    (r"\b(?:her|his|my|an|their)\s+elbows?\s+into\b", "pressing into"),
    # "I can't stand the taste of it" dislikes; it does not stand on anything.
    (r"\bcan\s+not\s+stand\s+(?:the\s+)?(?:taste|smell|sound|stuff)\b", "dislike the taste"),
    # "when I got changed" dressed; "dead flexible" is very flexible; "peas in my hand" holds, not hurts.
    (r"\b(got|getting)\s+changed\b", r"\1 dressed"),
    (r"\bdead\s+(flexible|easy|good|nice|fit|strong|keen|bendy|funny)\b", r"very \1"),
    (r"\bin\s+my\s+hands?\b", "here"),
    # "I can't get out of my chair without crying": the crying happens; "without" denies nothing.
    (r"\b(can\s+not\s+(?:\S+\s+){1,8}?)without\s+(crying|screaming|tears|yelling)\b", r"\1and \2"),
    # "leave it alone for a while" asks about resting it, not a lump there a while.
    (r"\b(leave|rest)\s+it(\s+alone)?\s+for\s+a\s+(while|bit)\b", r"\1\2 for a \3"),
    # "my toddler won't sleep": someone else's sleep, not pain that stops the speaker's.
    (
        r"\b(toddler|baby|babies|kids?|son|daughter|husband|wife|partner|dog|puppy|cat|neighbou?rs?)\s+(?:\S+\s+)?not\s+"
        r"(?:let\s+me\s+)?sleep\w*",
        r"\1 keeps me busy",
    ),
    # "my bladder's fine": a serious symptom's organ said to be well is that symptom denied.
    (
        r"\b(?:my\s+)?(bladder|bowels?|waterworks)\s+(?:is\s+|are\s+)?(?:fine|normal|okay|ok|all\s+good|grand)\b",
        r"no \1 trouble",
    ),
    # "I keep poking it to check if it's still there": checking, not a lump that persists.
    (r"\b(check|see|feel)(ing)?\s+(?:if|whether)\s+it\s+is\s+still\s+there\b", r"\1\2 it"),
    # "or does it not really make a difference?" asks; it says nothing failed.
    (r"\b(does|do|would|will)\s+(it|that|this)\s+not\b", r"\1 \2 fail to"),
    # "it's doing my head in" is a mood (its head is not a complaint of its own).
    (r"\bdoing\s+my\s+head\s+in\b", "driving me mad"),
    # "why would it form" asks how it came about; "form" here is not exercise technique.
    (r"\b(would|does|did|do|will|can)\s+(it|they|knots?|these|this|one)\s+form\b", r"\1 \2 develop"),
    # "a twist lying on the floor" is a stretch, not someone stuck on the floor.
    (r"\b(twist|stretch|pose|rotation|exercise)\s+lying\s+on\s+the\s+floor\b", r"\1 on the floor"),
    # "it's not like it's been there ages": the "not" is about the time.
    (r"\bnot\s+like\s+(?:it|this)\s+is\s+been\b", "not been"),
    # "worse first thing in the morning" says when it hurts, not that it has changed.
    (
        r"\bworse(?=\s+(?:first\s+thing|in\s+the\s+(?:morning|mornings|evening|evenings)|at\s+night|when|whenever|after|if)\b)",
        "sorer",
    ),
    # "I'm terrible at drinking water" is a habit, not terrible pain.
    (r"\b(?:terrible|awful|rubbish|useless|horrible|dreadful)\s+at\b", "poor at"),
    # "massage it or something else" names another way to do it, not another growth.
    (r"\b(?:it|them)\s+or\s+something\s+else\b", "it or another way"),
    # "kind of like a bruise" says how it feels; "could it be a bruise" still asks what it is.
    (
        r"\b(?:kind\s+of\s+|sort\s+of\s+|a\s+bit\s+)?like\s+(?:pressing\s+on\s+|touching\s+|pushing\s+on\s+)?a\s+bruise\b",
        "bruised",
    ),
    # "my shirt rubs on it" is touch, not a massage.
    (r"\b(?P<what>shirt|top|clothes|waistband|belt|bra|strap)\s+rubs?\b", r"\g<what> touches"),
    # "forget my back, my toddler has a rash": the back is put aside, and what follows is about something else.
    (
        r"\b(?:forget|enough\s+about|never\s+mind|nothing\s+to\s+do\s+with|^(?:no|not|nothing)(?:\s+to\s+do\s+with)?)\s+(?:about\s+)?(?:my|the)\s+back\b",
        "anyway",
    ),
    # "my physio once told me one side is stronger": what a professional said, the person's words to read;
    # not a question about seeing one.
    (
        rf"\bmy\s+{_any(lexicon.PROFESSIONALS)}\s+(?:once\s+|always\s+|even\s+)?"
        r"(?:told\s+me|told|said|says|reckons|thinks|mentioned)\b",
        "someone said",
    ),
    # "what made mine form": how it came about, not exercise form.
    (r"\b(?:made|makes|make)\s+(?:it|mine|this|them|these|that|one|a\s+knot|knots)\s+form\b", "caused it"),
    # "a massage ball from the physio", "my physio friend": where a thing came from, or who a friend is;
    # not a question about seeing a professional.
    (rf"\b(?:from|at)\s+(?:the|my)\s+(?:pharmacy|chemist|{_any(lexicon.PROFESSIONALS)})\b", "from a shop"),
    (rf"\bmy\s+{_any(lexicon.PROFESSIONALS)}\s+(friend|mate|pal|neighbour|sister|brother|cousin)\b", r"my \1"),
    # "what about a foam roller instead of stretching": the thing asked about, not the one set aside.
    (
        rf"\b(?:instead\s+of|rather\s+than)\s+(?:doing\s+|using\s+|a\s+)?{_any(lexicon.RELIEF_NOUNS)}\b",
        "instead",
    ),
    # "can a knot make my back feel weaker than normal": weaker than it was, a symptom; not one side
    # weaker than the other.  "stretch it without making it worse": a safe way asked, not a change.
    (r"\bfeels?\s+weaker\s+than\s+(?:normal|usual|before|it\s+used\s+to|they\s+normally\s+do)\b", "feel weak"),
    (r"\bwithout\s+making\s+(?:it|things|the\s+\w+)\s+worse\b", "safely"),
    # "do I just need to lay off it for a while": rest asked about, not a lump that has lasted a while.
    (r"\blay\s+off\s+(?:it|training|the\s+gym|exercise|lifting)(?:\s+for\s+a\s+(?:while|bit))?", "rest"),
    # "sitting on the sofa doing nothing" is at rest, not a story of what was done; "the roller is
    # doing nothing" is self-care that fails.
    (r"(?<!\bis\s)(?<!\bare\s)(?<!\bbeen\s)\bdoing\s+nothing\b", "idle"),
    # A hot water bottle is heat, and training "in the heat" is the weather: neither is a drink or an ice pack.
    (r"\bhot\s+water\s+bottles?\b", "heating pad"),
    (r"\bin\s+the\s+heat\b", "in hot weather"),
    # "turn the heating up" is the house; "hay fever" is an allergy, not a fever.
    (r"\bthe\s+heating\b(?!\s+pad)", "the thermostat"),
    (r"\bhay\s+fever\b", "hayfever"),
    # "I can't stand anyone touching it" dislikes the touch; it says nothing of standing up.
    (r"\bcan\s+not\s+stand\s+(anyone|anybody|people|someone|it\s+when)\b", r"hate \1"),
    # "water from the tap" is a kind of water, not where the knot came from.
    (r"\bwater\s+from\s+the\s+tap\b", "tap water"),
    # "my partner snores so loud I can't sleep": sleep lost to a noise, not to pain.
    (r"\b(snor\w*\b(?:\s+\S+){0,5}?\s+)can\s+not\s+sleep\b", r"\1lose sleep"),
)
_REWRITES = tuple((re.compile(pattern), written) for pattern, written in _REWRITE_RULES)

_FINE = _any(lexicon.FINE)
# A warning sign said to be absent without a negation: "my legs feel normal".
_DENIALS = tuple(
    (sign, re.compile(rf"\b{pattern}\b"))
    for sign, pattern in (
        (NERVE_SIGNS, rf"{_LEG}{_GAP}(?<!not\s){_FINE}"),  # not "my leg is just not strong"
        (SEVERE_PAIN, rf"can\s+(?:still\s+)?{_DAILY}(?:\s+\S+){{0,6}}?\s+(?:{_FINE}|no\s+problem)"),
        (
            LUMP_CHANGES,
            r"(?:not|never)\s+(?:\S+\s+){0,2}?(?:changed|grown|got\s+bigger|gotten\s+bigger|get\s+(?:any\s+)?bigger"
            r"|(?:getting|got|gotten)\s+(?:any\s+)?worse|getting\s+(?:any\s+)?bigger)"
            r"|(?:not|never)\s+changing|same\s+size|getting\s+smaller|shrinking|(?:it|lump|knot|bump|swelling)\s+(?:is\s+)?going\s+down",
        ),
        (NO_RELIEF, r"(?:is|are|has\s+been|have\s+been)\s+(?:actually\s+|really\s+)?helping"),
        # "nothing wrong with my legs, it's just the back"
        (NERVE_SIGNS, rf"(?:nothing|no|not\s+anything)\s+(?:wrong|the\s+matter|up)\s+with\s+(?:my\s+|the\s+)?{_LEG}"),
        # "feeling's all normal", "no burning feeling": sensation said to be as it should be, or absent.
        (NERVE_SIGNS, rf"(?:feeling|sensation)s?\s+(?:is|are|feels?)\s+(?:all\s+)?{_FINE}"),
        (NERVE_SIGNS, rf"(?:no|not|nothing|never)\s+(?:\S+\s+)?{_any(lexicon.NERVE_SENSATIONS)}"),
        # "I don't feel anything weird in my legs"
        (
            NERVE_SIGNS,
            r"(?:not\s+(?:feel|notice|have|get)\s+anything|nothing|no)\s+(?:weird|odd|strange|funny|unusual|different)"
            rf"(?:\s+\S+){{0,4}}?\s+{_LEG}",
        ),
        # "there's no pain down my legs or anything like that"
        (
            NERVE_SIGNS,
            rf"(?:no|not|nothing|never)\s+(?:\S+\s+)?{_any(lexicon.PAIN_WORDS)}\s+(?:down|in|into|going\s+down)\s+"
            rf"(?:my\s+|either\s+|both\s+|the\s+)?{_LEG}",
        ),
        # "it stays in one spot": pain said not to travel.
        (NERVE_SIGNS, r"stays\s+in\s+(?:one|the\s+same|that)\s+(?:spot|place)"),
        # "no leg problems", "it doesn't go down my leg": the legs said to be clear.
        (NERVE_SIGNS, rf"(?:no|not|nothing|never)\s+(?:\S+\s+)?{_LEG}\s+(?:problems?|issues?|trouble|symptoms?)"),
        (
            NERVE_SIGNS,
            r"not\s+(?:\S+\s+)?(?:go|goes|going|spread\w*|travel\w*|shoot\w*|radiat\w*)\s+(?:down|into|to)\s+"
            rf"(?:my\s+|the\s+|either\s+|both\s+)?(?:\S+\s+(?:or|and)\s+)?{_LEG}",
        ),
        # "i don't think it's anything else, just a knot", "i'm not worried it's anything serious"
        (
            OTHER_GROWTH,
            r"not\s+(?:think|reckon|believe|worried|concerned|scared)\s+(?:that\s+)?(?:it|this)\s+(?:is|would\s+be)\s+"
            r"anything\s+(?:else|other|more|serious|sinister|worse|nasty|to\s+worry)",
        ),
        # "I didn't fall or anything", "it's not red or hot": a serious symptom the person rules out.
        (SERIOUS, r"not\s+(?:fall|fallen|fell|had\s+a\s+fall|hurt\s+myself|injured\s+myself|bang\s+it|banged\s+it)"),
        (SERIOUS, r"not\s+(?:red|hot|inflamed)(?:\s+or\s+(?:red|hot|warm|inflamed|anything))?"),
        (LUMP_CHANGES, r"not\s+(?:that\s+|very\s+|really\s+)?(?:massive|huge|big|large)"),
        (NERVE_SIGNS, rf"nothing\s+(?:going\s+|goes\s+)?(?:down|in|into)\s+(?:my\s+|the\s+|either\s+|both\s+)?{_LEG}"),
        (NERVE_SIGNS, rf"can\s+feel\s+everything\s+in\s+(?:my\s+|both\s+)?{_LEG}"),
        (SEVERE_PAIN, r"not\s+(?:\S+\s+)?(?:painful|bad|sore)\s+enough\s+to\s+(?:stop|keep)"),
        (SEVERE_PAIN, _any(lexicon.MILD)),
        (SEVERE_PAIN, _any(lexicon.COPING)),
        (LUMP_CHANGES, _any(lexicon.UNCHANGED_LUMP)),
        # (not "I'm pretty new to lifting": new to something is the person, not the lump)
        (LUMP_CHANGES, _any(lexicon.NEW_LUMP) + r"(?!\s+to\b)"),
        (NO_RELIEF, _any(lexicon.NEW_LUMP) + r"(?!\s+to\b)"),
        (NO_RELIEF, _any(lexicon.IMPROVING)),
        # "none of those", or a "no" carried in from the carrier phrase before "that": every sign denied.
        (
            ANY_SIGN,
            rf"{_any(lexicon.NONE_OF_THOSE)}"
            r"|^no\s+(?:of\s+)?(?:that|those|them|these)"
            r"(?:\s+(?:things|stuff|signs|either|at\s+all|thankfully|luckily|thank\s+god|applies|apply|to\s+me|really"
            r"|i\s+am\s+(?:fine|okay|ok|good|alright)))*(?:\s+i\s+am\s+(?:fine|okay|ok|good|alright)\s+on\s+all\s+of\s+them)?$",
        ),
    )
)

# Contractions are written out, so "don't", "isn't" and "can't" all negate with "not".
_NEAR_NEGATORS = frozenset({"no", "not", "never", "without", "none", "nor", "zero", "nothing"})  # reach four words
_NEGATOR = re.compile(rf"\b{_any(lexicon.NEGATORS)}\b")
_FRAME = re.compile(rf"\b{_any(lexicon.DENYING_FRAMES)}\b")
_FRAME_REACH = 6  # words between a denying frame and the sign it denies
_FRAME_BREAK = re.compile(r"\b(?:but|though|although|however|except|yet)\b")  # "not like X, but Y": Y stands
_BREAK = re.compile(rf"\b{_any(lexicon.CLAUSE_BREAKS)}\b")
_DOUBT = re.compile(rf"\b{_any(lexicon.DOUBTS)}\b")
_OTHER = re.compile(rf"\b{_any((*lexicon.OTHER_COMPLAINTS, *lexicon.SPEAKER_REQUESTS))}s?\b")
_BACK_WORDS = ("back", "spine", "hip", "hips")
_ABOUT_THE_BACK = re.compile(rf"\b(?<!upper\s)(?:{_any(_BACK_WORDS)}|{_LEG})\b")  # not "leg day"
_JOINT_SUBJECT = re.compile(rf"^(?:my\s+|the\s+)?(?:left\s+|right\s+)?{_any(lexicon.JOINTS)}\b")
_BACK = re.compile(rf"\b(?<!upper\s){_any(_BACK_WORDS)}\b")
# A stretch asked for a leg muscle ("what's a good stretch for tight calves"), or calves or shins said
# to be tight, with no word of the back: another complaint.  (Tight hamstrings are a muscle imbalance.)
_LEG_MUSCLE = _any(lexicon.LEG_MUSCLES)
_LEG_MUSCLE_STRETCH = re.compile(
    rf"\bstretch\w*\s+(?:for\s+|my\s+|the\s+)(?:my\s+|the\s+)?(?:tight\s+|sore\s+)?{_LEG_MUSCLE}\b"
    rf"|\b(?:pulled|strained|tweaked|tore|torn)\s+(?:a\s+|my\s+)?(?:muscle\s+in\s+my\s+)?{_LEG_MUSCLE}\b"
    # "my calf cramped up in the pool": a cramp in a leg muscle
    rf"|\b{_LEG_MUSCLE}\s+(?:keeps?\s+|kept\s+)?cramp\w*|\bcramps?\s+in\s+(?:my\s+)?{_LEG_MUSCLE}"
    rf"|(?:\bmy\s+|^){_any(lexicon.TIGHT_LEG_MUSCLES)}\s+(?:are|is|get|gets|feel|feels)\s+(?:always\s+|really\s+|so\s+|super\s+)*tight\b"
)
_OTHER_INJURY = re.compile(rf"\b{_any(lexicon.OTHER_INJURIES)}\b")
# "a lump on my wrist", "my dog has a lump": a lump somewhere else, or someone else's.
_PART_ELSEWHERE = _any((*lexicon.OTHER_COMPLAINTS, *lexicon.JOINTS))
_LUMP_ELSEWHERE = re.compile(
    rf"\b{_any(lexicon.THINGS)}s?\s+(?:\S+\s+){{0,2}}?(?:on|in|near|behind|under|above|by)\s+"
    rf"(?:the\s+side\s+of\s+)?(?:my|me|the|his|her|your)\s+(?:{_PART_ELSEWHERE}|{_any(lexicon.LEG_MUSCLES)})s?\b"
    rf"|\b{_any(lexicon.ANIMALS)}\s+(?:is|has|was|had|got|keeps|seems|back|leg|side)\b"
)
# One lump somewhere else on the body, named ("a little lump on my eyelid"); not knots compared with others.
_ANOTHER_LUMP = re.compile(
    r"\b(?:a|the|this|one|little|small)\s+(?:\S+\s+)?(?:lump|bump|swelling|bruise)\s+(?:\S+\s+){0,2}?(?:on|in|near|behind|under|above|by)\s+"
    rf"(?:the\s+side\s+of\s+)?(?:my|the|his|her|your)\s+{_PART_ELSEWHERE}s?\b"
)
_CAUSAL = re.compile(
    rf"\b{_any(lexicon.CAUSAL)}\b"
    # "how does not drinking water make a knot" (but "make a knot go away" asks for relief)
    r"|\bmakes?\s+(?:a\s+|you\s+a\s+|me\s+a\s+)?(?:knot|lump)s?\b(?!\s+(?:go|goes|away|better|disappear|shrink|smaller|loosen|release|relax|softer|ease))"
)
_WHY = re.compile(r"(?:why|how\s+come)\b")  # asked of a cause's words, "why" asks how that cause works
_FROM = re.compile(r"\bfrom\b")  # "how come I've got a knot from working out" asks what caused it
_LUMP_PRESENCE = re.compile(rf"{_any(lexicon.LUMP_PRESENCE_ASKED)}\s+(?:\S+\s+){{0,2}}?{_THING}s?\b")
_AMOUNT_ASKED = re.compile(r"\bhow\s+(?:much|many)\b")
_CAUSE_PATTERNS = tuple(
    (topic, re.compile(rf"\b{_any(words)}(?:s|es|ed|d|ing)?\b")) for topic, words in lexicon.CAUSE_CUES
)
_NEW_LUMP = re.compile(rf"\b{_any(lexicon.NEW_LUMP)}\b")
_UNWORRIED = re.compile(rf"\b{_any(lexicon.UNWORRIED)}\b")
_DISBELIEF = re.compile(r"\bnot\s+(?:think|believe|reckon)\b|\bdoubt\b")  # reaches past "it is"
_AUXILIARIES = frozenset("do does did is are was were has have had can could will would should".split())
_ANSWER_WORDS = frozenset({"no", "nope", "nah"})
_NEW_SUBJECT = frozenset(
    "my i it the but actually wait well that this there now and also not".split()
)  # "no, my foot is numb" answers a question first; so does "no, not getting any better"
_SUBJECTS = frozenset("i my it we he she".split())
_NEAR_WINDOW = 4
# A subject and its verb: where a clause starts even with no word to mark it.
_SUBJECT_AND_VERB = re.compile(r"\b(?:the\s+pain|my\s+back|the\s+lump|the\s+knot)\s+(?:is|was|has)\b")
_SERIOUS_NEGATION_REACH = 3  # "i don't have a fever": a serious symptom is denied only this close
_CLEAN = re.compile(r"[^a-z0-9' ]+")
# "me back", "me water bottle": "my" as many say it, read as "my" (not "tell me more").
_POSSESSIVE_ME = re.compile(rf"\bme\s+(?={_any(lexicon.OWNED_AFTER_ME)}\b)")


@dataclass(frozen=True)
class Reading:
    """What a description says: warning signs, denied signs, and what it asks about."""

    signs: tuple[str, ...] = ()  # warning signs stated, strongest evidence first
    denied: tuple[str, ...] = ()  # warning signs said to be absent
    topic: str | None = None  # the content topic the words are about, when no sign was said
    elsewhere: bool = False  # about another part of the body or another illness, not a back knot
    request: str | None = None  # a conversational request in the words ("could you repeat that"): an intent name


def normalise(text: str) -> str:
    """Lower case words and apostrophes only, as Alexa transcribes speech, in canonical form."""
    words = _CLEAN.sub(" ", text.lower().replace("\u2019", "'")).split()
    return _POSSESSIVE_ME.sub("my ", canonical(" ".join(words[:MAX_WORDS])))


def read(text: str) -> Reading:
    """Read ``text`` for warning signs (with negation) and, failing those, a topic."""
    said = normalise(text)
    if not said:
        return Reading()
    # About a headache, a rash, the weather: no topic of this skill's.  Warning signs are still read:
    # "it's doing my head in, I can't function" must not lose its sign to an idiom.  Something else
    # only if the words say so both as said and as rewritten: "putting my hand there" is not about a
    # hand, and "in the heat" (rewritten "in hot weather") is not about the weather.
    for pattern, written in _NOT_THE_BACK:
        said = pattern.sub(written, said)
    said_first = said
    for pattern, written in _REWRITES:
        said = pattern.sub(written, said)
    lump_elsewhere = bool(_LUMP_ELSEWHERE.search(said_first) and _LUMP_ELSEWHERE.search(said))
    elsewhere = _elsewhere(said_first) and _elsewhere(said)
    if not _PAIN_SAID.search(said):
        said = _LIMITED_MOVEMENT.sub("limited movement", said)
    signs: list[str] = []
    denied: list[str] = []
    # Where a sign's words are part of a denial's, after its negation ("haven't noticed it getting any
    # bigger"), the denial is the reading, whatever clause break the sign's own negation check stops at.
    # (Not "my leg feels all prickly, is that normal": no negation, and the sign stands.)
    denials = [(sign, match.span()) for sign, pattern in _DENIALS for match in pattern.finditer(said)]
    denied_words = [*denials]  # where each denied sign was said: not a topic asked about
    for sign, pattern in _COMPILED:
        for match in pattern.finditer(said):
            at = match.start("sign")
            if any(
                sign == other and start <= at < end and _NEGATOR.search(said, start, at)
                for other, (start, end) in denials
            ):
                if sign not in denied:
                    denied.append(sign)
                continue
            # A serious symptom is denied only by a "no" or "not" right before it: "I can't feel anything
            # when I wipe" states one.
            near_only = sign == SERIOUS
            if (
                sign == LUMP_CHANGES
                and _TENDER_WHEN_TOUCHED.fullmatch(match.group("sign"))
                and _WHEN_TOUCHED.search(said)
            ):
                continue  # "it's so sore when I press it": very sensitive to touch, the article's symptom
            framed = _framed(said, match.start("sign"))
            if framed == _FRAME_MISREAD:
                continue  # "not like nothing works": the sign took the frame's "not"; what follows is denied
            target = denied if framed == _FRAME_DENIES or _negated(said, match.start("sign"), near_only) else signs
            if target is denied:
                denied_words.append((sign, match.span("sign")))
            if sign not in target:
                target.append(sign)
    for sign, _ in denials:
        if sign not in denied:
            denied.append(sign)
    if OTHER_GROWTH in signs and _UNWORRIED.search(said):
        signs.remove(OTHER_GROWTH)  # "i'm not worried it's cancer": said, and denied
        denied.append(OTHER_GROWTH)
    if _ANOTHER_LUMP.search(said) and not _BACK.search(said):  # "a lump on my wrist, a ganglion?": not this one
        signs = [sign for sign in signs if sign != OTHER_GROWTH]
    if elsewhere and (lump_elsewhere or not _LUMP.search(said)):  # "my headache won't go away"
        signs = [sign for sign in signs if sign not in (LUMP_CHANGES, NO_RELIEF)]
        denied = [sign for sign in denied if sign not in (LUMP_CHANGES, NO_RELIEF)]  # "a rash since this morning"
        if SEVERE_PAIN in signs and not any(limit.search(said) for limit in _LIMITS):
            signs.remove(SEVERE_PAIN)  # "a really bad headache": intense, but of something else
    denied = [sign for sign in denied if sign not in signs]
    if denied and _cause_asked(said) and not (denied == [OTHER_GROWTH] and not _ASKED.search(said)):
        # "I'm not sleeping well, could stress be it?": the question is the point.  But "I don't think
        # it's a cyst, it's definitely from the deadlifts" asks nothing: another growth is ruled out.
        denied = []
    # A serious symptom outside the article outranks the article's own signs.
    signs.sort(key=lambda sign: sign != SERIOUS)
    request = None if signs else _request(said)
    # "how long do I hold the stretch": the method named goes with the request.
    asks_on = request is None or request == HOW_LONG
    # "it's definitely not spreading": told, the words of a denied sign ask about nothing (not about pain
    # that spreads).  Asked on, they still may: "it's easing off, what else can I do?" asks for relief.
    told = said if _ASKED.search(said) else _without((span for sign, span in denied_words if sign in denied), said)
    topic = None if signs or not asks_on else _topic(told) if not elsewhere else _cause_asked(told)
    if topic in _NEEDS_ANCHOR and _QUESTION.match(said) and not _ANCHOR.search(said):
        topic = None  # "how do i fix a flat tyre": a general question about something else
    if topic and denied and set(denied) <= {SEVERE_PAIN, NO_RELIEF} and _ASKED.search(said):
        denied = []  # "it's not too bad, but is that ache normal?", "it's easing, what else can I do?": asked on
    if topic == "lump" and denied and set(denied) <= {LUMP_CHANGES, NO_RELIEF} and _NEW_LUMP.search(said):
        denied = []  # "a lump just came up after training": a new lump, asked about, not a sign denied
    if topic is None and not (signs or denied or request or elsewhere) and _SELF_CARE_ASKED.match(said):
        topic = "relief"  # "[a tennis ball] against the wall, would that work?": the self-care named is the subject
    return Reading(tuple(signs), tuple(denied), topic, elsewhere, request)


def _without(spans: Iterable[tuple[int, int]], said: str) -> str:
    """``said`` with the words in ``spans`` left out."""
    dropped: set[int] = set()
    for start, end in spans:
        dropped.update(range(start, end))
    return " ".join("".join(" " if i in dropped else c for i, c in enumerate(said)).split())


def _elsewhere(said: str) -> bool:
    return (
        bool(_LEG_MUSCLE_STRETCH.search(said) and not _BACK.search(said))  # "a good stretch for tight calves"
        or bool(_OTHER.search(said) and not _ABOUT_THE_BACK.search(said))
        or bool(_OTHER_INJURY.search(said) and not _BACK.search(said))  # "I went over on my ankle"
        or bool(_JOINT_SUBJECT.search(said) and not _BACK.search(said))  # "my knee is swollen"
        or bool(_LUMP_ELSEWHERE.search(said))
    )


def negates(text: str) -> bool:
    """Whether ``text`` holds a negation anywhere ("not grown", "no weakness")."""
    return bool(_NEGATOR.search(normalise(text)))


_FRAME_DENIES, _FRAME_MISREAD = "denies", "misread"


def _framed(said: str, start: int) -> str | None:
    """What a denying frame ("it's not like", "I wouldn't say") makes of the sign at ``start``:
    ``_FRAME_DENIES`` when the sign is in the statement it denies; ``_FRAME_MISREAD`` when the sign
    starts within the frame and the statement is itself negative ("not like nothing works"), so the
    sign is only the frame's "not" misread; otherwise None."""
    for frame in _FRAME.finditer(said):
        if frame.start() > start:
            break
        if start < frame.end():
            statement = " ".join(said[frame.end() :].split()[:_FRAME_REACH])
            cut = _FRAME_BREAK.search(statement)
            if _NEGATOR.search(statement[: cut.start()] if cut else statement):
                return _FRAME_MISREAD
            continue  # "not like anything is helping": the frame's "not" is the sign's own
        between = said[frame.end() : start]
        if len(between.split()) <= _FRAME_REACH and not _FRAME_BREAK.search(between):
            return _FRAME_DENIES
    return None


def _negated(said: str, start: int, near_only: bool = False) -> bool:
    """Whether a negation in the same clause comes before position ``start`` (or, with
    ``near_only``, within the three words before it)."""
    before = said[:start]
    if near_only:
        if said[start:].split()[:1] in ([w] for w in _SUBJECTS):
            return False  # "I wasn't exercising, I fell off a ladder": the sign starts a clause of its own
        near = before.split()[-_SERIOUS_NEGATION_REACH - 1 :]
        # "can not feel anything when i wipe" states an inability, a symptom; it denies nothing.
        return any(
            _NEGATOR.fullmatch(word) and not (word == "not" and near[i - 1 : i] in (["can"], ["could"]))
            for i, word in enumerate(near)
            if i > 0 or len(near) <= _SERIOUS_NEGATION_REACH
        )
    if _DISBELIEF.search(" ".join(before.split()[-6:])):
        return True  # "i don't think it's a cyst"
    clause_breaks = list(_BREAK.finditer(before))
    clause_start = clause_breaks[-1].end() if clause_breaks else 0
    clause = before[clause_start:]
    if _DOUBT.search(before):
        return False  # "what if it's not a knot" worries; it does not deny
    words_before = len(before.split())
    # The subject may open the sign itself ("the pain is insane" read as "pain is insane").
    subjects = [
        len(said[clause_start : m.start()].split())
        for m in _SUBJECT_AND_VERB.finditer(said, clause_start)
        if m.start() <= start
    ]
    for negator in _NEGATOR.finditer(clause):
        word = negator.group(0)
        position = len(before[: clause_start + negator.start()].split())
        at = len(clause[: negator.start()].split())
        if any(subject - at == 1 or subject - at > _NEAR_WINDOW - 2 for subject in subjects):
            # "I can't even do any of that, the pain's way too bad", "I just couldn't, the pain was unreal":
            # a new clause, unmarked.
            continue
        if position == 0 and word in _ANSWER_WORDS and said.split()[1:2] in ([w] for w in _NEW_SUBJECT):
            continue  # "no, my foot is numb": an answer, then a statement
        auxiliary = before[: clause_start + negator.start()].split()[-1:] in ([a] for a in _AUXILIARIES)
        if word in _NEAR_NEGATORS and not auxiliary and words_before - position > _NEAR_WINDOW:
            continue  # "no" and a bare "not" reach a few words; "does not" the whole clause
        return True
    return False


_TOPIC_PATTERNS = tuple(
    (topic, re.compile(rf"\b{_any(words)}(?:s|es|ed|d|ing)?\b")) for topic, words in lexicon.TOPIC_CUES
)


_PAIN = _any(lexicon.PAIN_WORDS)
_SPREAD = _any((*lexicon.SPREAD_PLACES, *lexicon.LEG_PARTS)) + _NOT_AN_EXERCISE
_PRESS = _any(lexicon.PRESSING)
_FLINCH = _any((*lexicon.PAIN_WORDS, *lexicon.FLINCHING))
_TOWARD = r"(?:down|into|to|towards|in|through|round|around|across)"
# "I feel it in my bum cheek too": the pain felt somewhere else (not "I can feel it near my hip").
_FELT_THERE = r"feel\s+(?:it|the\s+pain|the\s+ache)(?:\s+\S+){0,4}?\s+(?:in|into|down|towards|round|around|through)"
_SYMPTOM_PATTERNS = (
    # Pain that goes somewhere ("aches down into my leg"), or a place that hurts ("my backside hurts");
    # not a lump that sits somewhere ("a sore lump above my bum").
    (
        "symptom.referred_pain",
        re.compile(
            rf"\b(?:(?:{_PAIN}|{_TRAVEL})(?:\s+\S+){{0,5}}?\s+{_TOWARD}{_GAP}{_SPREAD}|{_FELT_THERE}{_GAP}{_SPREAD}"
            rf"|{_SPREAD}{_GAP}{_PAIN})s?\b"
        ),
    ),
    ("symptom.tenderness", re.compile(rf"\b(?:{_PRESS}{_GAP}{_FLINCH}|{_FLINCH}{_GAP}{_PRESS})s?\b")),
    # Pain placed at the lump ("a dull ache right where the bump is", "the knot itself throbs"): pain at the
    # spot, which outranks the story it is told in.
    (
        "symptom.local_pain",
        re.compile(
            rf"\b(?:(?:{_PAIN}|jab|stab\w*|sharp)(?:\s+\S+){{0,5}}?\s+(?:right\s+|just\s+|exactly\s+)?(?:at|on|where|around|in)\s+"
            r"(?:i\s+(?:found|felt|noticed)\s+)?(?:the\s+|that\s+)?(?:one\s+)?(?:lump|knot|bump|spot)"
            rf"|(?:lump|knot|bump)\s+itself\s+(?:\S+\s+){{0,2}}?{_PAIN})s?\b"
        ),
    ),
)
_STORY = re.compile(rf"\b{_any(lexicon.STORY_WORDS)}\b")
_LUMP = re.compile(rf"\b{_any(lexicon.THINGS)}s?\b")
# What a story finds: a lump by any name, or "this tender thing on my back".
_FOUND = re.compile(
    rf"\b(?:{_any(lexicon.THINGS)}s?|thing\s+(?:on|in|near|at)\s+(?:my|the)|(?:hard|sore|tender|lumpy|swollen)\s+bit"
    r"|knobbly(?:\s+bit)?|sticking\s+out|something\s+(?:lumpy|round|hard|firm|raised)|knob\s+of\s+muscle|knotty\s+(?:thing|bit))\b"
)
_FOUND_SORE = frozenset({"symptom.tenderness", "symptom.local_pain"})  # how a lump found in a story feels
# "there's a dull ache right at the bump, since my workout": the ache is what is told, not the lump found.
# (The carrier may have taken the "there's": "[there's] a dull ache right at the bump".)
_PAIN_FIRST = re.compile(
    r"^(?:(?:\S+\s+){0,2}?(?:there\s+is|i\s+have|i\s+have\s+got|i\s+get|i\s+am\s+getting|got)\s+)?"
    rf"(?:a|an|this|that|some)\s+(?:(?!{_any(lexicon.THINGS)}s?\b)\S+\s+){{0,4}}?(?:ache|aching|pain|throbbing|soreness)\b"
)
# A lump brought into the story ("I found a bump"), not one already known ("right where the knot is").
_LUMP_INTRODUCED = re.compile(rf"\b(?:a|an|this|some)\s+(?:\S+\s+){{0,3}}?{_any(lexicon.THINGS)}s?\b")
_TENDER_WHEN_TOUCHED = re.compile(_any(lexicon.TENDER_WHEN_TOUCHED))
_WHEN_TOUCHED = re.compile(  # (a carrier may have taken the "when": "[when] i press on it it's very sore")
    rf"(?:^|\b(?:when|if|to|as|the\s+second|every\s+time)\s+)(?:\S+\s+){{0,3}}?{_any(lexicon.PRESSING)}\w*\b"
)
_STORY_BEFORE = "symptom.tenderness"  # a story about the lump outranks the symptom words in it
# The activity a story is set in: "when i was stretching", "water aerobics", "after yoga".
_ACTIVITY = re.compile(
    rf"\b(?:{_any((*lexicon.ACTIVITIES, *lexicon.STORY_ACTIVITIES))}"
    r"|(?:was|were|been|after|while|from)\s+(?:\S+\s+)?(?:stretching|rowing|swimming|running|massaging|rubbing|icing))\b"
)


# Topics whose cue words are general ("fix", "cause", "hurts"): heard only with something of this
# skill's to be about (the lump, the back, "it", the workout).
_QUESTION = re.compile(r"(?:what|how|which|why|where|when|who)\b")
# A question asked, as far as unpunctuated words show one: a question word with its verb, "could it",
# or an auxiliary opening a clause ("but is that normal"), not "I can't say" or "the pain is that bad".
_ASKED = re.compile(
    r"\b(?:what|how|why|which|when)\s+(?:else\s+)?(?:can|could|should|do|does|would|is|are|will|did)\b"
    r"|\b(?:could|would|might)\s+(?:it|that|this|i|you|they)\b"
    r"|(?:^|\b(?:but|so|and|then|though|like|okay|right|well|also)\s+)(?:can|does|did|do|is|are|should|will|was)\s+"
    r"(?:it|that|this|i|you|they|these|those)\b"  # (not "and do the school run": a list of what one can do)
    r"|\bis\s+(?:that|it|this)\s+(?:normal|okay|ok|all\s+right|alright|a\s+problem|a\s+worry|something)\b"
)
_NEEDS_ANCHOR = frozenset({"relief", "causes", "prevention", "symptom.local_pain"})
_ANCHOR = re.compile(rf"\b{_any((*lexicon.THINGS, *lexicon.PLACES, *lexicon.ACTIVITIES, *lexicon.ANCHORS))}s?\b")


_REQUEST_PATTERNS = tuple((intent, re.compile(rf"\b{_any(words)}\b")) for intent, words in lexicon.CONVERSATION_CUES)


_THANKS_FIRST = re.compile(
    rf"(?:{_any(lexicon.THANKED_FILLERS)}\s+){{0,2}}{_any(lexicon.THANKS_OPENINGS)}\b(?!\s+to\b)"
)
# (not "I'll give them a go and see how I get on": a plan, not a question)
_QUESTION_AFTER = re.compile(
    r"\b(?<!see\s)(?:what|how|why|which|when|where|can\s+i|should\s+i|do\s+i|is\s+it|is\s+that|could|would)\b"
)
# Intents a request in the words can be that the reader itself decides on.
THANKS, STOP, HOW_LONG = "ThanksIntent", "AMAZON.StopIntent", "HowLongIntent"
_DONE = re.compile(r"\s+(?:i\s+am\s+(?:done|finished)|that\s+is\s+(?:all|it|me\s+done))\b")


_WHOLE_REQUESTS = {canonical(words): intent for intent, phrases in lexicon.WHOLE_REQUESTS for words in phrases}


def _request(said: str) -> str | None:
    if said in _WHOLE_REQUESTS:
        return _WHOLE_REQUESTS[said]
    for intent, pattern in _REQUEST_PATTERNS:  # "thanks, that's me done" ends the session
        if pattern.search(said):
            return intent
    thanks = _THANKS_FIRST.match(said)
    if thanks and _DONE.match(said, thanks.end()):
        return STOP  # "thanks, I'm done for today"
    if thanks and not _QUESTION_AFTER.search(said, thanks.end()):
        return THANKS  # "thank you, that's helpful, I'll try those stretches tonight"
    return None


def _asks_what_the_lump_is(said: str) -> bool:
    """ "Why is there a lump in my back all of a sudden": what it is, not causes in general."""
    return bool(_LUMP_PRESENCE.match(said)) and not _FROM.search(said)


def _cause_asked(said: str) -> str | None:
    """The cause asked about ("could stress be it?", "why does warming up matter?"), if the words ask about one."""
    if _AMOUNT_ASKED.search(said) and not _WHY.match(said):
        return None  # "how much water should I drink, because I only have tea": the amount is the question
    if _CAUSAL.search(said) or (_WHY.match(said) and not _asks_what_the_lump_is(said)):
        for topic, pattern in _CAUSE_PATTERNS:
            if pattern.search(said):
                return topic
    return None


PREVENTION, CAUSES = "prevention", "causes"
# "my form's rubbish, how do I fix it?": a cause owned up to, and its remedy asked for.
REMEDY_FOR = {
    "cause.poor_form": "method.form",
    "cause.dehydration": "method.hydration",
}  # a cause, and the method that answers it
_FIX_ASKED = re.compile(
    r"\b(?:how|what)\s+(?:do|can|should|would)\s+i\s+(?:do\s+to\s+)?(?:\S+\s+){0,1}?"
    r"(?:fix|sort|improve|correct|change|work\s+on|stop|avoid)\b|\bhow\s+(?:do|can|would)\s+i\s+(?:know|tell|check)\s+if\b"
    r"|\bhow\s+(?:do|can|should)\s+i\s+(?:lift|squat|deadlift|bend|move)\s+(?:\S+\s+){0,2}?(?:properly|right|correctly|safely)\b"
    r"|\bhow\s+(?:do|can|should)\s+i\s+keep\s+my\s+(?:back|spine)\s+(?:straight|neutral|flat)\b"
    # "what's the right posture for deadlifts", "does it help if I drink electrolytes"
    r"|\bright\s+(?:posture|technique|form|way)\b|(?:\b(?:does|will|would)\s+|^)it\s+help\s+(?:if|to)\b"
    r"|\bshould\s+i\s+(?:be\s+)?(?:drink|drinking)\b"
    r"|\bhow\s+should\s+i\s+(?:be\s+)?(?:holding|hold|standing|stand|lifting|positioning)\b"
)


def _topic(said: str) -> str | None:
    topic = _topic_named(said)
    if topic in REMEDY_FOR and _FIX_ASKED.search(said):
        return REMEDY_FOR[topic]
    if topic == PREVENTION and _WHY.match(said):
        return CAUSES  # "why do I keep getting these?" asks what causes them
    return topic


def _topic_named(said: str) -> str | None:
    if not said:
        return None
    story = bool(_FOUND.search(said) and _STORY.search(said))
    # "after rowing there's a sore lump, is that from the rowing?": in a story, the activity only sets
    # the scene; a cause is asked about only in words of its own ("could it be my form?").
    cause = _cause_asked(_ACTIVITY.sub(" ", said) if story else said)
    if cause:
        return cause
    for topic, pattern in _SYMPTOM_PATTERNS:  # "it aches down into my leg", "it hurts when I press it"
        if pattern.search(said):
            # "after crossfit I noticed a bump, and it's sore to press": the lump found is the question; but in
            # "since the gym it aches right where the knot is", the pain at a lump already known is.
            found_sore = story and topic in _FOUND_SORE and _LUMP_INTRODUCED.search(said)
            return "lump" if found_sore and not _PAIN_FIRST.search(said) else topic
    if _asks_what_the_lump_is(said):
        return "lump"
    if story:  # "after yoga I found a bump": the activity sets the scene; the lump is the question
        said = _ACTIVITY.sub(" ", said)
    *specific, (last_topic, mentions_the_lump) = _TOPIC_PATTERNS
    for topic, pattern in specific:
        if story and topic == _STORY_BEFORE:
            return "lump"
        if pattern.search(said):
            return topic
    for cause, cause_pattern in _CAUSE_PATTERNS:  # a cause named outright: "i overdid it"
        if cause_pattern.search(said):
            return cause
    return last_topic if mentions_the_lump.search(said) else None
