//! The `eddy` command: parse arguments, build a runtime through the library API, run the main
//! script (or `-e`/`-p` code, or standard input), run the loop, exit with the code JS chose.

use std::io::{IsTerminal, Read};

use clap::Parser;

/// Node's exit code for bad command-line options.
const EXIT_BAD_OPTION: i32 = 9;
/// Node's exit code for a --disable-proto mode it does not know.
const EXIT_INVALID_DISABLE_PROTO: i32 = 12;

#[derive(Parser, Debug)]
#[command(
    name = "eddy",
    version,
    about = "A Node-compatible JavaScript runtime on V8",
    override_usage = "eddy [OPTIONS] [SCRIPT] [ARGS]...",
    disable_version_flag = true
)]
struct Cli {
    /// Evaluate the code instead of running a script
    #[arg(short = 'e', long = "eval", value_name = "CODE")]
    eval: Option<String>,

    /// Evaluate the code and print the result
    #[arg(short = 'p', long = "print", value_name = "CODE")]
    print: Option<String>,

    /// Print Eddy's version
    #[arg(short = 'v', long = "version")]
    version: bool,

    /// Start the REPL even when standard input is not a terminal
    #[arg(short = 'i', long = "interactive")]
    interactive: bool,

    /// Silence process warnings
    #[arg(long = "no-warnings")]
    no_warnings: bool,

    /// Print a stack trace for every warning
    #[arg(long = "trace-warnings")]
    trace_warnings: bool,

    /// How to run -e/-p code or standard input: commonjs (default) or module
    #[arg(long = "input-type", value_name = "TYPE", value_parser = ["commonjs", "module"])]
    input_type: Option<String>,

    /// Add a package.json "exports"/"imports" condition (repeatable)
    #[arg(short = 'C', long = "conditions", value_name = "CONDITION")]
    conditions: Vec<String>,

    /// Require a module before the main script runs (repeatable)
    #[arg(short = 'r', long = "require", value_name = "MODULE")]
    require: Vec<String>,

    /// Import an ES module before the main script runs (repeatable)
    #[arg(long = "import", value_name = "MODULE")]
    import: Vec<String>,

    /// Pass a flag to V8 (repeatable)
    #[arg(long = "v8-flag", value_name = "FLAG")]
    v8_flags: Vec<String>,

    /// Script to run (`-` reads the script from standard input), then its arguments
    #[arg(value_name = "SCRIPT", trailing_var_arg = true)]
    rest: Vec<String>,
}

fn main() {
    tune_malloc();
    // As Node: a write past the file-size limit fails with EFBIG instead of killing us.
    // SAFETY: setting a signal's disposition to ignore before any other thread exists.
    unsafe {
        libc::signal(libc::SIGXFSZ, libc::SIG_IGN);
    }
    let raw: Vec<String> = std::env::args().collect();
    let (mut cli, exec_argv, node_v8_flags) = match parse(&raw) {
        Ok(parsed) => parsed,
        Err(err) => {
            // An unknown option reads as Node's report of one; other errors are clap's.
            if err.kind() == clap::error::ErrorKind::UnknownArgument
                && let Some(clap::error::ContextValue::String(arg)) =
                    err.get(clap::error::ContextKind::InvalidArg)
            {
                eprintln!("eddy: bad option: {arg}");
                std::process::exit(EXIT_BAD_OPTION);
            }
            let code = if err.use_stderr() { EXIT_BAD_OPTION } else { 0 };
            let _ = err.print();
            std::process::exit(code);
        }
    };
    cli.v8_flags.extend(node_v8_flags);
    // A TLS range that leaves no version is refused before anything runs, as Node does.
    if exec_argv.iter().any(|a| a == "--tls-min-v1.3")
        && exec_argv.iter().any(|a| a == "--tls-max-v1.2")
    {
        eprintln!("eddy: either --tls-min-v1.3 or --tls-max-v1.2 can be used, not both");
        std::process::exit(EXIT_BAD_OPTION);
    }
    if cli.version {
        println!("v{}", env!("CARGO_PKG_VERSION"));
        return;
    }
    std::process::exit(match run(cli, exec_argv) {
        Ok(code) => code,
        Err(err) => {
            eprintln!("eddy: {err:#}");
            1
        }
    });
}

