//! child_process benchmarks, Eddy and `node` side by side: 500 sequential and 32-parallel
//! `spawn('true')`, 200 `execSync('echo')`, and 100k IPC messages to a forked child. Each case
//! is a whole process (startup included, ~1-3% of these figures). Run with
//! `cargo bench --bench child_process`.

mod common;

const RUNS: usize = 5;

fn main() {
    let eddy = env!("CARGO_BIN_EXE_eddy");
    let dir = concat!(env!("CARGO_MANIFEST_DIR"), "/../benches/js");
    println!(
        "{:<22} {:>10} {:>10} {:>10}",
        "child_process", "eddy", "node", "node/eddy"
    );
    for (case, what) in [
        ("cp_spawn_seq", "500 spawns"),
        ("cp_spawn_par", "500 spawns, 32 at once"),
        ("cp_exec_sync", "200 execSync"),
        ("cp_ipc", "100k IPC messages"),
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
