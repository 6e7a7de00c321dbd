"""Development tooling: never imported by the skill at run time, never shipped to Lambda.

The offline simulator (skill-sim), the local stand-in for Amazon's signing PKI,
the interaction model's generator, the packaging and the screen previews.
"""
