//! Startup benchmark: `eddy -e 0` and a hello-world file, against `node` when it is on PATH.
//! Run with `cargo bench --bench startup`; prints medians and the Eddy/Node ratio.

use std::process::{Command, Stdio};
use std::time::{Duration, Instant};

const RUNS: usize = 20;

fn median_run(program: &str, args: &[&str]) -> Option<Duration> {
    let mut times = Vec::with_capacity(RUNS);
    for i in 0..=RUNS {
        let start = Instant::now();
        let status = Command::new(program)
            .args(args)
            .stdout(Stdio::null())
            .status()
            .ok()?;
        let took = start.elapsed();
        if !status.success() {
            return None;
        }
        if i > 0 {
            times.push(took); // the first run warms the page cache
        }
    }
    times.sort();
    Some(times[times.len() / 2])
}

fn main() {
    let eddy = env!("CARGO_BIN_EXE_eddy");
    let hello = concat!(env!("CARGO_MANIFEST_DIR"), "/../examples/hello.js");
    println!(
        "{:<22} {:>10} {:>10} {:>8}",
        "case", "eddy", "node", "ratio"
    );
    for (name, args) in [
        ("eval `-e 0`", vec!["-e", "0"]),
        ("examples/hello.js", vec![hello]),
    ] {
        let ours = median_run(eddy, &args).expect("eddy runs");
        let theirs = median_run("node", &args);
        match theirs {
            Some(t) => println!(
                "{name:<22} {:>8.1}ms {:>8.1}ms {:>7.2}x",
                ours.as_secs_f64() * 1e3,
                t.as_secs_f64() * 1e3,
                ours.as_secs_f64() / t.as_secs_f64()
            ),
            None => println!(
                "{name:<22} {:>8.1}ms {:>10} {:>8}",
                ours.as_secs_f64() * 1e3,
                "-",
                "-"
            ),
        }
    }
}
