#!/usr/bin/env node
// An independent, exact-sample check of interaction_model/en-US.json with
// Bespoken's virtual-alexa, against the real webhook.
//
// virtual-alexa matches an utterance against the sample utterances literally
// (each sample becomes a regular expression), unlike Alexa's statistical NLU.
// So this shows what the samples themselves guarantee:
//   1. every sample in the model, with its slots filled in, reaches its own
//      intent (model only, no server);
//   2. a table of utterances reaches the expected intent and slots, and the
//      webhook answers each with the expected speech.
//
// By default it starts the webhook itself with gunicorn on 127.0.0.1 (a free
// port, ALEXA_VERIFY=0) and stops it at the end. Settings, all optional:
//   SKILL_URL       use an already running webhook (e.g. http://127.0.0.1:8080/alexa)
//   ALEXA_SKILL_ID  the skill id sent as applicationId and given to the server
//   PYTHON          the Python that runs gunicorn (default ../../.venv/bin/python)
//   VERBOSE=1       print the server's log
// Exit status: 0 all expectations met, 1 some failed, 2 the check could not run.

"use strict";

// virtual-alexa requires aws-sdk v2 (for its DynamoDB mock), which prints an
// end-of-support notice on load.
process.env.AWS_SDK_JS_SUPPRESS_MAINTENANCE_MODE_MESSAGE = "1";

const childProcess = require("child_process");
const fs = require("fs");
const http = require("http");
const net = require("net");
const path = require("path");

const { VirtualAlexa } = require("virtual-alexa");
const { InteractionModel } = require("virtual-alexa/lib/src/model/InteractionModel");
// The matcher virtual-alexa's utter() uses, from virtual-alexa's own copy of virtual-core.
const { Utterance } = require(require.resolve("virtual-core",
    { paths: [path.dirname(require.resolve("virtual-alexa/package.json"))] }));

const ROOT = path.resolve(__dirname, "..", "..");
const MODEL_FILE = path.join(ROOT, "interaction_model", "en-US.json");
const SKILL_ID = process.env.ALEXA_SKILL_ID || "amzn1.ask.skill.00000000-0000-0000-0000-000000000000";
const OTHER_SKILL_ID = "amzn1.ask.skill.ffffffff-ffff-ffff-ffff-ffffffffffff";
const PYTHON = process.env.PYTHON || path.join(ROOT, ".venv", "bin", "python");
const VERBOSE = process.env.VERBOSE === "1";

const SERVER_START_MS = 30000;
const SERVER_STOP_MS = 10000;
const REQUEST_MS = 15000;
const TOTAL_MS = 180000;

// --------------------------------------------------------------------------
// The table. `before` steps run first in the same session (not checked).
// slots: exact string or RegExp per slot; resolved: expected entity id.
// says / notSays: case-insensitive pieces of the spoken text.
// Careful: utter() turns any utterance containing "ask", "open", "launch",
// "talk to" or "tell" anywhere (even "basketball") into a LaunchRequest, and
// "exit" into a SessionEndedRequest (VirtualAlexa.parseLaunchRequest), so
// "tell me more" or "what can i ask" cannot be rows here.
// --------------------------------------------------------------------------

const NERVE_ADVICE = "see a doctor";

