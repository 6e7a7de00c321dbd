"""Amazon's built-in vocabulary: what Alexa understands without any samples.

Built-in intents such as AMAZON.StopIntent come with phrasings Amazon trains
for every skill; an interaction model only declares the intent (and may add a
few samples of its own).  This is that vocabulary, as data.  It says nothing
about the skill's subject: every fact still comes from skill/content.py, and
every custom phrasing from interaction_model/.
"""

from __future__ import annotations

BUILT_IN_PHRASES = {
    "AMAZON.HelpIntent": (
        "help",
        "help me",
        "help please",
        "i need help",
        "can you help me",
        "what can i say",
        "what do i say",
        "what should i say",
        "what can i do here",
        "what are my choices",
        "what are the options",
        "how does this skill work",
        "how do i use this skill",
        "i am confused",
        "i do not know what to say",
        "what do you do",
    ),
    "AMAZON.StopIntent": (
        "stop",
        "stop it",
        "quit",
        "off",
        "shut up",
        "be quiet",
        "enough",
        "that is enough",
        "that is all",
        "i am done",
        "i am all done",
        "all finished",
        "we are finished",
        "i want to stop",
        "i want to quit",
        "i would like to stop",
        "bye",
        "good bye",
        "goodbye",
        "bye bye",
        "see you later",
        "end",
        "stop please",
        "please stop",
    ),
    "AMAZON.CancelIntent": (
        "cancel",
        "cancel it",
        "cancel that",
        "never mind",
        "nevermind",
        "forget it",
        "forget about it",
        "forget that",
    ),
    "AMAZON.NavigateHomeIntent": (
        "go home",
        "go to home",
        "go to the home screen",
        "home screen",
        "back to home",
        "return home",
        "take me to the home screen",
        "take me back home",
    ),
    "AMAZON.RepeatIntent": (
        "repeat",
        "repeat it",
        "repeat that",
        "repeat please",
        "say that again",
        "say it again",
        "say again",
        "again",
        "once more",
        "one more time",
        "pardon",
        "pardon me",
        "sorry what",
        "what was that",
        "what was that again",
        "could you repeat that",
        "please repeat",
    ),
    "AMAZON.NextIntent": (
        "next",
        "next one",
        "next please",
        "skip",
        "skip it",
        "skip that",
        "go to the next one",
        "move on",
        "the next",
        "what is next",
        "forward",
    ),
    "AMAZON.PreviousIntent": (
        "previous",
        "go back",
        "back",
        "back up",
        "go back one",
        "previous one",
        "the previous one",
        "last one",
        "before that",
    ),
    "AMAZON.MoreIntent": (
        "more",
        "tell me more",
        "more please",
        "more info",
        "more information",
        "show more",
        "i want more",
        "say more",
    ),
    "AMAZON.StartOverIntent": (
        "start over",
        "start again",
        "restart",
        "begin again",
        "from the beginning",
        "start from the beginning",
        "from the top",
        "reset",
    ),
    "AMAZON.PauseIntent": (
        "pause",
        "pause it",
        "pause that",
        "wait",
        "hold on",
        "hold it",
    ),
    "AMAZON.ResumeIntent": (
        "resume",
        "continue",
        "carry on",
        "keep going",
        "unpause",
    ),
    "AMAZON.YesIntent": (
        "yes",
        "yeah",
        "yep",
        "yup",
        "yes please",
        "sure",
        "sure thing",
        "okay",
        "ok",
        "alright",
        "all right",
        "of course",
        "definitely",
        "absolutely",
        "certainly",
        "go ahead",
        "sounds good",
        "please do",
        "go on",
        "go for it",
        "i would like that",
        "why not",
        "uh huh",
        "yes i would",
        "yes i do",
        "that would be great",
    ),
    "AMAZON.NoIntent": (
        "no",
        "nope",
        "nah",
        "no thanks",
        "no thank you",
        "not now",
        "not right now",
        "not really",
        "no i do not",
        "no i would not",
        "i do not think so",
        "not today",
        "negative",
        "no way",
        "i am good thanks",
        "no i am okay",
        "i am fine",
    ),
}

# Disfluencies speech recognition leaves out of a transcript (and so of a
# SearchQuery slot's words); the other filler words stay in it.
DISFLUENCIES = frozenset("um uh er erm hmm".split())

# Said during a session, these end it at once: the skill gets a
# SessionEndedRequest (reason USER_INITIATED) and has no chance to answer.
EXIT_PHRASES = ("exit", "exit skill", "exit the skill", "alexa exit")

# Words a speaker adds anywhere without changing what they ask.  ("Thanks" is
# not one of them: said alone, it is what the person means.  Nor is "really":
# "it's really painful" says more than "it's painful", and a model hears it.)
FILLER_WORDS = frozenset("um uh er erm hmm hey alexa please kindly just so well actually basically".split())
# "So" is a filler ("so I was lifting...") except as a degree word before what it grades ("it's so
# painful"), where it is part of the meaning and the recogniser writes it, and the NLU hears it.
GRADED_BY_SO = frozenset(
    """painful sore tender bad much many hard tight stiff swollen big weak numb tingly heavy sharp intense
    severe awful horrible uncomfortable excruciating unbearable""".split()
)

# Grammar words of English: they shape a sentence but say little about what
# is asked, so they weigh little whether or not the model uses them.
# Question words, modal verbs and "not" are left out on purpose: "when should
# I" and "what will" tell intents apart.
FUNCTION_WORDS = frozenset(
    """a an the this that these those there here it its i me my mine you your we our us they them
    their he him his she her is am are was were be been being do does did have has had having
    of in on at to for from with by about into onto over under after before since while during as
    than then and or but if so too also very quite some any all both each every such own same
    again still even ever yet already now""".split()
)

# Alexa's launch phrases and the words that join an invocation name to a question.
LAUNCH_VERBS = (
    "open",
    "launch",
    "start",
    "begin",
    "load",
    "run",
    "play",
    "resume",
    "use",
    "talk to",
    "ask",
    "tell",
    "speak to",
)
CONNECTING_WORDS = ("about", "for", "to", "whether", "if", "that", "and")
# "<question> using <invocation name>" and friends.
TRAILING_CONNECTORS = ("using", "with", "from", "on", "in", "via")
