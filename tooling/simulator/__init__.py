"""An offline Alexa simulator for this skill, driven by its own interaction model.

nlu.py understands typed utterances, alexa_requests.py builds the envelopes Alexa
sends, transport.py delivers them (in-process or to a webhook), session.py
holds the conversation, and cli.py is the `skill-sim` command.
"""