const TABLE = [
    { say: "open back knot guide", intent: "LaunchRequest", says: ["Welcome to Back Knot Guide"] },

    // 1. DescribeIntent (AMAZON.SearchQuery) catches free descriptions after its carrier phrases.
    { say: "my left foot keeps going numb", intent: "DescribeIntent",
      slots: { description: /^(my )?left foot keeps going numb$/ }, says: [NERVE_ADVICE] },
    // "i have no ..." is a NegativeStatementIntent carrier: the skill reads "no idea what this lump is".
    { say: "i have no idea what this lump is", intent: "NegativeStatementIntent",
      slots: { description: /idea what this lump is$/ }, says: ["muscle knot"] },
    { say: "i don't have any numbness in my legs", intent: "NegativeStatementIntent",
      slots: { description: /numbness in my legs$/ }, says: ["noted"], notSays: ["is a reason to see"] },
    { say: "no but my left foot keeps going numb", intent: "NegativeStatementIntent",
      says: [NERVE_ADVICE] },
    { say: "there's a weird bump near my spine", intent: "DescribeIntent",
      slots: { description: /a weird bump near my spine$/ }, says: ["muscle knot"] },
    { before: ["open back knot guide", "what causes it", "next"],
      say: "actually my left foot keeps going numb", intent: "DescribeIntent",
      slots: { description: /left foot keeps going numb$/ }, says: [NERVE_ADVICE], notSays: ["overuse"],
      ended: false },

    // 2. Specific samples still reach their own intents.
    { say: "what causes it", intent: "CausesIntent", slots: { cause: undefined }, says: ["overuse"] },
    { say: "should i use heat or ice", intent: "HeatOrIceIntent", says: ["heating pad", "ice pack"] },
    { say: "i have numbness in my legs", intent: "RedFlagIntent",
      slots: { warningSign: "numbness" }, resolved: { warningSign: "NUMBNESS_TINGLING" }, says: [NERVE_ADVICE] },
    // Same literal score as DescribeIntent's "i have {description}": the typed slot wins the tie.
    { say: "i have numb legs", intent: "RedFlagIntent",
      slots: { warningSign: "numb legs" }, resolved: { warningSign: "NUMBNESS_TINGLING" }, says: [NERVE_ADVICE] },
    // Built-in intents: "next" and "help" are virtual-alexa's own samples, "next one" is the model's.
    { before: ["open back knot guide", "what causes it"],
      say: "next", intent: "AMAZON.NextIntent", says: ["deadlifts"] },
    { before: ["open back knot guide", "what causes it"],
      say: "next one", intent: "AMAZON.NextIntent", says: ["deadlifts"] },
    { say: "help", intent: "AMAZON.HelpIntent", says: ["You can ask"] },
    { say: "stop", intent: "AMAZON.StopIntent", says: ["Goodbye"], ended: true },
    // 3. Guided sessions: their starts, and the words that steer them.
    { say: "let's stretch", intent: "StretchRoutineIntent", says: ["child's pose", "without bouncing"], ended: false },
    { before: ["open back knot guide", "walk me through the stretches"],
      say: "skip this stretch", intent: "AMAZON.NextIntent", says: ["cat-cow"] },
    { before: ["open back knot guide", "time my foam rolling"],
      say: "done", intent: "AMAZON.StopIntent", says: ["well done"], ended: true },
    { say: "check my symptoms", intent: "SymptomCheckIntent", says: ["Question one of five"] },
    { before: ["open back knot guide", "check my symptoms"],
      say: "not sure", intent: "NotSureIntent", says: ["reason enough to see a doctor"] },
    // virtual-alexa adds the AudioPlayer built-ins (AMAZON.ShuffleOnIntent ...) to any model that has
    // both AMAZON.PauseIntent and AMAZON.ResumeIntent; the skill must still answer sensibly.
    { say: "shuffle", intent: "AMAZON.ShuffleOnIntent", says: ["didn't catch that"], ended: false },
];

// --------------------------------------------------------------------------
// Small helpers
// --------------------------------------------------------------------------

function plain(ssml) {
    return String(ssml || "")
        .replace(/<[^>]+>/g, "")
        .replace(/&apos;/g, "'").replace(/&quot;/g, "\"").replace(/&lt;/g, "<")
        .replace(/&gt;/g, ">").replace(/&amp;/g, "&")
        .replace(/\s+/g, " ").trim();
}

function short(text, size = 72) {
    return text.length > size ? text.slice(0, size - 1) + "…" : text;
}

function withTimeout(promise, ms, what) {
    let timer;
    const limit = new Promise((_, reject) => {
        timer = setTimeout(() => reject(new Error(`${what}: no answer within ${ms / 1000} s`)), ms);
    });
    return Promise.race([promise, limit]).finally(() => clearTimeout(timer));
}

function sleep(ms) {
    return new Promise((resolve) => setTimeout(resolve, ms));
}

function slotText(slots) {
    const parts = [];
    for (const [name, slot] of Object.entries(slots || {})) {
        if (!slot || slot.value === undefined) continue;
        let text = `${name}=${JSON.stringify(slot.value)}`;
        const id = resolvedId(slot);
        if (id) text += `→${id}`;
        parts.push(text);
    }
    return parts.length ? `{${parts.join(", ")}}` : "{}";
}

