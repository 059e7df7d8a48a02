//! Node's command line: which options exist, which take a value, which V8 reads, which may come
//! from `NODE_OPTIONS`, and how a command line splits into options, the script and its
//! arguments. The JS side reads option values again from `process.execArgv` and `NODE_OPTIONS`
//! (internal/options); this module decides what is accepted and what goes to V8.

/// How an option is written.
#[derive(Clone, Copy, PartialEq, Debug)]
pub enum Kind {
    /// `--x`, negated as `--no-x`.
    Bool,
    /// `--x=v` or `--x v`; the last one wins.
    Value,
    /// `--x=v` or `--x v`, repeatable; every value counts.
    List,
    /// `--x` or `--x=v`, never `--x v` (`--inspect[=[host:]port]`).
    Opt,
}

/// Who reads an option.
#[derive(Clone, Copy, PartialEq, Debug)]
pub enum Reader {
    /// The JS side (through `process.execArgv`), or nobody: accepted so that commands written
    /// for `node` run unchanged.
    Js,
    /// V8 (also visible in `process.execArgv`).
    V8,
}

#[derive(Clone, Copy)]
struct Spec {
    name: &'static str,
    kind: Kind,
    reader: Reader,
    /// Allowed in `NODE_OPTIONS`.
    env: bool,
}

const fn js(name: &'static str, kind: Kind, env: bool) -> Spec {
    Spec {
        name,
        kind,
        reader: Reader::Js,
        env,
    }
}

const fn v8(name: &'static str, kind: Kind, env: bool) -> Spec {
    Spec {
        name,
        kind,
        reader: Reader::V8,
        env,
    }
}

use Kind::{Bool, List, Opt, Value};

