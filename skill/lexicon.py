"""The words people use about a back knot, as data.

One vocabulary serves two readers:

* the interaction model's grammar (``interaction_model/grammar.txt``) names
  these lists as ``<name>`` and expands them into sample utterances and slot
  synonyms, so that Alexa's NLU is trained on them;
* ``skill/reading.py`` looks for them in the free words that reach the skill
  (an ``AMAZON.SearchQuery`` description, or a slot value no type resolved),
  because Alexa hands a custom skill nothing else.

Phrases are lower case, as Alexa transcribes speech.  Only lists that are
used stay here: a test fails for a lexicon neither reader uses.
"""

from __future__ import annotations

# -- the thing on their back, and where it is --------------------------------

THINGS = (
    "knot",
    "lump",
    "bump",
    "ball",
    "spot",
    "hard spot",
    "sore spot",
    "tender spot",
    "hard lump",
    "little lump",
    "muscle knot",
    "trigger point",
    "nodule",
)

PLACES = (
    "lower back",
    "low back",
    "back",
    "lumbar area",
    "lower spine",
    "side of my back",
    "back near my spine",
    "lower back near my hip",
)

ACTIVITIES = (
    "exercise",
    "exercising",
    "working out",
    "a workout",
    "my workout",
    "the gym",
    "training",
    "lifting",
    "lifting weights",
    "deadlifts",
    "squats",
    "rowing",
    "running",
    "a run",
    "my run",
    "a long run",
    "yoga",
    "pilates",
    "crossfit",
    "cycling",
    "a spin class",
    "leg day",
    "hiking",
    "swimming",
    "football",
    "tennis",
    "golf",
    "gardening",
)

# Self-care a person may say has not helped.
RELIEF_NOUNS = (
    "stretching",
    "the stretching",
    "the stretches",
    "heat",
    "the heat",
    "ice",
    "icing",
    "rest",
    "resting",
    "massage",
    "the massage",
    "foam rolling",
    "the foam roller",
    "the heating pad",
    "the ice pack",
    "self care",
    "the home remedies",
    "the exercises",
    "my physio exercises",
    "the painkillers",
    "sports massages",
    "drinking water",
)

# How people say self-care changed nothing.
NO_CHANGE = (
    "nothing",
    "no change",
    "no relief",
    "no improvement",
    "it still hurts",
    "it's exactly the same",
    "it's no different",
    "it's no better",
    "it didn't help",
    "nothing changed",
    "it's still just as sore",
    "it came right back",
    "zero improvement",
    "still nothing",
    "it's just as bad",
    "no difference",
    "it hasn't budged",
    "it's not helped",
)

# Words people open a turn with before saying what they mean.
LEAD_INS = ("yeah", "yes", "well", "but", "and", "okay", "oh", "also", "no", "nope", "hang on", "okay so", "actually",
            "yeah and", "yeah but", "no but", "um yeah", "and also", "so um", "oh and")

# -- the body, for warning signs --------------------------------------------

LEG_PARTS = (
    "leg",
    "legs",
    "thigh",
    "thighs",
    "knee",
    "knees",
    "calf",
    "calves",
    "shin",
    "shins",
    "ankle",
    "ankles",
    "foot",
    "feet",
    "toe",
    "toes",
    "big toe",
    "sole",
    "soles",
    "heel",
    "heels",
    "hamstring",
)

# Feelings that, in a leg or a foot, are the article's numbness and tingling.
NERVE_SENSATIONS = (
    "numb",
    "numbness",
    "tingling",
    "tingly",
    "tingle",
    "tingles",
    "pins and needles",
    "burning",
    "prickling",
    "prickly",
    "dead",
    "asleep",
    "fuzzy",
    "buzzing",
)

# Said with no leg at all, these still mean numbness or tingling.
NERVE_WORDS_ALONE = ("numb", "numbness", "tingling", "tingly", "tingles", "pins and needles")

