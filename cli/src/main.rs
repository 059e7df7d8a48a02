//! The `eddy` command: parse arguments, build a runtime through the library API, run the main
//! script (or `-e`/`-p` code, or standard input), run the loop, exit with the code JS chose.

mod options;

use std::io::{IsTerminal, Read};

use options::{EXIT_BAD_OPTION, Parsed};

fn main() {
    tune_malloc();
    // As Node: a write past the file-size limit fails with EFBIG instead of killing us.
    // SAFETY: setting a signal's disposition to ignore before any other thread exists.
    unsafe {
        libc::signal(libc::SIGXFSZ, libc::SIG_IGN);
    }
    let raw: Vec<String> = std::env::args().collect();
    // Node names itself in these messages as it was invoked (argv[0]).
    let program = raw.first().cloned().unwrap_or_else(|| "eddy".to_string());
    let node_options = std::env::var("NODE_OPTIONS").unwrap_or_default();
    let parsed = options::tokenize_node_options(&node_options)
        .and_then(|env| options::parse(&env, raw.get(1..).unwrap_or_default()));
    let cli = match parsed {
        Ok(parsed) => parsed,
        Err(err) => {
            for line in err.message.lines() {
                eprintln!("{program}: {line}");
            }
            std::process::exit(err.code);
        }
    };
    for _ in &cli.security_reverts {
        eprintln!("{}", options::REVERT_WARNING);
    }
    // A TLS range that leaves no version is refused before anything runs, as Node does.
    if cli.exec_argv.iter().any(|a| a == "--tls-min-v1.3")
        && cli.exec_argv.iter().any(|a| a == "--tls-max-v1.2")
    {
        eprintln!("{program}: either --tls-min-v1.3 or --tls-max-v1.2 can be used, not both");
        std::process::exit(EXIT_BAD_OPTION);
    }
    if cli.version {
        println!("v{}", env!("CARGO_PKG_VERSION"));
        return;
    }
    if cli.help {
        print_help();
        return;
    }
    if cli.completion_bash {
        print_bash_completion();
        return;
    }
    std::process::exit(match run(cli) {
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

/// `--help`: the usage line and every option Eddy accepts.
fn print_help() {
    println!("Usage: eddy [options] [ script.js ] [arguments]\n");
    println!("Options:");
    println!("  -                  script read from stdin (the default without a file name,");
    println!("                     the REPL on a terminal)");
    println!("  --                 the end of the options");
    let mut names: Vec<&str> = options::names().collect();
    names.sort_unstable();
    for name in names {
        println!("  {name}");
    }
    println!("\nDocumentation of every option: https://nodejs.org/api/cli.html");
}

/// `--completion-bash`: a bash completion function for every option, as Node prints it.
fn print_bash_completion() {
    let names: Vec<&str> = options::names().collect();
    println!(
        "_node_complete() {{\n  local cur_word options\n  cur_word=\"${{COMP_WORDS[COMP_CWORD]}}\"\n  \
         if [[ \"${{cur_word}}\" == -* ]] ; then\n    \
         COMPREPLY=( $(compgen -W '{}' -- \"${{cur_word}}\") )\n    return 0\n  else\n    \
         COMPREPLY=( $(compgen -f \"${{cur_word}}\") )\n    return 0\n  fi\n}}\n\
         complete -o filenames -o nospace -o bashdefault -F _node_complete node node_g",
        names.join(" ")
    );
}

enum Main {
    File(String),
    /// The script is read from standard input once the runtime is up (`-p` prints it).
    Stdin(bool),
    Eval {
        source: String,
        print: bool,
        name: &'static str,
    },
}

fn run(cli: Parsed) -> anyhow::Result<i32> {
    if cli.build_snapshot {
        return build_snapshot(cli);
    }
    let print = cli.print;
    let code = cli.eval;
    // With -i, a script given after the options runs instead of the REPL and -e code, as in
    // Node; without one, -e/-p code runs in the REPL once it has started (the `[repl]` entry).
    let script_first = cli.interactive && cli.rest.first().is_some_and(|s| s != "-");
    // `--watch` (or `--watch-path`): this process watches; the script runs in a child.
    let watch = !cli.test
        && cli
            .exec_argv
            .iter()
            .any(|a| a == "--watch" || a.starts_with("--watch-path"));
    if watch && code.is_some() {
        eprintln!("eddy: either --watch or --eval can be used, not both");
        std::process::exit(EXIT_BAD_OPTION);
    }
    if watch && cli.rest.first().is_none_or(|s| s == "-") {
        eprintln!("eddy: --watch requires specifying a file");
        std::process::exit(EXIT_BAD_OPTION);
    }
    let snapshot = match &cli.snapshot_blob {
        Some(path) => match std::fs::read(path) {
            Ok(bytes) => eddy::SnapshotMode::Load(std::sync::Arc::new(bytes)),
            Err(_) => {
                eprintln!("Cannot open {path}");
                std::process::exit(EXIT_SNAPSHOT);
            }
        },
        None => eddy::SnapshotMode::None,
    };
    // A snapshot's main function gets the arguments as typed: [execPath, ...rest].
    let raw_rest = cli.rest.clone();
    let mut rest = cli.rest.into_iter();
    // Commands that the JS side runs in place of a script (internal/main/*).
    let internal = if cli.prof_process {
        Some("[prof-process]")
    } else if cli.sea_config {
        Some("[sea-config]")
    } else if code.is_none()
        && !cli.test
        && !watch
        && rest.as_slice().first().is_some_and(|a| a == "inspect")
    {
        // `eddy inspect …`: the command-line debugger (internal/debugger/inspect); it reads
        // its arguments from process.argv, ['inspect', …] after the executable.
        Some("[inspect]")
    } else {
        None
    };
    let (main, script, args) = if let Some(name) = internal {
        let main = Main::Eval {
            source: String::new(),
            print: false,
            name,
        };
        (main, None, rest.collect())
    } else if watch {
        // The script as typed and its arguments: the command the child runs.
        let main = Main::Eval {
            source: String::new(),
            print: false,
            name: "[watch]",
        };
        (main, None, rest.collect())
    } else if cli.test {
        // The arguments are the files (or directories and globs) to test; the runner reads
        // them from process.argv.
        let main = Main::Eval {
            source: String::new(),
            print: false,
            name: "[test]",
        };
        (main, None, rest.collect())
    } else if let Some(code) = code.filter(|_| !script_first) {
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
                Main::Stdin(print),
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
            None => (Main::Stdin(print), None, Vec::new()),
        }
    };
    let mut rt = match eddy::Runtime::new(eddy::Options {
        script,
        args,
        exec_argv: cli.exec_argv,
        v8_flags: cli.v8_flags,
        snapshot,
        ..Default::default()
    }) {
        Ok(rt) => rt,
        Err(eddy::Error::Snapshot(message)) => {
            eprintln!("{message}");
            std::process::exit(EXIT_SNAPSHOT);
        }
        Err(err) => return Err(err.into()),
    };
    if rt.has_snapshot_main() {
        // It runs in place of any script or -e code, as in Node.
        rt.run_snapshot_main(&raw_rest)?;
        return Ok(rt.run_to_completion());
    }
    match main {
        Main::File(path) => rt.run_main(&path)?,
        Main::Eval {
            source,
            print,
            name,
        } => rt.eval_main(&source, print, name)?,
        Main::Stdin(print) => rt.eval_main(&read_stdin()?, print, "[stdin]")?,
    }
    Ok(rt.run_to_completion())
}

/// Node's exit code when a startup snapshot cannot be read or does not fit this build.
const EXIT_SNAPSHOT: i32 = 14;

/// `--build-snapshot entry.js [args]`: run the entry script and its loop, then write the
/// snapshot to `--snapshot-blob` (default: snapshot.blob in the current directory). Nothing is
/// written when the entry fails.
fn build_snapshot(cli: Parsed) -> anyhow::Result<i32> {
    let Some(entry) = cli.rest.first().cloned() else {
        eprintln!(
            "--build-snapshot must be used with an entry point script.\n\
             Usage: eddy --build-snapshot /path/to/entry.js"
        );
        return Ok(EXIT_BAD_OPTION);
    };
    // Node's name for rebuilding its own built-in snapshot, which Eddy does not have.
    if entry == "node:embedded_snapshot_main" {
        eprintln!("Node.js was built without embedded snapshot.");
        return Ok(EXIT_BAD_OPTION);
    }
    let path = cli
        .snapshot_blob
        .clone()
        .unwrap_or_else(|| "snapshot.blob".to_string());
    // process.argv is the command as typed while building, as in Node: [execPath, entry, ...].
    let mut rt = eddy::Runtime::new(eddy::Options {
        script: None,
        args: cli.rest,
        exec_argv: cli.exec_argv,
        v8_flags: cli.v8_flags,
        snapshot: eddy::SnapshotMode::Build,
        ..Default::default()
    })?;
    rt.run_snapshot_entry(&entry)?;
    match rt.make_snapshot() {
        Ok(bytes) => match std::fs::write(&path, bytes) {
            Ok(()) => Ok(0),
            Err(err) => {
                eprintln!("Cannot write the snapshot blob to {path}: {err}");
                Ok(1)
            }
        },
        // JS reported why (an uncaught exception) or chose to exit.
        Err(eddy::Error::Exited(code)) => Ok(code),
        Err(err) => {
            eprintln!("{err}");
            Ok(1)
        }
    }
}

/// Standard input, as the main script.
fn read_stdin() -> anyhow::Result<String> {
    let mut bytes = Vec::new();
    std::io::stdin().read_to_end(&mut bytes)?;
    Ok(String::from_utf8_lossy(&bytes).into_owned())
}