/// Node v20's options that Eddy accepts (sorted by name). Options the command itself handles
/// (`--eval`, `--check`, ...) are here too, so that one table answers every question.
const OPTIONS: &[Spec] = &[
    v8("--abort-on-uncaught-exception", Bool, true),
    js("--addons", Bool, true),
    js("--allow-addons", Bool, true),
    js("--allow-child-process", Bool, true),
    js("--allow-fs-read", List, true),
    js("--allow-fs-write", List, true),
    js("--allow-wasi", Bool, true),
    js("--allow-worker", Bool, true),
    js("--build-snapshot", Bool, false),
    js("--check", Bool, false),
    js("--completion-bash", Bool, false),
    v8("--concurrent-array-buffer-sweeping", Bool, false),
    js("--conditions", List, true),
    js("--deprecation", Bool, true),
    js("--cpu-prof", Bool, true),
    js("--cpu-prof-dir", Value, true),
    js("--cpu-prof-interval", Value, true),
    js("--cpu-prof-name", Value, true),
    js("--diagnostic-dir", Value, true),
    js("--disable-proto", Value, true),
    js("--disable-warning", List, true),
    v8("--disallow-code-generation-from-strings", Bool, true),
    js("--dns-result-order", Value, true),
    js("--enable-source-maps", Bool, true),
    js("--env-file", List, false),
    js("--eval", Value, false),
    js("--experimental-default-type", Value, true),
    js("--experimental-loader", List, true),
    js("--experimental-policy", Value, true),
    js("--experimental-sea-config", Value, false),
    js("--experimental-shadow-realm", Bool, true),
    js("--experimental-specifier-resolution", Value, true),
    v8("--expose-gc", Bool, false),
    js("--expose-internals", Bool, false),
    js("--extra-info-on-fatal-exception", Bool, true),
    js("--force-async-hooks-checks", Bool, true),
    js("--force-context-aware", Bool, true),
    js("--force-node-api-uncaught-exceptions-policy", Bool, true),
    js("--frozen-intrinsics", Bool, true),
    js("--global-search-paths", Bool, true),
    v8("--gc-interval", Value, false),
    js("--heap-prof", Bool, true),
    js("--heap-prof-dir", Value, true),
    js("--heap-prof-interval", Value, true),
    js("--heap-prof-name", Value, true),
    js("--heapsnapshot-near-heap-limit", Value, true),
    js("--heapsnapshot-signal", Value, true),
    js("--help", Bool, false),
    v8("--huge-max-old-generation-size", Bool, true),
    js("--import", List, true),
    js("--input-type", Value, true),
    js("--insecure-http-parser", Bool, true),
    js("--inspect", Opt, true),
    js("--inspect-brk", Opt, true),
    js("--inspect-port", Value, true),
    js("--inspect-publish-uid", Value, true),
    js("--inspect-wait", Opt, true),
    js("--interactive", Bool, false),
    v8("--interpreted-frames-native-stack", Bool, true),
    v8("--jitless", Bool, true),
    v8("--logfile", Value, false),
    v8("--logfile-per-isolate", Bool, false),
    js("--max-http-header-size", Value, true),
    v8("--max-old-space-size", Value, true),
    v8("--max-semi-space-size", Value, true),
    js("--napi-modules", Bool, true),
    js("--network-family-autoselection", Bool, true),
    js("--node-memory-debug", Bool, true),
    js("--openssl-config", Value, true),
    js("--openssl-legacy-provider", Bool, true),
    js("--openssl-shared-config", Bool, true),
    js("--pending-deprecation", Bool, true),
    v8("--perf-basic-prof", Bool, true),
    v8("--perf-basic-prof-only-functions", Bool, true),
    v8("--perf-prof", Bool, true),
    v8("--perf-prof-unwinding-info", Bool, true),
    js("--policy-integrity", Value, true),
    js("--preserve-symlinks", Bool, true),
    js("--preserve-symlinks-main", Bool, true),
    js("--print", Bool, false),
    v8("--prof", Bool, false),
    js("--prof-process", Bool, false),
    js("--redirect-warnings", Value, true),
    js("--report-compact", Bool, true),
    js("--report-dir", Value, true),
    js("--report-directory", Value, true),
    js("--report-exclude-network", Bool, true),
    js("--report-filename", Value, true),
    js("--report-on-fatalerror", Bool, true),
    js("--report-on-signal", Bool, true),
    js("--report-signal", Value, true),
    js("--report-uncaught-exception", Bool, true),
    js("--require", List, true),
    js("--secure-heap", Value, true),
    js("--secure-heap-min", Value, true),
    js("--security-revert", List, false),
    js("--snapshot-blob", Value, true),
    v8("--stack-size", Value, false),
    v8("--stack-trace-limit", Value, true),
    v8("--stress-compaction", Bool, false),
    js("--test", Bool, false),
    js("--test-concurrency", Value, false),
    js("--test-force-exit", Bool, false),
    js("--test-name-pattern", List, false),
    js("--test-only", Bool, true),
    js("--test-reporter", List, true),
    js("--test-reporter-destination", List, true),
    js("--test-shard", Value, true),
    js("--test-timeout", Value, false),
    js("--test-udp-no-try-send", Bool, false),
    js("--throw-deprecation", Bool, true),
    js("--title", Value, true),
    js("--tls-cipher-list", Value, true),
    js("--tls-keylog", Value, true),
    js("--tls-max-v1.2", Bool, true),
    js("--tls-max-v1.3", Bool, true),
    js("--tls-min-v1.0", Bool, true),
    js("--tls-min-v1.1", Bool, true),
    js("--tls-min-v1.2", Bool, true),
    js("--tls-min-v1.3", Bool, true),
    js("--trace-atomics-wait", Bool, true),
    js("--trace-deprecation", Bool, true),
    js("--trace-event-categories", Value, true),
    js("--trace-event-file-pattern", Value, true),
    js("--trace-events-enabled", Bool, true),
    js("--trace-exit", Bool, true),
    js("--trace-sigint", Bool, true),
    js("--trace-sync-io", Bool, true),
    js("--trace-tls", Bool, true),
    js("--trace-uncaught", Bool, true),
    js("--trace-warnings", Bool, true),
    js("--track-heap-objects", Bool, true),
    js("--unhandled-rejections", Value, true),
    js("--use-bundled-ca", Bool, true),
    // Node remaps its code to 2 MiB pages where it can; Eddy does not remap (the value is
    // checked, and the default page size stays).
    js("--use-largepages", Value, true),
    v8("--use-strict", Bool, false),
    js("--use-openssl-ca", Bool, true),
    js("--v8-flag", List, false),
    js("--v8-pool-size", Value, true),
    js("--version", Bool, false),
    js("--warnings", Bool, true),
    js("--watch", Bool, true),
    js("--watch-path", List, true),
    js("--watch-preserve-output", Bool, true),
    js("--zero-fill-buffers", Bool, true),
];

