//! The interactive REPL through a real terminal: each `tests/pty/NAME.keys` script starts the
//! binary in a tmux pane (80×24, a tmux server of its own), types into it and records what the
//! screen shows, colours included (`capture-pane -e`); `NAME.screen` holds what Node's screen
//! showed for the same keys. `EDDY_PTY_BIN=node EDDY_PTY_WRITE=1` regenerates the expected
//! screens from Node (once, by hand).
//!
//! Script lines (`#` starts a comment):
//! - `args ["-i", "-e", "x"]`: the command's arguments (JSON strings; first line only)
//! - `type TEXT`: types TEXT literally
//! - `key NAME…`: presses keys by tmux's names (`Enter`, `Left`, `C-u`, `Escape`); after
//!   `Enter`, waits until the screen stops changing
//! - `wait TEXT`: waits until the screen shows TEXT
//! - `screen`: waits until the screen stops changing and appends it to the transcript
//! - `history`: the REPL keeps its history in a file of the case's own (else none)
//! - `restart`: starts the program again, in a new pane (after it exited)
//!
//! The program runs in tests/pty/files; when it exits the pane shows `[exited with N]`.

use std::path::Path;
use std::process::{Command, Output};
use std::time::{Duration, Instant};

/// How long the screen must stay the same to count as settled.
const SETTLED: Duration = Duration::from_millis(400);
/// The longest any wait may take before the case fails.
const PATIENCE: Duration = Duration::from_secs(20);

struct Tmux {
    socket: String,
    /// The session keys go to (`restart` starts the next one beside it).
    session: std::cell::RefCell<String>,
}

impl Tmux {
    fn run(&self, args: &[&str]) -> Output {
        Command::new("tmux")
            .args(["-L", &self.socket, "-f", "/dev/null"])
            .args(args)
            .output()
            .expect("tmux runs (tests need the tmux package)")
    }

    fn screen(&self) -> String {
        let session = self.session.borrow().clone();
        let out = self.run(&["capture-pane", "-p", "-e", "-t", &session]);
        let text = String::from_utf8_lossy(&out.stdout).into_owned();
        // Trailing blank rows say nothing.
        let trimmed: Vec<&str> = text.lines().collect();
        let end = trimmed
            .iter()
            .rposition(|l| !l.trim().is_empty())
            .map_or(0, |i| i + 1);
        trimmed[..end].join("\n")
    }

    fn wait_for(&self, text: &str) -> Result<(), String> {
        let start = Instant::now();
        loop {
            let screen = self.screen();
            if screen.contains(text) {
                return Ok(());
            }
            if start.elapsed() > PATIENCE {
                return Err(format!(
                    "the screen never showed {text:?}; it shows:\n{screen}"
                ));
            }
            std::thread::sleep(Duration::from_millis(50));
        }
    }

    fn settled_screen(&self) -> String {
        let start = Instant::now();
        let mut last = self.screen();
        let mut since = Instant::now();
        while since.elapsed() < SETTLED && start.elapsed() < PATIENCE {
            std::thread::sleep(Duration::from_millis(50));
            let now = self.screen();
            if now != last {
                last = now;
                since = Instant::now();
            }
        }
        last
    }
}

impl Drop for Tmux {
    fn drop(&mut self) {
        self.run(&["kill-server"]);
        // The server leaves its socket behind.
        let dir = std::env::var("TMUX_TMPDIR").unwrap_or_else(|_| "/tmp".into());
        // SAFETY: getuid has no preconditions.
        let uid = unsafe { libc::getuid() };
        let _ = std::fs::remove_file(format!("{dir}/tmux-{uid}/{}", self.socket));
    }
}

/// Starts `bin args` in a new session (named by `tmux.session`), in `cwd`, and waits for its prompt. When it
/// exits, the pane says so (`[exited with N]`) and stays.
fn start(
    tmux: &Tmux,
    bin: &str,
    args: &[String],
    cwd: &Path,
    env: &[String],
) -> Result<(), String> {
    let mut command = vec![
        "new-session".to_string(),
        "-d".into(),
        "-s".into(),
        tmux.session.borrow().clone(),
        "-x".into(),
        "80".into(),
        "-y".into(),
        "24".into(),
        "-c".into(),
        cwd.display().to_string(),
        "env".into(),
    ];
    command.extend(env.iter().cloned());
    command.extend([
        "sh".into(),
        "-c".into(),
        "\"$@\"; echo \"[exited with $?]\"; exec sleep 600".into(),
        "sh".into(),
        bin.to_string(),
    ]);
    command.extend(args.iter().cloned());
    let command: Vec<&str> = command.iter().map(String::as_str).collect();
    let started = tmux.run(&command);
    if !started.status.success() {
        return Err(format!(
            "tmux did not start: {}",
            String::from_utf8_lossy(&started.stderr)
        ));
    }
    // The prompt (capture-pane drops the space after it).
    tmux.wait_for("\n>")
}