CANT_FEEL = ("can't feel", "cannot feel", "can not feel",
    "can not really feel",
    "no sensation in",
    "no sensation below",
    "no feeling below", "lost feeling in", "no feeling in", "lost the feeling in")

# A leg that will not carry or obey them: the article's weakness in the legs.
LEG_WEAKNESS = (
    "weak",
    "weakness",
    "gives way",
    "giving way",
    "gave way",
    "gives out",
    "giving out",
    "gave out",
    "buckles",
    "buckling",
    "buckled",
    "feels heavy",
    "feel heavy",
    "heavy",
    "won't move",
    "won't work",
    "won't hold me",
    "won't do what i tell it",
    "doesn't do what i tell it",
    "won't listen",
    "drags",
    "dragging",
    "collapses",
    "collapsed",
    "collapsing",
    "collapse",
    "floppy",
    "useless",
    "dragging my",
    "drag my",
    "weighs a ton",
)

# -- how bad it is -----------------------------------------------------------

SEVERE_WORDS = (
    "severe",
    "unbearable",
    "excruciating",
    "agony",
    "agonizing",
    "agonising",
    "terrible",
    "horrible",
    "awful",
    "intense",
    "extreme",
    "crippling",
    "debilitating",
    "the worst",
    "killing me",
    "so bad",
    "really bad",
    "very bad",
    "ten out of ten",
    "nine out of ten",
    "keeping me up",
    "keeps me awake",
    "limping",
    "screaming",
    "whole life",
    "can't do anything",
    "can't do normal",
    "can barely",
    "crying",
    "stopping me",
    "stops me",
    "call in sick",
    "called in sick",
    "crawl",
    "level of pain",
    "hurts this much",
    "hurts so much",
    "weighs a ton",
    "nearly sick",
    "so much pain",
)

# What severe pain stops a person doing (the article: "interferes with daily activities").
DAILY_ACTIVITIES = (
    "sleep",
    "walk",
    "work",
    "sit",
    "sit down",
    "stand",
    "stand up",
    "bend",
    "bend over",
    "move",
    "get out of bed",
    "get up",
    "drive",
    "lie down",
    "put my socks on",
    "tie my shoes",
    "pick up",
    "pick things up",
    "pick her up",
    "pick him up",
    "pick them up",
    "pick my",
    "lift",
    "do the dishes",
    "function",
    "do anything",
    "get dressed",
    "turn over in bed",
    "stand up straight",
    "get my trousers on",
    "do my shifts",
    "do my daily work",
    "do my job",
    "get in the car",
)

STOPPERS = (
    "can't",
    "cannot",
    "can not",
    "couldn't",
    "unable to",
    "not able to",
    "not be able to",
    "struggle to",
    "struggling to",
    "hard to",
    "barely",
    "hurts to",
    "too painful to",
    "stops me from",
    "keeps me from",
)

VERY = ("very", "really", "extremely", "super", "incredibly", "so", "too")

# -- how the lump changes or stays -------------------------------------------

# Said alone, these describe the lump changing (the article: "growing").
CHANGES_ALONE = (
    "growing",
    "grown",
    "grew",
    "bigger",
    "larger",
    "swelling",
    "swollen",
    "swelled",
    "doubled in size",
    "increased in size",
    "changing shape",
    "changed shape",
    "looks different",
    "harder",
    "firmer",
    "puffier",
    "puffy",
    "rock hard",
    "gone hard",
    "grow",
    "not shrinking",
    "isn't shrinking",
    "hasn't shrunk",
    "not reduced",
    "hasn't reduced",
)

CHANGES = (
    "growing",
    "grown",
    "grew",
    "getting bigger",
    "gotten bigger",
    "got bigger",
    "bigger",
    "larger",
    "getting larger",
    "swelling",
    "swollen",
    "swelled",
    "changing",
    "changed",
    "spreading",
    "getting worse",
    "worse",
)