/// Short and alternative spellings: `(alias, option)`.
const ALIASES: &[(&str, &str)] = &[
    ("-C", "--conditions"),
    ("-c", "--check"),
    ("-e", "--eval"),
    ("-h", "--help"),
    ("-i", "--interactive"),
    ("-p", "--print"),
    ("-r", "--require"),
    ("-v", "--version"),
    ("--debug-port", "--inspect-port"),
    ("--loader", "--experimental-loader"),
];

/// A refused command line: Node's message (printed after the program's name) and exit code.
#[derive(Debug, PartialEq)]
pub struct OptionError {
    pub message: String,
    pub code: i32,
}

/// Node's exit code for bad command-line options.
pub const EXIT_BAD_OPTION: i32 = 9;
/// Node's exit code for an invalid runtime mode (--disable-proto, --security-revert).
const EXIT_INVALID_MODE: i32 = 12;

fn bad(message: String) -> OptionError {
    OptionError {
        message,
        code: EXIT_BAD_OPTION,
    }
}

/// The CVE whose fix `--security-revert` may undo, and the warning Node prints for it.
pub const REVERTIBLE_CVE: &str = "CVE-2023-46809";
pub const REVERT_WARNING: &str =
    "SECURITY WARNING: Reverting CVE-2023-46809: Marvin attack on PKCS#1 padding";

/// The command line, read.
#[derive(Debug, Default)]
pub struct Parsed {
    /// `-e`/`-p` code (the last one given).
    pub eval: Option<String>,
    pub print: bool,
    pub check: bool,
    pub interactive: bool,
    pub version: bool,
    pub help: bool,
    pub completion_bash: bool,
    /// `--test`: run the test runner on the arguments.
    pub test: bool,
    /// `--prof-process`: the rest of the command line is the tick processor's.
    pub prof_process: bool,
    /// `--experimental-sea-config`: write a single-executable preparation blob and exit.
    pub sea_config: bool,
    /// `--build-snapshot`: run the entry script and write a startup snapshot.
    pub build_snapshot: bool,
    /// `--snapshot-blob`: where the snapshot is written (building) or read from.
    pub snapshot_blob: Option<String>,
    /// `--security-revert` values (each one accepted is reverted, with a warning).
    pub security_reverts: Vec<String>,
    /// Flags for V8, from NODE_OPTIONS first, then the command line.
    pub v8_flags: Vec<String>,
    /// `process.execArgv`: the command line's options (NODE_OPTIONS' are not part of it).
    pub exec_argv: Vec<String>,
    /// The script (or `-`) and its arguments; with -e/-p, the arguments only.
    pub rest: Vec<String>,
}

/// The option named `name` (normalized, aliases resolved). An unlisted `--experimental-*` or
/// `--harmony*` option is a boolean: Node has many and adds more; the harmony ones are V8's.
fn spec(name: &str) -> Option<Spec> {
    if let Some(s) = OPTIONS.iter().find(|s| s.name == name) {
        return Some(*s);
    }
    if name.starts_with("--experimental-") {
        return Some(js("--experimental-*", Bool, true));
    }
    name.starts_with("--harmony")
        .then(|| v8("--harmony*", Bool, false))
}

/// `--a_b=c_d` → `--a-b=c_d`: `_` and `-` are the same within a name, not within a value.
fn normalize_name(name: &str) -> String {
    match name.strip_prefix("--") {
        Some(rest) => format!("--{}", rest.replace('_', "-")),
        None => name.to_string(),
    }
}