function resolvedId(slot) {
    const authorities = (slot && slot.resolutions && slot.resolutions.resolutionsPerAuthority) || [];
    for (const authority of authorities) {
        if (authority.status && authority.status.code === "ER_SUCCESS_MATCH" && authority.values.length) {
            return authority.values[0].value.id;
        }
    }
    return undefined;
}

function loadModelJSON() {
    return JSON.parse(fs.readFileSync(MODEL_FILE, "utf8"));
}

// --------------------------------------------------------------------------
// The webhook under test
// --------------------------------------------------------------------------

function freePort() {
    return new Promise((resolve, reject) => {
        const probe = net.createServer();
        probe.unref();
        probe.on("error", reject);
        probe.listen(0, "127.0.0.1", () => {
            const { port } = probe.address();
            probe.close(() => resolve(port));
        });
    });
}

function healthy(port) {
    return new Promise((resolve) => {
        const req = http.get({ host: "127.0.0.1", port, path: "/healthz", timeout: 1000, agent: false }, (res) => {
            res.resume();
            resolve(res.statusCode === 200);
        });
        req.on("timeout", () => req.destroy());
        req.on("error", () => resolve(false));
    });
}

class Server {
    constructor() {
        this.proc = null;
        this.log = [];
        this.exited = false;
    }

    async start() {
        if (!fs.existsSync(PYTHON)) {
            throw new Error(`no Python at ${PYTHON}; set PYTHON or create the venv (make venv)`);
        }
        const port = await freePort();
        const env = { ...process.env, ALEXA_VERIFY: "0", ALEXA_SKILL_ID: SKILL_ID, PYTHONUNBUFFERED: "1" };
        delete env.GUNICORN_CMD_ARGS; // would add settings behind our back
        const args = ["-m", "gunicorn", "--bind", `127.0.0.1:${port}`, "--workers", "1",
            "--graceful-timeout", "5", "--timeout", "30", "skill.web.app:create_app()"];
        this.proc = childProcess.spawn(PYTHON, args, { cwd: ROOT, env, stdio: ["ignore", "pipe", "pipe"] });
        const keep = (chunk) => {
            for (const line of chunk.toString().split("\n")) {
                if (!line) continue;
                this.log.push(line);
                if (this.log.length > 200) this.log.shift();
                if (VERBOSE) process.stderr.write(`[server] ${line}\n`);
            }
        };
        this.proc.stdout.on("data", keep);
        this.proc.stderr.on("data", keep);
        this.exitPromise = new Promise((resolve) => {
            this.proc.on("exit", (code, signal) => {
                this.exited = true;
                resolve({ code, signal });
            });
            this.proc.on("error", (error) => { // could not be spawned at all
                this.log.push(`spawn failed: ${error.message}`);
                this.exited = true;
                resolve({ code: null, signal: null });
            });
        });

        const deadline = Date.now() + SERVER_START_MS;
        while (Date.now() < deadline) {
            if (this.exited) throw new Error("the webhook exited during start-up");
            if (await healthy(port)) {
                this.url = `http://127.0.0.1:${port}/alexa`;
                return this.url;
            }
            await sleep(200);
        }
        throw new Error(`the webhook did not answer /healthz within ${SERVER_START_MS / 1000} s`);
    }

    async stop() {
        if (!this.proc || this.exited) return;
        this.proc.kill("SIGTERM");
        const stopped = await Promise.race([this.exitPromise, sleep(SERVER_STOP_MS).then(() => null)]);
        if (!stopped && !this.exited) {
            this.proc.kill("SIGKILL");
            await Promise.race([this.exitPromise, sleep(2000)]);
        }
    }

    killNow() {
        if (this.proc && !this.exited) this.proc.kill("SIGKILL");
    }

    tail(count = 20) {
        return this.log.slice(-count).map((line) => `    [server] ${line}`).join("\n");
    }
}

// --------------------------------------------------------------------------
// 1. Every sample reaches its own intent (virtual-alexa's matcher, no server)
// --------------------------------------------------------------------------

const SEARCH_QUERY_FILL = "this lump near my spine";