PERSISTENCE = (
    "still there",
    "won't go away",
    "will not go away",
    "won't go",
    "not going away",
    "isn't going away",
    "hasn't gone",
    "hasn't gone away",
    "hasn't gone down",
    "doesn't go away",
    "never goes away",
    "keeps coming back",
    "keeps coming back",
    "persistent",
    "constant",
    "won't budge",
    "not budging",
    "never goes",
    "not going down",
    "isn't going down",
    "hasn't gone down",
    "still sitting there",
    "won't shift",
    "hasn't shifted",
    "still the same size",
    "won't go away",
    "hang around",
    "hanging around",
    "not going anywhere",
    "isn't going anywhere",
    "still persisting",
)

DURATIONS = (
    "days",
    "a week",
    "weeks",
    "a month",
    "months",
    "ages",
    "a long time",
    "a while",
    "a fortnight",
)

# Self-care that has not worked: the article's "no relief after a few days or weeks".
NO_RELIEF = (
    "tried everything",
    "nothing helps",
    "nothing works",
    "nothing is working",
    "nothing's working",
    "nothing is helping",
    "nothing's helping",
    "nothing has helped",
    "nothing's helped",
    "nothing helped",
    "nothing worked",
    "not helping",
    "isn't helping",
    "aren't helping",
    "hasn't helped",
    "haven't helped",
    "didn't help",
    "doesn't help",
    "don't help",
    "not working",
    "isn't working",
    "hasn't worked",
    "haven't worked",
    "didn't work",
    "doesn't work",
    "no better",
    "not getting better",
    "isn't getting better",
    "hasn't got better",
    "hasn't gotten better",
    "no relief",
    "no difference",
    "not improving",
    "isn't improving",
    "hasn't improved",
    "doesn't do anything",
    "isn't doing anything",
    "not doing anything",
    "does nothing",
    "did nothing",
    "done nothing",
    "no change",
    "still the same",
    "exactly the same",
    "not any better",
    "isn't any better",
    "makes no difference",
    "any difference",
    "then nothing",
    "not touching it",
    "still nothing",
    "zero improvement",
    "no improvement",
    "hasn't budged",
    "not budged",
    "hasn't fixed",
    "not fixed",
    "just as bad",
    "just as much",
    "still hurts the same",
    "and nothing",
)

# -- what else it might be ---------------------------------------------------

OTHER_GROWTHS = (
    "cyst",
    "hernia",
    "tumor",
    "tumour",
    "growth",
    "cancer",
    "sarcoma",
    "under the skin",
    "in the skin",
    "on the bone",
    "something different",
    "not a muscle knot",
    "not a trigger point",
    "cancerous",
    "lipoma",
    "fatty lump",
    "abscess",
    "a mass",
    "something else",
    "something worse",
    "something serious",
    "something sinister",
    "not a knot",
    "not a muscle knot",
    "malignant",
    "sinister",
    "cancer",
)

# -- serious symptoms the article does not cover -----------------------------

SERIOUS_SYMPTOMS = (
    "fever",
    "a temperature",
    "high temperature",
    "chills",
    "bladder",
    "bowel",
    "bowels",
    "wet myself",
    "wetting myself",
    "pee myself",
    "incontinence",
    "incontinent",
    "can't pee",
    "can't control",
    "lost control",
    "i fell",
    "a fall",
    "fell over",
    "fell down",
    "had a fall",
    "accident",
    "car crash",
    "crash",
    "was hit",
    "got hit",
    "chest pain",
    "pain in my chest",
    "my chest hurts",
    "tight chest",
    "chest is tight",
    "can't breathe",
    "can't catch my breath",
    "short of breath",
    "trouble breathing",
    "hard to breathe",
    "groin",
    "saddle",
    "between my legs",
    "weight loss",
    "losing weight",
    "lost weight",
    "night sweats",
    "sweating at night",
    "vomiting",
    "throwing up",
    "blood in my",
    "feverish",
    "sweating through",
    "fell off",
    "slipped on",
    "slipped and",
    "hit my back",
    "hit my lower back",
    "landed on my back",
    "catch my breath",
    "tightness in my chest",
    "chest",
    "lost a lot of weight",
    "dropped",
    "control my bladder",
    "control my bowels",
    "when i wipe",
    "drenched in sweat",
    "peeing myself",
    "wetting myself",
    "fell flat",
    "fell on my back",
    "fell onto my back",
    "fell right on my back",
    "tackled",
    "hit by a car",
    "shivery",
    "without trying",
    "numb between my legs",
)