/// Split `NODE_OPTIONS` as Node does: at spaces, except inside double quotes, where a
/// backslash takes the next character literally.
pub fn tokenize_node_options(text: &str) -> Result<Vec<String>, OptionError> {
    let mut out = Vec::new();
    let mut chars = text.chars().peekable();
    while let Some(&c) = chars.peek() {
        if c == ' ' {
            chars.next();
            continue;
        }
        let mut token = String::new();
        while let Some(c) = chars.next() {
            match c {
                ' ' => break,
                '"' => loop {
                    match chars.next() {
                        Some('"') => break,
                        Some('\\') => match chars.next() {
                            Some(escaped) => token.push(escaped),
                            None => return Err(unterminated()),
                        },
                        Some(other) => token.push(other),
                        None => return Err(unterminated()),
                    }
                },
                other => token.push(other),
            }
        }
        out.push(token);
    }
    Ok(out)
}

fn unterminated() -> OptionError {
    bad("invalid value for NODE_OPTIONS (unterminated string)".to_string())
}

/// Refuse a value outside an option's fixed set, with Node's message and exit code.
fn check_value(name: &str, value: &str) -> Result<(), OptionError> {
    match name {
        "--inspect-publish-uid" => {
            if value.split(',').all(|d| d == "stderr" || d == "http") {
                return Ok(());
            }
            return Err(bad(
                "--inspect-publish-uid destination can be stderr or http".to_string(),
            ));
        }
        // `[host:]port` or `host`: a port given must be one a debugger may use.
        "--inspect" | "--inspect-brk" | "--inspect-wait" | "--inspect-port" => {
            let port = value.rsplit(':').next().unwrap_or(value);
            if port.bytes().all(|b| b.is_ascii_digit()) && !port.is_empty() {
                let n: u64 = port.parse().unwrap_or(u64::MAX);
                if n != 0 && !(1024..=65535).contains(&n) {
                    return Err(bad("must be 0 or in range 1024 to 65535.".to_string()));
                }
            }
            return Ok(());
        }
        _ => {}
    }
    let (allowed, message, code): (&[&str], _, _) = match name {
        "--unhandled-rejections" => (
            &["strict", "warn", "throw", "none", "warn-with-error-code"],
            "invalid value for --unhandled-rejections",
            EXIT_BAD_OPTION,
        ),
        "--disable-proto" => (
            &["delete", "throw"],
            "invalid mode passed to --disable-proto",
            EXIT_INVALID_MODE,
        ),
        "--use-largepages" => (
            &["off", "on", "silent"],
            "invalid value for --use-largepages",
            EXIT_BAD_OPTION,
        ),
        "--input-type" => (
            &["commonjs", "module"],
            "--input-type must be \"module\" or \"commonjs\"",
            EXIT_BAD_OPTION,
        ),
        // The one fix Node v20 can revert: refusing RSA_PKCS1_PADDING in privateDecrypt.
        "--security-revert" if value == REVERTIBLE_CVE => return Ok(()),
        "--security-revert" => {
            return Err(OptionError {
                message: format!("Error: Attempt to revert an unknown CVE [{value}]"),
                code: EXIT_INVALID_MODE,
            });
        }
        _ => return Ok(()),
    };
    if allowed.contains(&value) {
        Ok(())
    } else {
        Err(OptionError {
            message: message.to_string(),
            code,
        })
    }
}

/// Where the options being read come from.
#[derive(Clone, Copy, PartialEq)]
enum Source {
    CommandLine,
    NodeOptions,
}