/// Tune glibc's malloc before any other thread exists (the `MALLOC_*_` environment variables
/// still win):
/// - Two arenas at most. Every thread that allocates (V8's GC helpers, the worker pool)
///   otherwise gets an arena of its own, and memory freed in them stays resident: a server
///   kept ~20% more RSS after a burst of connections than with two arenas.
/// - Fixed mmap (4 MiB) and trim (32 MiB) thresholds. With glibc's sliding defaults, file
///   buffers of about a megabyte (read on the pool, freed when V8 collects them) went back and
///   forth between the heap top and the kernel: every read faulted in and zeroed fresh pages,
///   and 6000 `readFile`s of 1 MiB took ~1.7 s instead of ~1.2 s (node: 1.28 s). The loop
///   still hands free memory back with malloc_trim when it goes idle.
fn tune_malloc() {
    #[cfg(all(target_os = "linux", target_env = "gnu"))]
    for (var, param, value) in [
        ("MALLOC_ARENA_MAX", libc::M_ARENA_MAX, 2),
        ("MALLOC_MMAP_THRESHOLD_", libc::M_MMAP_THRESHOLD, 4 << 20),
        ("MALLOC_TRIM_THRESHOLD_", libc::M_TRIM_THRESHOLD, 32 << 20),
    ] {
        if std::env::var_os(var).is_none() {
            // SAFETY: mallopt is called before any other thread exists.
            unsafe {
                libc::mallopt(param, value);
            }
        }
    }
}

/// What a Node option Eddy accepts besides its own becomes.
enum NodeOption {
    /// Passed on to V8 (`--expose-gc`, `--stack-trace-limit=50`, ...).
    V8(String),
    /// Read by the JS side from `process.execArgv` (`--no-deprecation`, `--env-file=...`), or
    /// accepted without effect (`--experimental-*`), so that commands and test harnesses
    /// written for `node` run unchanged.
    Js,
}

/// An option's name as Node reads it: `_` and `-` are the same within the name
/// (`--abort_on_uncaught_exception`), not within its value.
fn option_name_normalized(arg: &str) -> String {
    match arg.split_once('=') {
        Some((name, value)) => format!("{}={value}", name.replace('_', "-")),
        None => arg.replace('_', "-"),
    }
}

/// Node's refusal of a value outside an option's fixed set: its message and exit code.
/// (A test that re-runs itself with a bad value expects that exit; accepting the value made
/// it spawn itself without end.)
fn bad_option_value(arg: &str) -> Option<(&'static str, i32)> {
    let (name, value) = arg.split_once('=')?;
    let (allowed, message, code): (&[&str], _, _) = match name {
        "--unhandled-rejections" => (
            &["strict", "warn", "throw", "none", "warn-with-error-code"],
            "invalid value for --unhandled-rejections",
            EXIT_BAD_OPTION,
        ),
        "--disable-proto" => (
            &["delete", "throw"],
            "invalid mode passed to --disable-proto",
            EXIT_INVALID_DISABLE_PROTO,
        ),
        _ => return None,
    };
    (!allowed.contains(&value)).then_some((message, code))
}

fn node_option(arg: &str) -> Option<NodeOption> {
    const V8_PREFIXES: &[&str] = &[
        "--expose-gc",
        "--stack-trace-limit=",
        "--stack-size=",
        "--max-old-space-size=",
        "--max-semi-space-size=",
        "--harmony",
        "--allow-natives-syntax",
        "--jitless",
        "--abort-on-uncaught-exception",
        "--no-concurrent-array-buffer-sweeping",
        "--use-strict",
        "--gc-interval=",
        "--stress-compaction",
    ];
    const JS_PREFIXES: &[&str] = &[
        "--experimental-",
        "--no-experimental-",
        "--pending-deprecation",
        "--no-deprecation",
        "--throw-deprecation",
        "--trace-deprecation",
        "--trace-uncaught",
        "--expose-internals",
        "--preserve-symlinks",
        "--zero-fill-buffers",
        "--max-http-header-size=",
        "--title=",
        "--no-addons",
        "--unhandled-rejections=",
        "--enable-source-maps",
        "--disable-proto=",
        "--env-file=",
        "--no-global-search-paths",
        "--frozen-intrinsics",
        "--redirect-warnings=",
        "--disable-warning=",
        "--tls-keylog=",
        // node:tls reads its defaults from these.
        "--tls-cipher-list=",
        "--tls-min-v1.0",
        "--tls-min-v1.1",
        "--tls-min-v1.2",
        "--tls-min-v1.3",
        "--tls-max-v1.2",
        "--tls-max-v1.3",
        // Node's test switch that queues every UDP send (dgram reads it).
        "--test-udp-no-try-send",
    ];
    if V8_PREFIXES.iter().any(|p| arg.starts_with(p)) {
        return Some(NodeOption::V8(arg.to_string()));
    }
    JS_PREFIXES
        .iter()
        .any(|p| arg.starts_with(p))
        .then_some(NodeOption::Js)
}

/// Eddy's options that take the next argument as their value.
fn takes_value(arg: &str) -> bool {
    matches!(
        arg,
        "-e" | "--eval"
            | "-p"
            | "--print"
            | "-r"
            | "--require"
            | "-C"
            | "--conditions"
            | "--input-type"
            | "--v8-flag"
    )
}