/// Runs the script `keys` with `bin`; the transcript of its `screen` lines.
fn run_script(
    bin: &str,
    name: &str,
    keys: &str,
    dir: &Path,
    home: &Path,
) -> Result<String, String> {
    let mut lines = keys.lines().peekable();
    let mut args: Vec<String> = Vec::new();
    if let Some(first) = lines.peek()
        && let Some(json) = first.strip_prefix("args ")
    {
        args = super::parse_string_array(json);
        lines.next();
    }
    // A history file of the case's own, which `restart` keeps (both programs' variables).
    let history = home.join(format!("{name}.history"));
    let _ = std::fs::remove_file(&history);
    let history = if keys.lines().any(|l| l.trim() == "history") {
        history.display().to_string()
    } else {
        String::new()
    };
    let env = vec![
        format!("HOME={}", home.display()),
        format!("EDDY_REPL_HISTORY={history}"),
        format!("NODE_REPL_HISTORY={history}"),
    ];
    let cwd = dir.join("files");
    let tmux = Tmux {
        socket: format!("eddy-pty-{}-{name}", std::process::id()),
        session: std::cell::RefCell::new("main".into()),
    };
    start(&tmux, bin, &args, &cwd, &env)?;
    let mut transcript = String::new();
    for line in lines {
        let line = line.trim_end();
        if line.is_empty() || line.starts_with('#') || line == "history" {
            continue;
        }
        let (verb, rest) = line.split_once(' ').unwrap_or((line, ""));
        match verb {
            "type" => {
                let session = tmux.session.borrow().clone();
                tmux.run(&["send-keys", "-t", &session, "-l", rest]);
            }
            "key" => {
                let session = tmux.session.borrow().clone();
                let mut keys = vec!["send-keys", "-t", &session];
                keys.extend(rest.split_whitespace());
                tmux.run(&keys);
                // An entry's output is all out before the next keys are typed.
                if rest.split_whitespace().any(|k| k == "Enter") {
                    tmux.settled_screen();
                }
            }
            "wait" => tmux.wait_for(rest)?,
            "screen" => {
                transcript.push_str("----\n");
                transcript.push_str(&tmux.settled_screen());
                transcript.push('\n');
            }
            // A second session (the first must have exited).
            "restart" => {
                // Started before the old session goes, so the tmux server stays up.
                let next = format!("{}-next", tmux.session.borrow());
                let old = tmux.session.replace(next);
                start(&tmux, bin, &args, &cwd, &env)?;
                tmux.run(&["kill-session", "-t", &old]);
            }
            other => return Err(format!("{name}.keys: unknown verb {other:?}")),
        }
    }
    Ok(transcript)
}

/// Every case in tests/pty: Eddy's screens must be Node's.
pub fn run_all(bin: &str, dir: &Path) -> Vec<String> {
    let bin = std::env::var("EDDY_PTY_BIN").unwrap_or_else(|_| bin.to_string());
    let write = std::env::var("EDDY_PTY_WRITE").is_ok();
    let home = std::env::temp_dir().join(format!("eddy-pty-home-{}", std::process::id()));
    std::fs::create_dir_all(&home).unwrap();
    let mut names: Vec<String> = std::fs::read_dir(dir)
        .unwrap()
        .filter_map(|e| {
            let name = e.ok()?.file_name().into_string().ok()?;
            name.strip_suffix(".keys").map(str::to_string)
        })
        .collect();
    names.sort();
    assert!(!names.is_empty(), "no cases in {}", dir.display());
    let mut failures = Vec::new();
    for name in &names {
        let keys = std::fs::read_to_string(dir.join(format!("{name}.keys"))).unwrap();
        let expected_path = dir.join(format!("{name}.screen"));
        match run_script(&bin, name, &keys, dir, &home) {
            Ok(actual) if write => std::fs::write(&expected_path, actual).unwrap(),
            Ok(actual) => {
                let expected = std::fs::read_to_string(&expected_path).unwrap_or_default();
                if actual != expected {
                    failures.push(format!(
                        "{name}: {}\n--- expected\n{expected}\n--- actual\n{actual}",
                        super::first_difference(&expected, &actual)
                    ));
                }
            }
            Err(err) => failures.push(format!("{name}: {err}")),
        }
    }
    let _ = std::fs::remove_dir_all(&home);
    failures
}
