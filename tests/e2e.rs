//! End-to-end tests: every case in `tests/e2e/` runs through the built `eddy` binary and its
//! stdout, stderr and exit status are compared with golden files generated once from `node`
//! (`tests/gen_expected.py`; see its docstring for the case file layout). Also: large piped
//! output, and the embedding example. One test binary on purpose: each binary that links V8
//! pays a long link, and this one only drives the built executable.

use std::io::Write;
use std::path::{Path, PathBuf};
use std::process::{Command, Stdio};

const EDDY: &str = env!("CARGO_BIN_EXE_eddy");

#[path = "stress/http.rs"]
mod http_stress;

#[path = "dns/responder.rs"]
mod dns_responder;

#[path = "pty/mod.rs"]
mod pty;

#[path = "npm/mod.rs"]
mod npm;

/// `dns.resolve*` (and the Resolver, reverse, TCP fallback, errors) against a responder the
/// test runs on 127.0.0.1. `EDDY_DNS_BIN=node EDDY_DNS_WRITE=1` regenerates the expected
/// output from Node.
#[test]
fn dns_resolve_against_a_local_responder() {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("../tests/dns");
    let port = dns_responder::start().to_string();
    let bin = std::env::var("EDDY_DNS_BIN").unwrap_or_else(|_| EDDY.to_string());
    let out = Command::new(bin)
        .arg(dir.join("resolve.js"))
        .arg(&port)
        .output()
        .unwrap();
    let stdout = String::from_utf8_lossy(&out.stdout).replace(&port, "PORT");
    let expected_path = dir.join("resolve.stdout");
    if std::env::var("EDDY_DNS_WRITE").is_ok() {
        std::fs::write(&expected_path, &stdout).unwrap();
    }
    let expected = std::fs::read_to_string(expected_path).unwrap();
    assert_eq!(
        stdout,
        expected,
        "stderr: {}",
        String::from_utf8_lossy(&out.stderr)
    );
    assert!(out.status.success());
}

/// The stress test loads both cores; the golden cases (some timing-sensitive) must not run
/// beside it, so the two take turns.
static HEAVY: std::sync::Mutex<()> = std::sync::Mutex::new(());

/// 10k keep-alive connections and 100k malformed requests against one server (see
/// tests/stress/http.rs).
#[test]
fn http_stress_connections_and_malformed_requests() {
    let _turn = HEAVY.lock().unwrap_or_else(|e| e.into_inner());
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("../tests/stress");
    http_stress::run(EDDY, &dir);
}

/// The REPL on a terminal (tmux): what the screen shows as keys are typed — previews in grey,
/// completions, `-i -e` — is what Node's screen shows (tests/pty).
#[test]
fn repl_on_a_terminal_matches_node() {
    // Screens are read once they settle: not beside the stress test.
    let _turn = HEAVY.lock().unwrap_or_else(|e| e.into_inner());
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("../tests/pty");
    let failures = pty::run_all(EDDY, &dir);
    assert!(failures.is_empty(), "{}", failures.join("\n\n"));
}

fn e2e_dir() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("../tests/e2e")
        .canonicalize()
        .unwrap()
}

/// Same rules as `normalize` in tests/gen_expected.py.
fn normalize(text: &str, dir: &str) -> String {
    let text = text.replace(dir, "$DIR");
    let mut lines: Vec<String> = Vec::new();
    for line in text.split('\n') {
        if let Some(suffix) = internal_frame_suffix(line) {
            // What follows the frame (" {" of an error with own properties, or text printed
            // after an inspected error) stays, on the last line kept.
            if let Some(last) = lines.last_mut() {
                last.push_str(suffix);
            }
            continue;
        }
        // The command's own messages ("eddy: bad option: ...") carry its name as it was
        // invoked (argv[0], the binary's path here), as Node's.
        let line = match line
            .strip_prefix(&format!("{EDDY}: "))
            .or_else(|| line.strip_prefix("eddy: "))
        {
            Some(rest) => format!("node: {rest}"),
            None => internal_arrow_head(line).unwrap_or_else(|| line.to_string()),
        };
        lines.push(line);
    }
    let text = lines.join("\n");
    let text = replace_pids(&text);
    text.replace("`eddy --", "`node --")
}

const INTERNAL_PREFIXES: [&str; 2] = ["node:", "[eval]-wrapper:"];