/// Read `NODE_OPTIONS` (already split) and then the command line (without the program name).
pub fn parse(node_options: &[String], args: &[String]) -> Result<Parsed, OptionError> {
    let mut parsed = Parsed::default();
    read(&mut parsed, node_options, Source::NodeOptions)?;
    let end = read(&mut parsed, args, Source::CommandLine)?;
    parsed.exec_argv = args[..end]
        .iter()
        .filter(|a| a.as_str() != "--")
        .cloned()
        .collect();
    let mut rest = &args[end..];
    if rest.first().is_some_and(|a| a == "--") {
        rest = &rest[1..];
    }
    parsed.rest = rest.to_vec();
    if parsed.check && parsed.eval.is_some() {
        return Err(bad(
            "either --check or --eval can be used, not both".to_string()
        ));
    }
    // The test runner takes the whole command: Node refuses these with it.
    if parsed.test {
        let other = if parsed.check {
            Some("--check")
        } else if parsed.interactive {
            Some("--interactive")
        } else if parsed.eval.is_some() {
            Some("--eval")
        } else {
            None
        };
        if let Some(other) = other {
            return Err(bad(format!(
                "either --test or {other} can be used, not both"
            )));
        }
    }
    let errors = value_errors(&parsed);
    if !errors.is_empty() {
        return Err(bad(errors.join("\n")));
    }
    // The profilers' settings mean nothing without the profiler, and Node refuses them.
    for kind in ["cpu", "heap"] {
        let on = format!("--{kind}-prof");
        let given = |name: &str| {
            parsed
                .exec_argv
                .iter()
                .any(|a| a == name || a.starts_with(&format!("{name}=")))
        };
        if given(&on) {
            continue;
        }
        for setting in ["name", "dir", "interval"] {
            let name = format!("{on}-{setting}");
            if given(&name) {
                return Err(bad(format!("{name} must be used with {on}")));
            }
        }
    }
    Ok(parsed)
}

/// Checks across options, all reported at once as Node does (one message a line).
fn value_errors(parsed: &Parsed) -> Vec<String> {
    let values = |name: &str| -> Vec<&str> {
        let mut out = Vec::new();
        let args = &parsed.exec_argv;
        for (i, a) in args.iter().enumerate() {
            if let Some(v) = a.strip_prefix(name).and_then(|r| r.strip_prefix('=')) {
                out.push(v);
            } else if a == name {
                out.push(args.get(i + 1).map_or("", |v| v.as_str()));
            }
        }
        out
    };
    let given = |name: &str| !values(name).is_empty() || parsed.exec_argv.iter().any(|a| a == name);
    let mut errors = Vec::new();
    if given("--use-openssl-ca") && given("--use-bundled-ca") {
        errors.push("either --use-openssl-ca or --use-bundled-ca can be used, not both".into());
    }
    for name in ["--secure-heap", "--secure-heap-min"] {
        // Node reads these as integers; 0 (the default) turns the secure heap off.
        if let Some(v) = values(name).last() {
            let n: i64 = v.trim().parse().unwrap_or(0);
            if n != 0 && (n < 0 || n & (n - 1) != 0) {
                errors.push(format!("{name} must be a power of 2"));
            }
        }
    }
    if let Some(v) = values("--policy-integrity").last() {
        if !given("--experimental-policy") {
            errors.push("--policy-integrity requires --experimental-policy be enabled".into());
        } else if v.is_empty() {
            errors.push("--policy-integrity cannot be empty".into());
        }
    }
    errors
}

