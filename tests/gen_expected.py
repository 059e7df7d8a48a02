#!/usr/bin/env python3
"""Generate golden files for tests/e2e from `node` (run once, commit the results).

Each case is tests/e2e/NAME.js (or only NAME.args.json for -e/-p style cases). This script runs
`node` the way the Rust harness (tests/e2e.rs) runs `eddy`, normalises the output with the same
rules, and writes NAME.stdout, NAME.stderr and NAME.status.

  python3 tests/gen_expected.py                # every case that has no NAME.stdout yet
  python3 tests/gen_expected.py NAME [NAME...] # (re)generate these
  python3 tests/gen_expected.py --all          # regenerate everything

Case files:
  NAME.js         the script; run as `node NAME.js` with cwd tests/e2e (also NAME.mjs)
  NAME.ts         TypeScript (also .mts, .cts): Node 20 runs it through tests/ts_node_hook.js,
                  which strips types with the `amaro` npm package (installed on demand into a
                  temporary directory); frames inside that hook are dropped from the output
  NAME.args.json  optional JSON array replacing the arguments, e.g. ["-p", "1+1"]; "$DIR" in an
                  argument becomes the absolute path of tests/e2e
  NAME.stdin      optional bytes fed to standard input (otherwise stdin is empty)
  NAME.env.json   optional JSON object of extra environment variables

Normalisation (keep in step with `normalize` in tests/e2e.rs):
  - the absolute path of tests/e2e becomes $DIR
  - stack frames that point into the runtime's own code ("    at ... (node:internal/...)",
    "    at node:internal/...", Node's "[eval]-wrapper") are dropped, since Node's and Eddy's
    internals differ (text after such a frame, like " {", moves to the last line kept)
  - the line number in an arrow header into a builtin ("node:internal/x/y:123",
    "node:assert:90") becomes LINE
  - "(node:1234)" / "(eddy:1234)" become "(node:PID)"; "`eddy --" becomes "`node --" (and a
    line Eddy starts with its name, "eddy: bad option: ...", reads as Node's "node: ...")
"""
import json, os, re, subprocess, sys

HERE = os.path.dirname(os.path.abspath(__file__))
E2E = os.path.join(HERE, "e2e")

FRAME = re.compile(r"^ +at (?:.*\((?:node:[^)]*|\[eval\]-wrapper:\d+:\d+)\)|node:\S+|\[eval\]-wrapper:\d+:\d+)( .*)?$")
ARROW_HEAD = re.compile(r"^(node:[\w/]+):\d+$")
PID = re.compile(r"\((?:node|eddy):\d+\)")


def normalize(text: str) -> str:
    text = text.replace(E2E, "$DIR")
    lines = []
    for line in text.split("\n"):
        m = FRAME.match(line)
        if m:
            # Text after the frame (" {" of an error with own properties, or what follows an
            # inspected error on the same line) moves to the last line kept.
            if m.group(1) and lines:
                lines[-1] += m.group(1)
            continue
        lines.append(ARROW_HEAD.sub(r"\1:LINE", line))
    text = "\n".join(lines)
    text = PID.sub("(node:PID)", text)
    text = text.replace("`eddy --", "`node --")
    return text


SCRIPT_EXTS = (".js", ".mjs", ".ts", ".mts", ".cts")
HOOK_FRAME = re.compile(r"^ +at .*ts_node_hook\.js.*$")
_amaro = None


def amaro_path():
    """Install `amaro` once per run into a temporary directory (never into the repo)."""
    global _amaro
    if _amaro is None:
        import tempfile
        prefix = tempfile.mkdtemp(prefix="eddy-amaro-")
        subprocess.run(["npm", "install", "--silent", "--prefix", prefix, "amaro@1"], check=True,
                       stdout=subprocess.DEVNULL)
        _amaro = os.path.join(prefix, "node_modules", "amaro")
    return _amaro


def cases():
    names = set()
    for f in os.listdir(E2E):
        if f.endswith(SCRIPT_EXTS):
            names.add(f.rsplit(".", 1)[0])
        elif f.endswith(".args.json"):
            names.add(f[: -len(".args.json")])
    return sorted(names)


def run(name):
    base = os.path.join(E2E, name)
    if os.path.exists(base + ".args.json"):
        with open(base + ".args.json") as f:
            args = [a.replace("$DIR", E2E) for a in json.load(f)]
    else:
        script = next(name + ext for ext in SCRIPT_EXTS if os.path.exists(base + ext))
        args = [script]
    stdin = b""
    if os.path.exists(base + ".stdin"):
        with open(base + ".stdin", "rb") as f:
            stdin = f.read()
    env = dict(os.environ)
    env.pop("NODE_OPTIONS", None)
    env["NO_COLOR"] = "1" if "NO_COLOR" in env else env.get("NO_COLOR", "")
    if not env["NO_COLOR"]:
        del env["NO_COLOR"]
    if os.path.exists(base + ".env.json"):
        with open(base + ".env.json") as f:
            env.update(json.load(f))
    node = ["node"]
    if any(a.endswith((".ts", ".mts", ".cts")) for a in args):
        env["AMARO_PATH"] = amaro_path()
        node += ["-r", os.path.join(HERE, "ts_node_hook.js"), "--no-warnings"]
    p = subprocess.run(node + args, cwd=E2E, input=stdin, capture_output=True, env=env, timeout=60)
    def clean(raw):
        return "\n".join(l for l in raw.decode("utf-8", "replace").split("\n") if not HOOK_FRAME.match(l))
    out = normalize(clean(p.stdout))
    err = normalize(clean(p.stderr))
    with open(base + ".stdout", "w") as f:
        f.write(out)
    with open(base + ".stderr", "w") as f:
        f.write(err)
    with open(base + ".status", "w") as f:
        f.write(f"{p.returncode}\n")
    print(f"{name}: exit {p.returncode}, {len(out)} bytes stdout, {len(err)} bytes stderr")


def main():
    argv = sys.argv[1:]
    if argv == ["--all"]:
        todo = cases()
    elif argv:
        todo = argv
    else:
        todo = [n for n in cases() if not os.path.exists(os.path.join(E2E, n + ".stdout"))]
    for n in todo:
        run(n)


if __name__ == "__main__":
    main()