/// For a stack frame inside the runtime's own code — `    at f (node:…)`, `    at node:…`, or
/// Node's `[eval]-wrapper` — the text after the frame (usually empty); `None` otherwise.
fn internal_frame_suffix(line: &str) -> Option<&str> {
    let trimmed = line.trim_start_matches(' ');
    if trimmed.len() == line.len() {
        return None;
    }
    let rest = trimmed.strip_prefix("at ")?;
    if INTERNAL_PREFIXES.iter().any(|p| rest.starts_with(p)) {
        return Some(&rest[rest.find(' ').unwrap_or(rest.len())..]);
    }
    let open = INTERNAL_PREFIXES
        .iter()
        .filter_map(|p| rest.rfind(&format!("({p}")))
        .max()?;
    let close = open + rest[open..].find(')')?;
    let suffix = &rest[close + 1..];
    (suffix.is_empty() || suffix.starts_with(' ')).then_some(suffix)
}

/// `node:internal/x/y:123` or `node:assert:90` (the head of an arrow into the runtime's own
/// code) → `node:internal/x/y:LINE`: line numbers inside builtins differ between Node and Eddy.
fn internal_arrow_head(line: &str) -> Option<String> {
    if !line.starts_with("node:") || line.contains(char::is_whitespace) {
        return None;
    }
    let (head, digits) = line.rsplit_once(':')?;
    (!digits.is_empty() && digits.bytes().all(|b| b.is_ascii_digit()))
        .then(|| format!("{head}:LINE"))
}

/// `(node:123)` / `(eddy:123)` → `(node:PID)`.
fn replace_pids(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    let mut rest = text;
    while let Some(i) = rest.find(['(']) {
        out.push_str(&rest[..i]);
        let tail = &rest[i..];
        let name_len = if tail.starts_with("(node:") || tail.starts_with("(eddy:") {
            6
        } else {
            0
        };
        if name_len > 0 {
            let digits = tail[name_len..]
                .bytes()
                .take_while(u8::is_ascii_digit)
                .count();
            if digits > 0 && tail[name_len + digits..].starts_with(')') {
                out.push_str("(node:PID)");
                rest = &tail[name_len + digits + 1..];
                continue;
            }
        }
        out.push('(');
        rest = &tail[1..];
    }
    out.push_str(rest);
    out
}

fn case_names(dir: &Path) -> Vec<String> {
    let mut names: Vec<String> = std::fs::read_dir(dir)
        .unwrap()
        .filter_map(|e| {
            let name = e.ok()?.file_name().to_string_lossy().into_owned();
            name.strip_suffix(".stdout").map(str::to_string)
        })
        .collect();
    names.sort();
    names
}

struct Outcome {
    stdout: String,
    stderr: String,
    status: i32,
}

fn run_case(dir: &Path, name: &str) -> Outcome {
    let base = dir.join(name);
    let args: Vec<String> = match std::fs::read_to_string(base.with_extension("args.json")) {
        Ok(json) => parse_string_array(&json)
            .into_iter()
            .map(|a| a.replace("$DIR", &dir.to_string_lossy()))
            .collect(),
        Err(_) => {
            let script = ["js", "mjs", "ts", "mts", "cts"]
                .iter()
                .map(|ext| format!("{name}.{ext}"))
                .find(|f| dir.join(f).exists())
                .unwrap_or_else(|| format!("{name}.js"));
            vec![script]
        }
    };
    let stdin = std::fs::read(dir.join(format!("{name}.stdin"))).unwrap_or_default();
    let mut cmd = Command::new(EDDY);
    cmd.args(&args)
        .current_dir(dir)
        .env_remove("NODE_OPTIONS")
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped());
    if let Ok(json) = std::fs::read_to_string(dir.join(format!("{name}.env.json"))) {
        for (k, v) in parse_string_map(&json) {
            cmd.env(k, v);
        }
    }
    let mut child = cmd.spawn().expect("eddy starts");
    let mut child_stdin = child.stdin.take().unwrap();
    let writer = std::thread::spawn(move || {
        let _ = child_stdin.write_all(&stdin);
    });
    let out = child.wait_with_output().unwrap();
    writer.join().unwrap();
    let d = dir.to_string_lossy();
    Outcome {
        stdout: normalize(&String::from_utf8_lossy(&out.stdout), &d),
        stderr: normalize(&String::from_utf8_lossy(&out.stderr), &d),
        status: out.status.code().unwrap_or(-1),
    }
}

/// A JSON array of strings, the only shape `NAME.args.json` takes (no JSON crate needed).
fn parse_string_array(json: &str) -> Vec<String> {
    let mut out = Vec::new();
    let mut chars = json
        .trim()
        .trim_start_matches('[')
        .trim_end_matches(']')
        .chars()
        .peekable();
    while let Some(c) = chars.next() {
        if c == '"' {
            let mut s = String::new();
            while let Some(c) = chars.next() {
                match c {
                    '"' => break,
                    '\\' => match chars.next() {
                        Some('n') => s.push('\n'),
                        Some('t') => s.push('\t'),
                        Some(other) => s.push(other),
                        None => {}
                    },
                    _ => s.push(c),
                }
            }
            out.push(s);
        }
    }
    out
}