function fillSample(sample, intent, types) {
    return sample.replace(/\{([^}|]+)\}/g, (whole, name) => {
        const slot = (intent.slots || []).find((s) => s.name === name);
        if (!slot) return whole;
        if (slot.type === "AMAZON.SearchQuery") return SEARCH_QUERY_FILL;
        const type = types[slot.type];
        if (type && type.values && type.values.length) return type.values[0].name.value;
        return slot.type === "AMAZON.NUMBER" ? "three" : "something";
    });
}

function checkAllSamples(raw) {
    const lm = raw.interactionModel.languageModel;
    const model = InteractionModel.fromJSON(JSON.parse(JSON.stringify(raw)));
    const types = Object.fromEntries((lm.types || []).map((t) => [t.name, t]));
    const searchQuerySlots = {};
    for (const intent of lm.intents) {
        searchQuerySlots[intent.name] = new Set(
            (intent.slots || []).filter((s) => s.type === "AMAZON.SearchQuery").map((s) => s.name));
    }
    let total = 0;
    const failures = [];
    const artefacts = [];
    for (const intent of lm.intents) {
        for (const sample of intent.samples || []) {
            total++;
            const said = fillSample(sample, intent, types);
            const heard = new Utterance(model, said);
            const got = heard.matched() ? heard.intent() : "no match";
            if (got === intent.name) continue;
            const slots = heard.matched() ? heard.toJSON() : {};
            const line = `"${said}" (${intent.name}) -> ${got} ${JSON.stringify(slots)}` +
                (heard.matched() ? ` via "${heard.matchedSample.phrase}"` : "");
            // virtual-alexa lets a slot match nothing at all, so "why" fits "why {description}";
            // Alexa never fills an AMAZON.SearchQuery slot with an empty string.
            const emptySearch = heard.matched() && Object.entries(slots)
                .some(([name, value]) => value === "" && searchQuerySlots[got] && searchQuerySlots[got].has(name));
            (emptySearch ? artefacts : failures).push(line);
        }
    }
    const mark = failures.length ? "FAIL" : "ok  ";
    console.log(`${mark} all ${total} samples, slots filled in, reach their own intent` +
        ` (${failures.length} elsewhere, ${artefacts.length} virtual-alexa artefacts)`);
    for (const line of failures) console.log(`       FAIL ${line}`);
    for (const line of artefacts) console.log(`       note ${line} [empty SearchQuery: virtual-alexa only]`);
    return failures.length;
}

// --------------------------------------------------------------------------
// 2. The table, through virtual-alexa to the webhook
// --------------------------------------------------------------------------

function buildAlexa(raw, url) {
    return VirtualAlexa.Builder()
        .interactionModel(JSON.parse(JSON.stringify(raw)))
        .skillURL(url)
        .applicationID(SKILL_ID)
        .locale("en-US")
        .create();
}

async function say(alexa, text, captured) {
    captured.request = undefined;
    // utter() throws at once when no sample matches; the promise covers the HTTP call.
    const reply = await withTimeout(Promise.resolve().then(() => alexa.utter(text)), REQUEST_MS, `"${text}"`);
    return { reply, request: captured.request };
}

function compare(row, request, reply) {
    const problems = [];
    const req = (request && request.request) || {};
    const got = req.type === "IntentRequest" ? req.intent.name : req.type;
    if (got !== row.intent) problems.push(`intent: expected ${row.intent}, got ${got}`);
    const slots = (req.intent && req.intent.slots) || {};
    for (const [name, wanted] of Object.entries(row.slots || {})) {
        const value = slots[name] && slots[name].value;
        const ok = wanted === undefined ? value === undefined
            : wanted instanceof RegExp ? typeof value === "string" && wanted.test(value)
                : value === wanted;
        if (!ok) problems.push(`slot ${name}: expected ${wanted === undefined ? "no value" : wanted}, got ${JSON.stringify(value)}`);
    }
    for (const [name, id] of Object.entries(row.resolved || {})) {
        const gotId = resolvedId(slots[name]);
        if (gotId !== id) problems.push(`slot ${name} resolves to ${gotId}, expected ${id}`);
    }
    const speech = plain(reply && reply.prompt());
    for (const piece of row.says || []) {
        if (!speech.toLowerCase().includes(piece.toLowerCase())) problems.push(`speech lacks "${piece}"`);
    }
    for (const piece of row.notSays || []) {
        if (speech.toLowerCase().includes(piece.toLowerCase())) problems.push(`speech has "${piece}"`);
    }
    if (row.ended !== undefined) {
        const ended = Boolean(reply && reply.response && reply.response.shouldEndSession);
        if (ended !== row.ended) problems.push(`session ${ended ? "ended" : "stayed open"}, expected the opposite`);
    }
    return { got, slots, speech, problems };
}

