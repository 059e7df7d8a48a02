//! Shared by the benchmarks: the median wall time of a command, Eddy's and `node`'s alike.
// Each benchmark uses its own subset of these helpers.
#![allow(dead_code)]

use std::process::{Command, Stdio};
use std::time::{Duration, Instant};

/// One timed run of `program args` (with `env` added); `None` when the program is missing or
/// the run fails.
fn time_once(program: &str, args: &[&str], env: &[(&str, &str)]) -> Option<Duration> {
    let start = Instant::now();
    let status = Command::new(program)
        .args(args)
        .envs(env.iter().copied())
        .stdout(Stdio::null())
        .status()
        .ok()?;
    status.success().then(|| start.elapsed())
}

fn middle(mut times: Vec<Duration>) -> Duration {
    times.sort();
    times[times.len() / 2]
}

/// Median of `runs` timed runs of `program args` (with `env` added), after one untimed run
/// that warms the page cache. `None` when the program is missing or a run fails.
pub fn median(program: &str, args: &[&str], env: &[(&str, &str)], runs: usize) -> Option<Duration> {
    let mut times = Vec::with_capacity(runs);
    for i in 0..=runs {
        let took = time_once(program, args, env)?;
        if i > 0 {
            times.push(took);
        }
    }
    Some(middle(times))
}

/// Medians of `runs` timed runs each of `eddy args` and `node args`, taken in turns (one of
/// Eddy, one of node, and so on, after one untimed run of each). Run back to back, the first
/// command's runs would meet a different machine than the second's: page cache, the file
/// system's state left by earlier runs (ext4 scans the inodes freed in the last seconds when it
/// makes a file), the load of the rest of the machine. `None` for a program missing or failing.
pub fn paired(
    eddy: &str,
    args: &[&str],
    env: &[(&str, &str)],
    runs: usize,
) -> (Option<Duration>, Option<Duration>) {
    let (mut ours, mut theirs) = (Some(Vec::new()), Some(Vec::new()));
    for i in 0..=runs {
        for (program, times) in [(eddy, &mut ours), ("node", &mut theirs)] {
            let Some(list) = times else { continue };
            match time_once(program, args, env) {
                Some(took) if i > 0 => list.push(took),
                Some(_) => {}
                None => *times = None,
            }
        }
    }
    (ours.map(middle), theirs.map(middle))
}

/// Milliseconds, for printing.
pub fn ms(d: Duration) -> f64 {
    d.as_secs_f64() * 1e3
}

/// Run each `(case, what)` script from `benches/js` (with `args` after it) with Eddy and with
/// `node` (when on PATH), `runs` times each, taking turns, and print one row per case: both
/// medians and node/eddy (above 1.0 means Eddy is faster), or `fails` when Eddy's run fails.
pub fn js_cases(
    title: &str,
    eddy: &str,
    dir: &str,
    args: &[&str],
    cases: &[(&str, &str)],
    runs: usize,
) {
    println!(
        "{title:<22} {:>10} {:>10} {:>10}",
        "eddy", "node", "node/eddy"
    );
    for (case, what) in cases {
        let script = format!("{dir}/{case}.js");
        let argv: Vec<&str> = std::iter::once(script.as_str())
            .chain(args.iter().copied())
            .collect();
        let (ours, theirs) = paired(eddy, &argv, &[], runs);
        let Some(ours) = ours else {
            println!("{case:<22} {:>10}", "fails");
            continue;
        };
        match theirs {
            Some(theirs) => println!(
                "{case:<22} {:>8.1}ms {:>8.1}ms {:>10.2}   ({what})",
                ms(ours),
                ms(theirs),
                theirs.as_secs_f64() / ours.as_secs_f64()
            ),
            None => println!(
                "{case:<22} {:>8.1}ms {:>10} {:>10}   ({what})",
                ms(ours),
                "-",
                "-"
            ),
        }
    }
}