/// A flat JSON object of strings (`NAME.env.json`).
fn parse_string_map(json: &str) -> Vec<(String, String)> {
    let items = parse_string_array(json.trim().trim_start_matches('{').trim_end_matches('}'));
    items
        .chunks(2)
        .filter(|c| c.len() == 2)
        .map(|c| (c[0].clone(), c[1].clone()))
        .collect()
}

fn first_difference(expected: &str, actual: &str) -> String {
    for (i, (e, a)) in expected.lines().zip(actual.lines()).enumerate() {
        if e != a {
            return format!("line {}:\n    expected: {e:?}\n    actual:   {a:?}", i + 1);
        }
    }
    format!(
        "line counts differ: expected {} lines, got {}\n    expected tail: {:?}\n    actual tail:   {:?}",
        expected.lines().count(),
        actual.lines().count(),
        expected.lines().last(),
        actual.lines().last()
    )
}

#[test]
fn golden_cases_match_node() {
    let _turn = HEAVY.lock().unwrap_or_else(|e| e.into_inner());
    let dir = e2e_dir();
    let filter = std::env::var("E2E_FILTER").unwrap_or_default();
    let names: Vec<String> = case_names(&dir)
        .into_iter()
        .filter(|n| n.contains(&filter))
        .collect();
    assert!(!names.is_empty(), "no cases found in {}", dir.display());
    let mut failures = Vec::new();
    for name in &names {
        let started = std::time::Instant::now();
        let got = run_case(&dir, name);
        if started.elapsed() > std::time::Duration::from_secs(5) {
            println!("slow case: {name} took {:?}", started.elapsed());
        }
        let read = |ext: &str| {
            std::fs::read_to_string(dir.join(format!("{name}.{ext}"))).unwrap_or_default()
        };
        let status: i32 = read("status").trim().parse().unwrap_or(0);
        let mut problems = Vec::new();
        if got.status != status {
            problems.push(format!(
                "exit status: expected {status}, got {}",
                got.status
            ));
        }
        for (what, expected, actual) in [
            ("stdout", read("stdout"), &got.stdout),
            ("stderr", read("stderr"), &got.stderr),
        ] {
            if &expected != actual {
                problems.push(format!(
                    "{what} differs at {}",
                    first_difference(&expected, actual)
                ));
            }
        }
        if !problems.is_empty() {
            failures.push(format!("{name}:\n  {}", problems.join("\n  ")));
        }
    }
    println!(
        "e2e: {} passed, {} failed",
        names.len() - failures.len(),
        failures.len()
    );
    assert!(
        failures.is_empty(),
        "{} of {} cases differ from node:\n\n{}",
        failures.len(),
        names.len(),
        failures.join("\n\n")
    );
}

/// 10 MB through a pipe (and through process.exit right after) arrives complete.
#[test]
fn large_output_is_flushed_through_a_pipe() {
    for exit in ["", "process.exit(0);"] {
        let script = format!(
            "const line = 'x'.repeat(99) + '\\n'; for (let i = 0; i < 100000; i++) process.stdout.write(line); {exit}"
        );
        let out = Command::new(EDDY)
            .args(["-e", &script])
            .stdout(Stdio::piped())
            .output()
            .unwrap();
        assert!(out.status.success());
        assert_eq!(out.stdout.len(), 10_000_000, "with {exit:?}");
        assert!(out.stdout.iter().filter(|&&b| b == b'\n').count() == 100_000);
    }
}

/// A descriptor sent to a child that has exited, before the parent has read the EOF of the
/// channel: as in Node (libuv never tries such a write at once, and reports its failure to no
/// callback), the send's callback gets null rather than EPIPE, and the channel's end shows as
/// 'disconnect'. Node itself then waits for ever for the handle's acknowledgement, so this
/// cannot be a golden case made with node.
#[test]
fn a_handle_sent_to_an_exited_child_calls_back_with_null() {
    let script = r#"
const { fork } = require('child_process');
const net = require('net');
const fs = require('fs');
if (process.argv[2] === 'child') process.exit(0);
const server = net.createServer(() => {}).listen(0, '127.0.0.1', () => {
  const child = fork(__filename, ['child']);
  child.on('disconnect', () => console.log('disconnect'));
  child.on('error', (e) => console.log('error event', e.code));
  const socket = net.connect(server.address().port, '127.0.0.1', () => {
    // Block until the child is a zombie: gone, its end of the channel closed, its EOF unread.
    const until = Date.now() + 10000;
    while (Date.now() < until &&
           !/^\d+ \(.*\) Z/.test(fs.readFileSync(`/proc/${child.pid}/stat`, 'latin1')));
    const sent = child.send({ a: 1 }, socket, (err) => {
      console.log('send callback', err);
      socket.destroy();
      server.close();
    });
    console.log('send returned', sent);
  });
});
"#;
    let path = std::env::temp_dir().join(format!("eddy-e2e-ipc-{}.js", std::process::id()));
    std::fs::write(&path, script).unwrap();
    let out = Command::new(EDDY).arg(&path).output().unwrap();
    let _ = std::fs::remove_file(&path);
    assert!(out.status.success(), "{out:?}");
    assert_eq!(
        String::from_utf8_lossy(&out.stdout),
        "send returned true\nsend callback null\ndisconnect\n"
    );
}