/// Read options from `args` into `parsed`; returns the index where the options end (at the
/// script, `-`, or `--`).
fn read(parsed: &mut Parsed, args: &[String], source: Source) -> Result<usize, OptionError> {
    let mut i = 0;
    while i < args.len() {
        let arg = args[i].as_str();
        if arg == "--" || arg == "-" || !arg.starts_with('-') {
            if source == Source::NodeOptions {
                // Node skips what is not an option there.
                i += 1;
                continue;
            }
            return Ok(i);
        }
        let (typed_name, inline) = match arg.split_once('=').filter(|_| arg.starts_with("--")) {
            Some((name, value)) => (name, Some(value)),
            None => (arg, None),
        };
        // `-pe CODE` (and `-ep`): print and eval.
        let (name, also_print) = match typed_name {
            "-pe" | "-ep" => ("--eval".to_string(), true),
            _ => (normalize_name(typed_name), false),
        };
        let name = ALIASES
            .iter()
            .find(|(alias, _)| *alias == name)
            .map_or(name.clone(), |(_, full)| full.to_string());
        // Node's removed debugger flags get their own message (the same exit code).
        if name == "--debug" || name == "--debug-brk" {
            return Err(bad(
                "[DEP0062]: `node --debug` and `node --debug-brk` are invalid. \
                 Please use `node --inspect` and `node --inspect-brk` instead."
                    .to_string(),
            ));
        }
        let (spec, negated) = match spec(&name) {
            Some(s) => (s, false),
            None => match name
                .strip_prefix("--no-")
                .and_then(|n| spec(&format!("--{n}")))
            {
                Some(s) if s.kind != Bool => {
                    return Err(bad(format!(
                        "{typed_name} is an invalid negation because it is not a boolean option"
                    )));
                }
                Some(s) => (s, true),
                None if source == Source::NodeOptions => {
                    return Err(bad(format!("{typed_name} is not allowed in NODE_OPTIONS")));
                }
                None => return Err(bad(format!("bad option: {typed_name}"))),
            },
        };
        if source == Source::NodeOptions && !spec.env {
            return Err(bad(format!("{typed_name} is not allowed in NODE_OPTIONS")));
        }
        let value = match spec.kind {
            Bool => None,
            Opt => inline.map(str::to_string),
            Value | List => Some(match inline {
                Some(v) if !v.is_empty() => v.to_string(),
                Some(_) => return Err(bad(format!("{arg} requires an argument"))),
                None => match args.get(i + 1) {
                    // A value may start with '-' when escaped with a backslash; a V8 flag
                    // given to --v8-flag always does.
                    Some(next) if !next.starts_with('-') || spec.name == "--v8-flag" => {
                        i += 1;
                        next.strip_prefix("\\-")
                            .map_or(next.clone(), |v| format!("-{v}"))
                    }
                    _ => return Err(bad(format!("{arg} requires an argument"))),
                },
            }),
        };
        if let Some(value) = &value {
            check_value(spec.name, value)?;
        }
        match spec.name {
            "--eval" => {
                parsed.eval = value;
                parsed.print |= also_print;
            }
            "--print" => {
                parsed.print = !negated;
                // `-p CODE`: the next argument is the code, unless it is an option.
                if let Some(next) = args
                    .get(i + 1)
                    .filter(|n| !n.starts_with('-') && inline.is_none())
                {
                    parsed.eval = Some(
                        next.strip_prefix("\\-")
                            .map_or(next.clone(), |v| format!("-{v}")),
                    );
                    i += 1;
                }
            }
            "--check" => parsed.check = !negated,
            "--build-snapshot" => parsed.build_snapshot = !negated,
            "--snapshot-blob" => parsed.snapshot_blob = value,
            "--interactive" => parsed.interactive = !negated,
            "--version" => parsed.version = !negated,
            "--help" => parsed.help = !negated,
            "--completion-bash" => parsed.completion_bash = !negated,
            "--test" => parsed.test = !negated,
            // Everything after it is the tick processor's (its own options and the log).
            "--prof-process" if !negated => {
                parsed.prof_process = true;
                return Ok(i + 1);
            }
            "--experimental-sea-config" => parsed.sea_config = true,
            "--security-revert" => parsed.security_reverts.extend(value),
            "--v8-flag" => parsed.v8_flags.extend(value),
            // Node's name for V8's ShadowRealm (runtime/src/shadow_realm.rs).
            "--experimental-shadow-realm" if !negated => {
                parsed.v8_flags.push("--harmony-shadow-realm".to_string())
            }
            _ if spec.reader == Reader::V8 => parsed.v8_flags.push(match &value {
                Some(v) => format!("{name}={v}"),
                None => name.clone(),
            }),
            _ => {}
        }
        i += 1;
    }
    Ok(args.len())
}

