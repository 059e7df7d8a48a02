//! The interactive REPL through a real terminal: each `tests/pty/NAME.keys` script starts the
//! binary in a tmux pane (80×24, a tmux server of its own), types into it and records what the
//! screen shows, colours included (`capture-pane -e`); `NAME.screen` holds what Node's screen
//! showed for the same keys. `EDDY_PTY_BIN=node EDDY_PTY_WRITE=1` regenerates the expected
//! screens from Node (once, by hand).
//!
//! Script lines (`#` starts a comment):
//! - `args ["-i", "-e", "x"]`: the command's arguments (JSON strings; first line only)
//! - `type TEXT`: types TEXT literally
//! - `key NAME…`: presses keys by tmux's names (`Enter`, `Left`, `C-u`, `Escape`)
//! - `wait TEXT`: waits until the screen shows TEXT
//! - `screen`: waits until the screen stops changing and appends it to the transcript

use std::path::Path;
use std::process::{Command, Output};
use std::time::{Duration, Instant};

/// How long the screen must stay the same to count as settled.
const SETTLED: Duration = Duration::from_millis(400);
/// The longest any wait may take before the case fails.
const PATIENCE: Duration = Duration::from_secs(20);

struct Tmux {
    socket: String,
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
        let out = self.run(&["capture-pane", "-p", "-e", "-t", "main"]);
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
    }
}

/// Runs the script `keys` with `bin`; the transcript of its `screen` lines.
fn run_script(bin: &str, name: &str, keys: &str, home: &Path) -> Result<String, String> {
    let mut lines = keys.lines().peekable();
    let mut args: Vec<String> = Vec::new();
    if let Some(first) = lines.peek()
        && let Some(json) = first.strip_prefix("args ")
    {
        args = super::parse_string_array(json);
        lines.next();
    }
    let tmux = Tmux {
        socket: format!("eddy-pty-{}-{name}", std::process::id()),
    };
    let mut command = vec![
        "new-session".to_string(),
        "-d".into(),
        "-s".into(),
        "main".into(),
        "-x".into(),
        "80".into(),
        "-y".into(),
        "24".into(),
        "env".into(),
        format!("HOME={}", home.display()),
        "EDDY_REPL_HISTORY=".into(),
        "NODE_REPL_HISTORY=".into(),
        bin.to_string(),
    ];
    command.extend(args);
    let command: Vec<&str> = command.iter().map(String::as_str).collect();
    let started = tmux.run(&command);
    if !started.status.success() {
        return Err(format!(
            "tmux did not start: {}",
            String::from_utf8_lossy(&started.stderr)
        ));
    }
    // Keep the pane when the program exits, so its last screen can still be read.
    tmux.run(&["set-option", "-t", "main", "remain-on-exit", "on"]);
    // The prompt (capture-pane drops the space after it).
    tmux.wait_for("\n>")?;
    let mut transcript = String::new();
    for line in lines {
        let line = line.trim_end();
        if line.is_empty() || line.starts_with('#') {
            continue;
        }
        let (verb, rest) = line.split_once(' ').unwrap_or((line, ""));
        match verb {
            "type" => {
                tmux.run(&["send-keys", "-t", "main", "-l", rest]);
            }
            "key" => {
                let mut keys = vec!["send-keys", "-t", "main"];
                keys.extend(rest.split_whitespace());
                tmux.run(&keys);
            }
            "wait" => tmux.wait_for(rest)?,
            "screen" => {
                transcript.push_str("----\n");
                transcript.push_str(&tmux.settled_screen());
                transcript.push('\n');
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
        match run_script(&bin, name, &keys, &home) {
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
