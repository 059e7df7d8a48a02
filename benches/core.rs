//! Core-library benchmarks (Buffer, util.inspect, EventEmitter, path, URL), Eddy and `node`
//! side by side; prints medians and the ratio. Run with `cargo bench --bench core`.

mod common;

const RUNS: usize = 5;

fn main() {
    let eddy = env!("CARGO_BIN_EXE_eddy");
    let dir = concat!(env!("CARGO_MANIFEST_DIR"), "/../benches/js");
    println!(
        "{:<24} {:>10} {:>10} {:>9}",
        "core library", "eddy", "node", "eddy/node"
    );
    for case in [
        "core_buffer_utf8",
        "core_buffer_base64_hex",
        "core_inspect",
        "core_emit",
        "core_path",
        "core_url",
    ] {
        let script = format!("{dir}/{case}.js");
        let Some(ours) = common::median(eddy, &[&script], &[], RUNS) else {
            println!("{case:<24} {:>10}", "fails");
            continue;
        };
        match common::median("node", &[&script], &[], RUNS) {
            Some(theirs) => println!(
                "{case:<24} {:>8.1}ms {:>8.1}ms {:>9.2}",
                ours.as_secs_f64() * 1e3,
                theirs.as_secs_f64() * 1e3,
                ours.as_secs_f64() / theirs.as_secs_f64()
            ),
            None => println!(
                "{case:<24} {:>8.1}ms {:>10} {:>9}",
                ours.as_secs_f64() * 1e3,
                "-",
                "-"
            ),
        }
    }
}
