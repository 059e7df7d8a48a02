//! worker_threads benchmarks, Eddy and `node` side by side: 50 worker start-ups (each to its
//! first message), 20k postMessage round trips of small objects, and 4000 transfers of a 1 MiB
//! ArrayBuffer. Each case is a whole process (startup included). Run with
//! `cargo bench --bench worker`.

mod common;

const RUNS: usize = 5;

fn main() {
    let eddy = env!("CARGO_BIN_EXE_eddy");
    let dir = concat!(env!("CARGO_MANIFEST_DIR"), "/../benches/js");
    println!(
        "{:<22} {:>10} {:>10} {:>10}",
        "worker_threads", "eddy", "node", "node/eddy"
    );
    for (case, what) in [
        ("worker_startup", "50 workers, start to first message"),
        ("worker_roundtrip", "20k round trips"),
        ("worker_transfer", "4000 x 1 MiB transfers"),
    ] {
        let script = format!("{dir}/{case}.js");
        let ours = common::median(eddy, &[&script], &[], RUNS).expect("eddy runs the case");
        match common::median("node", &[&script], &[], RUNS) {
            // node/eddy: above 1.0 means Eddy is faster.
            Some(theirs) => println!(
                "{case:<22} {:>8.1}ms {:>8.1}ms {:>10.2}   ({what})",
                common::ms(ours),
                common::ms(theirs),
                theirs.as_secs_f64() / ours.as_secs_f64()
            ),
            None => println!(
                "{case:<22} {:>8.1}ms {:>10} {:>10}   ({what})",
                common::ms(ours),
                "-",
                "-"
            ),
        }
    }
}
