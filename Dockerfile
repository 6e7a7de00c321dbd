# Back Knot Guide: the Alexa skill webhook behind gunicorn.
FROM python:3.12-slim

ENV PYTHONDONTWRITEBYTECODE=1 \
    PYTHONUNBUFFERED=1 \
    PIP_NO_CACHE_DIR=1 \
    PORT=8080

# Build from /src, then run from an empty folder: gunicorn puts its working
# directory first on the import path, which would shadow the installed package.
WORKDIR /src
COPY pyproject.toml README.md ./
COPY skill ./skill
RUN pip install . \
 && rm -rf /src \
 && useradd --create-home --uid 10001 skill
WORKDIR /home/skill

USER skill
EXPOSE 8080

# ALEXA_SKILL_ID must be given at run time (docker run -e ALEXA_SKILL_ID=...).
HEALTHCHECK --interval=30s --timeout=3s --start-period=10s --retries=3 \
  CMD python -c "import os, urllib.request; urllib.request.urlopen('http://127.0.0.1:%s/healthz' % os.environ.get('PORT', '8080'), timeout=2)"

# Listen on every interface inside the container; the port comes from PORT. BIND (not
# --bind) says so, so that the settings check sees it: ALEXA_VERIFY=0 is refused here.
CMD ["sh", "-c", "export BIND=\"0.0.0.0:${PORT}\" && exec gunicorn --config python:skill.web.gunicorn_conf 'skill.web.app:create_app()'"]