/// Parse the command line; options before the script are Eddy's own (`process.execArgv`),
/// everything from the script on belongs to the script. Node options Eddy knows but clap
/// does not (see [`node_option`]) are taken out first; V8 ones are returned as V8 flags.
fn parse(raw: &[String]) -> Result<(Cli, Vec<String>, Vec<String>), clap::Error> {
    let mut for_clap = vec![raw[0].clone()];
    let mut v8_flags = Vec::new();
    let mut i = 1;
    while i < raw.len() {
        let arg = raw[i].as_str();
        if arg == "--" || !arg.starts_with('-') || arg == "-" {
            break;
        }
        let normalized = option_name_normalized(arg);
        if let Some((message, code)) = bad_option_value(&normalized) {
            eprintln!("eddy: {message}");
            std::process::exit(code);
        }
        match node_option(&normalized) {
            Some(NodeOption::V8(flag)) => v8_flags.push(flag),
            Some(NodeOption::Js) => {}
            // Node's `-pe CODE` (and `-ep`) is --print; clap would read it as `-p e`.
            None if arg == "-pe" || arg == "-ep" => {
                for_clap.push("--print".to_string());
                if i + 1 < raw.len() {
                    i += 1;
                    for_clap.push(raw[i].clone());
                }
            }
            None => {
                for_clap.push(raw[i].clone());
                if takes_value(arg) && i + 1 < raw.len() {
                    i += 1;
                    for_clap.push(raw[i].clone());
                }
            }
        }
        i += 1;
    }
    for_clap.extend(raw[i..].iter().cloned());
    let cli = Cli::try_parse_from(&for_clap)?;
    let script_at = if cli.rest.is_empty() {
        raw.len()
    } else {
        raw.len() - cli.rest.len()
    };
    let exec_argv: Vec<String> = raw[1..script_at]
        .iter()
        .filter(|a| a.as_str() != "--")
        .cloned()
        .collect();
    Ok((cli, exec_argv, v8_flags))
}

enum Main {
    File(String),
    Eval {
        source: String,
        print: bool,
        name: &'static str,
    },
}

fn run(cli: Cli, exec_argv: Vec<String>) -> anyhow::Result<i32> {
    let print = cli.print.is_some();
    let code = cli.print.or(cli.eval);
    // With -i, a script given after the options runs instead of the REPL and -e code, as in
    // Node; without one, -e/-p code runs in the REPL once it has started (the `[repl]` entry).
    let script_first = cli.interactive && cli.rest.first().is_some_and(|s| s != "-");
    let mut rest = cli.rest.into_iter();
    let (main, script, args) = if let Some(code) = code.filter(|_| !script_first) {
        let main = Main::Eval {
            source: code,
            print,
            name: if cli.interactive { "[repl]" } else { "[eval]" },
        };
        (main, None, rest.collect())
    } else {
        match rest.next() {
            // Node keeps the "-" in process.argv: [execPath, '-', ...args].
            Some(s) if s == "-" => (
                stdin_main()?,
                None,
                std::iter::once(s).chain(rest).collect(),
            ),
            Some(s) => (Main::File(s.clone()), Some(s), rest.collect()),
            // The REPL is node:repl's, started as Node starts it for `node` on a terminal
            // (the bootstrap's `[repl]` entry; its source is code to run once it has started).
            None if cli.interactive || std::io::stdin().is_terminal() => (
                Main::Eval {
                    source: String::new(),
                    print: false,
                    name: "[repl]",
                },
                None,
                Vec::new(),
            ),
            None => (stdin_main()?, None, Vec::new()),
        }
    };
    if cli.input_type.is_some() && matches!(main, Main::File(_)) {
        anyhow::bail!(
            "--input-type can only be used with string input via --eval, --print, or STDIN \
             (ERR_INPUT_TYPE_NOT_ALLOWED)"
        );
    }
    let mut rt = eddy::Runtime::new(eddy::Options {
        script,
        args,
        exec_argv,
        v8_flags: cli.v8_flags,
        ..Default::default()
    })?;
    match main {
        Main::File(path) => rt.run_main(&path)?,
        Main::Eval {
            source,
            print,
            name,
        } => rt.eval_main(&source, print, name)?,
    }
    Ok(rt.run_to_completion())
}

fn stdin_main() -> anyhow::Result<Main> {
    let mut source = String::new();
    let mut bytes = Vec::new();
    std::io::stdin().read_to_end(&mut bytes)?;
    source.push_str(&String::from_utf8_lossy(&bytes));
    Ok(Main::Eval {
        source,
        print: false,
        name: "[stdin]",
    })
}
