//! Shared by the benchmarks: the median wall time of a command, Eddy's and `node`'s alike.
// Each benchmark uses its own subset of these helpers.
#![allow(dead_code)]

use std::process::{Command, Stdio};
use std::time::{Duration, Instant};

/// Median of `runs` timed runs of `program args` (with `env` added), after one untimed run
/// that warms the page cache. `None` when the program is missing or a run fails.
pub fn median(program: &str, args: &[&str], env: &[(&str, &str)], runs: usize) -> Option<Duration> {
    let mut times = Vec::with_capacity(runs);
    for i in 0..=runs {
        let start = Instant::now();
        let status = Command::new(program)
            .args(args)
            .envs(env.iter().copied())
            .stdout(Stdio::null())
            .status()
            .ok()?;
        let took = start.elapsed();
        if !status.success() {
            return None;
        }
        if i > 0 {
            times.push(took);
        }
    }
    times.sort();
    Some(times[times.len() / 2])
}

/// Milliseconds, for printing.
pub fn ms(d: Duration) -> f64 {
    d.as_secs_f64() * 1e3
}
