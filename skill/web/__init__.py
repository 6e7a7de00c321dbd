"""The web service: the Flask app, its settings, gunicorn's settings and Amazon's request checks.

Not shipped to AWS Lambda, whose Alexa trigger replaces the signature checks.
"""