# -- negation -----------------------------------------------------------------

# Said before a warning sign in the same clause, these deny it.
NEGATORS = ("no", "not", "never", "without", "none", "nor", "zero", "nothing like")

# Words that end a clause: a negation does not reach past them.
CLAUSE_BREAKS = (
    "but", "and", "although", "though", "however", "except", "yet", "so", "because", "just", "only", "it's",
    "it is", "i'm",
)

# Said of a leg or of what a person can do, these deny a warning sign ("my legs feel fine").
FINE = ("fine", "normal", "okay", "ok", "all right", "alright", "good", "totally normal", "perfectly fine")

# Before a negation, these turn it into a worry ("how do i know it's not a cyst").
DOUBTS = ("how do i know", "how do you know", "how can i tell", "how can you tell", "what if", "how can i be sure",
          "rule out", "make sure")

# Other parts of the body and other illnesses: a description about these alone is not about a back knot.
OTHER_COMPLAINTS = (
    "headache", "head", "neck", "shoulder", "arm", "elbow", "wrist", "hand", "finger", "tooth", "teeth",
    "stomach", "throat", "eye", "ear", "breast", "skin", "rash", "flu", "cold", "cough", "covid", "sunburn",
    "pregnant", "pregnancy", "period", "blood pressure", "diabetes", "phone", "car", "weather", "insomnia",
    "cold sore", "migraine", "armpit", "dog", "cat", "puppy", "kitten", "upper back",
)

# Pain said to be mild: severe pain denied.
MILD = ("mild", "not too bad", "not that bad", "not so bad", "bearable", "manageable", "one out of ten",
        "two out of ten", "three out of ten", "four out of ten", "just annoying", "a bit annoying")

# Said before a worry about another growth, these deny it ("i'm not worried it's cancer").
UNWORRIED = ("not worried", "not concerned", "not scared", "not afraid", "not thinking")

# A lump found after exercise, told as a story: these words with a lump word mean the lump itself.
STORY_WORDS = ("after", "since", "found", "noticed", "felt", "discovered", "doing", "did", "was", "popped up",
               "showed up", "appeared", "came up", "woke up")

# -- what a description is about, when it states no warning sign ------------