/// Every option's name, for `--completion-bash` and `--help`.
pub fn names() -> impl Iterator<Item = &'static str> {
    OPTIONS
        .iter()
        .map(|s| s.name)
        .chain(ALIASES.iter().map(|(alias, _)| *alias))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn args(list: &[&str]) -> Vec<String> {
        list.iter().map(|s| s.to_string()).collect()
    }

    #[test]
    fn splits_node_options() {
        assert_eq!(
            tokenize_node_options(r#" -r "a b"  --x "c\"d" "#).unwrap(),
            args(&["-r", "a b", "--x", "c\"d"])
        );
        assert!(tokenize_node_options("-r \"a").is_err());
    }

    #[test]
    fn reads_eval_print_and_script_args() {
        let p = parse(&[], &args(&["-p", "-e", "42", "--", "-a"])).unwrap();
        assert!(p.print);
        assert_eq!(p.eval.as_deref(), Some("42"));
        assert_eq!(p.rest, args(&["-a"]));
        let p = parse(&[], &args(&["-p", "\\-42"])).unwrap();
        assert_eq!(p.eval.as_deref(), Some("-42"));
        let p = parse(&[], &args(&["--stack-trace-limit", "5", "x.js", "-e"])).unwrap();
        assert_eq!(p.v8_flags, args(&["--stack-trace-limit=5"]));
        assert_eq!(p.exec_argv, args(&["--stack-trace-limit", "5"]));
        assert_eq!(p.rest, args(&["x.js", "-e"]));
    }

    #[test]
    fn prof_process_takes_the_rest() {
        let p = parse(&[], &args(&["--prof-process", "--preprocess", "x.log"])).unwrap();
        assert!(p.prof_process);
        assert_eq!(p.rest, args(&["--preprocess", "x.log"]));
        let p = parse(&[], &args(&["--security-revert=CVE-2023-46809", "x.js"])).unwrap();
        assert_eq!(p.security_reverts, args(&["CVE-2023-46809"]));
    }

    #[test]
    fn refuses_like_node() {
        let message = |list: &[&str]| parse(&[], &args(list)).unwrap_err().message;
        assert_eq!(message(&["-e"]), "-e requires an argument");
        assert_eq!(
            message(&["--title", "-e", "1"]),
            "--title requires an argument"
        );
        assert_eq!(message(&["--bogus"]), "bad option: --bogus");
        assert_eq!(message(&["--no-bogus"]), "bad option: --no-bogus");
        assert_eq!(
            message(&["--no-max-http-header-size"]),
            "--no-max-http-header-size is an invalid negation because it is not a boolean option"
        );
        assert_eq!(
            message(&["-c", "-e", "1"]),
            "either --check or --eval can be used, not both"
        );
        assert_eq!(
            message(&["--use-bundled-ca", "--use-openssl-ca", "--secure-heap=3"]),
            "either --use-openssl-ca or --use-bundled-ca can be used, not both\n\
             --secure-heap must be a power of 2"
        );
        assert_eq!(
            message(&["--policy-integrity", "sha512-x", "x.js"]),
            "--policy-integrity requires --experimental-policy be enabled"
        );
        assert_eq!(
            message(&["--security-revert=CVE-1"]),
            "Error: Attempt to revert an unknown CVE [CVE-1]"
        );
        assert_eq!(
            message(&["--inspect=1000", "x.js"]),
            "must be 0 or in range 1024 to 65535."
        );
        assert_eq!(
            message(&["--inspect-publish-uid=stderr,foo"]),
            "--inspect-publish-uid destination can be stderr or http"
        );
        let p = parse(&[], &args(&["--inspect", "--inspect-brk=[::1]:0", "x.js"])).unwrap();
        assert_eq!(p.rest, args(&["x.js"]));
        let env = parse(&args(&["-e", "1"]), &[]).unwrap_err();
        assert_eq!(env.message, "-e is not allowed in NODE_OPTIONS");
        assert!(
            parse(
                &[],
                &args(&["--no-warnings", "--warnings", "--no_deprecation"])
            )
            .is_ok()
        );
    }
}
