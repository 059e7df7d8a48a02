//! The `eddy` command: parse arguments, build a runtime through the library API, run the main
//! script (or `-e`/`-p` code, or standard input), run the loop, exit with the code JS chose.

use std::io::{IsTerminal, Read};

use clap::Parser;

/// Node's exit code for bad command-line options.
const EXIT_BAD_OPTION: i32 = 9;

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

    /// Pass a flag to V8 (repeatable)
    #[arg(long = "v8-flag", value_name = "FLAG")]
    v8_flags: Vec<String>,

    /// Script to run (`-` reads the script from standard input), then its arguments
    #[arg(value_name = "SCRIPT", trailing_var_arg = true)]
    rest: Vec<String>,
}

fn main() {
    let raw: Vec<String> = std::env::args().collect();
    let (cli, exec_argv) = match parse(&raw) {
        Ok(parsed) => parsed,
        Err(err) => {
            let code = if err.use_stderr() { EXIT_BAD_OPTION } else { 0 };
            let _ = err.print();
            std::process::exit(code);
        }
    };
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

/// Parse the command line; options before the script are Eddy's own (`process.execArgv`),
/// everything from the script on belongs to the script.
fn parse(raw: &[String]) -> Result<(Cli, Vec<String>), clap::Error> {
    let cli = Cli::try_parse_from(raw)?;
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
    Ok((cli, exec_argv))
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
    let mut rest = cli.rest.into_iter();
    let (main, script, args) = if let Some(code) = cli.print {
        let main = Main::Eval {
            source: code,
            print: true,
            name: "[eval]",
        };
        (main, None, rest.collect())
    } else if let Some(code) = cli.eval {
        let main = Main::Eval {
            source: code,
            print: false,
            name: "[eval]",
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
            None if std::io::stdin().is_terminal() => {
                anyhow::bail!("the REPL is not available yet; pass a script, -e or -p")
            }
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
