//! Startup benchmark: `eddy -e 0` and a hello-world file, against `node` when it is on PATH.
//! Run with `cargo bench --bench startup`; prints medians and the Eddy/Node ratio.

mod common;

const RUNS: usize = 20;

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
        let ours = common::median(eddy, &args, &[], RUNS).expect("eddy runs");
        let theirs = common::median("node", &args, &[], RUNS);
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