/// The same, redirected to a file, with console.log.
#[test]
fn large_output_is_flushed_to_a_file() {
    let path = std::env::temp_dir().join(format!("eddy-e2e-{}.txt", std::process::id()));
    let file = std::fs::File::create(&path).unwrap();
    let status = Command::new(EDDY)
        .args([
            "-e",
            "for (let i = 0; i < 100000; i++) console.log('y'.repeat(99)); process.exit(5)",
        ])
        .stdout(file)
        .status()
        .unwrap();
    assert_eq!(status.code(), Some(5));
    assert_eq!(std::fs::metadata(&path).unwrap().len(), 10_000_000);
    let _ = std::fs::remove_file(&path);
}

/// examples/embed_hello.rs builds a runtime through the library API and reads a value back.
/// The builtins a start-up and `require('fs')` load come from V8's code cache (made at build
/// time by eddy-stdlib's build script), and V8 rejects none: a rejection means the cache was
/// made with other V8 flags or another wrapper than the runtime's, which only shows as a
/// slower start.
#[test]
fn builtins_load_from_the_code_cache() {
    if std::env::var_os("EDDY_STDLIB_DIR").is_some() {
        return; // builtins read from disk never use the cache
    }
    let mut rt = eddy::Runtime::new(eddy::Options::default()).expect("a runtime");
    let boot = rt.code_cache_stats();
    assert_eq!(boot.rejected, 0, "{boot:?}");
    assert!(boot.accepted >= 10, "{boot:?}");
    let _: String = rt
        .eval("require('fs').createReadStream; require('http'); 'ok'")
        .expect("loading fs and http");
    let after = rt.code_cache_stats();
    assert_eq!(after.rejected, 0, "{after:?}");
    assert!(after.accepted >= boot.accepted + 20, "{after:?}");
}

/// A builtin is compiled with only the shielded globals its source mentions, so the globals a
/// script happened to touch first (each joins the shielded names once it exists) do not change
/// the parameter lists of unrelated builtins loaded later, which would leave them without a
/// code cache entry.
#[test]
fn builtins_keep_their_code_cache_whatever_globals_exist() {
    if std::env::var_os("EDDY_STDLIB_DIR").is_some() {
        return; // builtins read from disk never use the cache
    }
    let mut rt = eddy::Runtime::new(eddy::Options::default()).expect("a runtime");
    let _: f64 = rt
        .eval("performance.now(); new AbortController(); new EventTarget(); 1")
        .expect("touching lazy globals");
    let before = rt.code_cache_stats();
    let _: String = rt
        .eval("require('http'); require('zlib'); 'ok'")
        .expect("loading http and zlib");
    let after = rt.code_cache_stats();
    assert_eq!(after.rejected, 0, "{after:?}");
    assert!(
        after.accepted >= before.accepted + 15,
        "{before:?} -> {after:?}"
    );
}

#[test]
fn embedding_example_runs() {
    let exe = Path::new(EDDY)
        .parent()
        .unwrap()
        .join("examples/embed_hello");
    let out = Command::new(&exe)
        .output()
        .unwrap_or_else(|e| panic!("{}: {e}", exe.display()));
    let stdout = String::from_utf8_lossy(&out.stdout);
    assert!(
        out.status.success(),
        "{stdout}{}",
        String::from_utf8_lossy(&out.stderr)
    );
    assert!(stdout.contains("hello from JS"), "{stdout}");
    assert!(stdout.contains("Rust got: a/b/c"), "{stdout}");
}

#[test]
fn normalize_moves_brace_and_drops_internal_frames() {
    let text = "node:internal/x/y:12\nError: x\n    at f (/d/a.js:1:1)\n    at Module._compile (node:internal/x:1:2)\n    at node:internal/main:1:2 {\n  code: 'E'\n}\n(eddy:4242) Warning\n    at [eval]-wrapper:6:24";
    assert_eq!(
        normalize(text, "/d"),
        "node:internal/x/y:LINE\nError: x\n    at f ($DIR/a.js:1:1) {\n  code: 'E'\n}\n(node:PID) Warning"
    );
    assert_eq!(
        normalize("node:assert:90\n  throw err;", "/d"),
        "node:assert:LINE\n  throw err;"
    );
}