# (topic id, words), most specific first: the first topic any word names wins.
# A word matches with a plain ending added ("stretch" finds "stretches").
TOPIC_CUES: tuple[tuple[str, tuple[str, ...]], ...] = (
    ("lump", ("what is it", "what is that", "what is this", "what could it be", "what might it be",
              "what could that be", "what is going on", "is it a knot", "what is the lump", "what is the thing")),
    ("doctor", ("dry needling", "physical therapy", "physiotherapy", "what will the doctor", "what would a doctor",
                "what will a doctor", "what would the doctor", "what does a physio", "what would a physio",
                "can a doctor", "will a doctor", "would a doctor", "can a physio")),
    ("see_doctor", ("doctor", "physio", "physiotherapist", "physical therapist", "gp", "g p", "professional",
                    "serious", "worried", "worry", "dangerous", "get it checked", "checked out")),
    ("prevention", ("prevent", "prevention", "stop it coming back", "stop it happening", "avoid", "happening again",
                    "coming back", "next time", "in future", "in the future", "another one")),
    ("method.stretching", ("stretch", "child's pose", "cat cow", "lumbar rotation")),
    ("method.massage", ("foam roll", "foam roller", "roll it", "roll on", "massage", "lacrosse ball", "tennis ball",
                        "massage ball", "rub")),
    ("method.heat_or_ice", ("heat", "heating pad", "ice", "icing", "ice pack", "cold pack", "hot water bottle",
                            "warm compress", "hot bath", "hot shower", "heat pack")),
    ("method.hydration", ("water", "drink", "hydrate", "hydrated", "hydration", "fluids")),
    ("method.form", ("form", "posture", "technique", "trainer", "coach")),
    ("method.rest", ("rest", "take a break", "time off", "keep training", "keep working out", "skip the gym",
                     "go to the gym", "keep lifting", "keep running", "work out with it", "train with it")),
    ("symptom.tenderness", ("tender", "tenderness", "sensitive", "when i press", "when i touch", "when i poke",
                            "to touch", "touches it", "touch it", "press on it", "poke it")),
    ("symptom.referred_pain", ("down my leg", "into my leg", "my leg ache", "leg aches", "back of my leg", "buttock",
                               "butt", "glute", "bum", "radiates", "radiating", "spreads", "spreading", "shoots",
                               "shooting")),
    ("symptom.stiffness", ("stiff", "stiffness", "tight", "rigid", "flexibility", "flexible")),
    ("symptom.weakness", ("weak", "weaker", "weakness", "no strength", "feeble")),
    ("symptom.local_pain", ("ache", "aches", "aching", "achy", "throb", "throbs", "throbbing", "hurts", "sore",
                            "pain", "sharp", "dull")),
    ("symptoms", ("symptom", "feel like", "signs")),
    ("knot", ("muscle knot", "trigger point", "myofascial", "what is a knot", "what are knots", "a knot just",
              "knots made")),
    ("relief", ("get rid", "relieve", "relief", "ease", "fix", "treat", "make it better", "what should i do",
                "what can i do", "what do i do", "loosen", "release", "feel better", "sort it out", "heal",
                "help it", "get better", "knot out")),
    ("causes", ("cause", "caused", "how did", "how come", "what made", "reasons", "why")),
    ("lump", (*THINGS, "lower back", "back", "spine")),
)

# Said with a cause's words, these ask whether it caused the knot ("could that be why").
CAUSAL = ("could that be why", "is that why", "is that the reason", "is that the cause", "could that be it",
          "would that do it", "would that cause", "could that cause", "is it because", "because of", "caused by",
          "could it be from", "is it from", "did that cause", "does that matter", "is that related", "could that be",
          "is that what", "from", "the reason", "be why", "be the cause", "be the reason", "cause it", "causing it",
          "cause this", "causing this")

# What a cause looks like when a person names it (topic id, words), checked only when asking about a cause.
CAUSE_CUES: tuple[tuple[str, tuple[str, ...]], ...] = (
    ("cause.dehydration", ("dehydrated", "dehydration", "drink", "drank", "water", "hydration", "fluids")),
    ("cause.no_warm_up", ("warm up", "warmup", "warming up", "cool down", "cooldown", "cooling down")),
    ("cause.stress", ("stress", "stressed", "anxious", "anxiety", "tense", "tension", "emotionally", "rough",
                      "worried sick")),
    ("cause.muscle_imbalance", ("imbalance", "imbalances", "stronger than", "tighter than", "weaker than",
                                "compared to", "one side", "uneven", "weak core")),
    ("cause.poor_form", ("form", "posture", "technique", "lifting wrong", "rounding", "rounded", "slouch")),
    ("cause.overuse", ("too much", "overdid", "overdo", "overdoing", "overtrain", "overtraining", "too heavy",
                       "too many", "every day", "every single day", "days a week", "repetitive", "overuse",
                       "deadlift", "squat", "rowing", "no rest", "without a break", "not resting")),
)