async function runTable(raw, url) {
    const alexa = buildAlexa(raw, url);
    const captured = {};
    alexa.filter((json) => { captured.request = JSON.parse(JSON.stringify(json)); });
    let failed = 0;
    for (const row of TABLE) {
        alexa.context().endSession(); // each row starts a new session
        const label = (row.before ? `[after ${row.before.map((s) => `"${s}"`).join(", ")}] ` : "") + `"${row.say}"`;
        let result;
        try {
            for (const step of row.before || []) await say(alexa, step, captured);
            const { reply, request } = await say(alexa, row.say, captured);
            result = compare(row, request, reply);
        } catch (error) {
            result = { got: "error", slots: {}, speech: "", problems: [String(error && error.message || error)] };
        }
        const mark = result.problems.length ? "FAIL" : "ok  ";
        console.log(`${mark} ${label} -> ${result.got} ${slotText(result.slots)} | "${short(result.speech)}"`);
        for (const problem of result.problems) console.log(`       ${problem}`);
        if (result.problems.length) failed++;
    }

    // The webhook must refuse a request for another skill id: the applicationId above is what it checks.
    alexa.context().endSession();
    let refused;
    try {
        await withTimeout(alexa.request().intent("HeatOrIceIntent")
            .set("context.System.application.applicationId", OTHER_SKILL_ID)
            .set("session.application.applicationId", OTHER_SKILL_ID)
            .send(), REQUEST_MS, "other skill id");
        refused = "accepted";
    } catch (error) {
        refused = String(error && error.message || error);
    }
    const ok = /Invalid response: 400/.test(refused);
    console.log(`${ok ? "ok  " : "FAIL"} a request with another skill id is refused -> ${short(refused)}`);
    return failed + (ok ? 0 : 1);
}

// --------------------------------------------------------------------------

async function main() {
    let raw;
    try {
        raw = loadModelJSON();
    } catch (error) {
        console.error(`cannot read ${MODEL_FILE}: ${error.message}`);
        return 2;
    }
    console.log(`virtual-alexa ${require("virtual-alexa/package.json").version}, ` +
        `model ${path.relative(ROOT, MODEL_FILE)}, skill id ${SKILL_ID}`);

    let failures = checkAllSamples(raw);

    const server = process.env.SKILL_URL ? null : new Server();
    // Interrupted or too slow: stop the server (SIGTERM, then SIGKILL) before leaving.
    const abandon = (code) => {
        const stopping = server ? server.stop() : Promise.resolve();
        stopping.finally(() => process.exit(code));
    };
    process.on("SIGINT", () => abandon(130));
    process.on("SIGTERM", () => abandon(143));
    process.on("exit", () => { if (server) server.killNow(); });
    const overall = setTimeout(() => {
        console.error(`the check took longer than ${TOTAL_MS / 1000} s; giving up`);
        abandon(2);
    }, TOTAL_MS);

    try {
        let url = process.env.SKILL_URL;
        if (server) {
            try {
                url = await server.start();
            } catch (error) {
                console.error(`cannot start the webhook: ${error.message}\n${server.tail()}`);
                return 2;
            }
        }
        console.log(`webhook ${url}`);
        const tableFailures = await runTable(raw, url);
        if (tableFailures && server) console.log(server.tail());
        failures += tableFailures;
    } finally {
        if (server) await server.stop();
        clearTimeout(overall);
    }
    console.log(failures ? `${failures} expectation(s) failed` : "all expectations met");
    return failures ? 1 : 0;
}

main().then(
    (code) => process.exit(code),
    (error) => { console.error(error && error.stack || error); process.exit(2); },
);
