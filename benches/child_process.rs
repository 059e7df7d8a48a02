//! child_process benchmarks, Eddy and `node` side by side: 500 sequential and 32-parallel
//! `spawn('true')`, 200 `execSync('echo')`, and 100k IPC messages to a forked child. Each case
//! is a whole process (startup included, ~1-3% of these figures). Run with
//! `cargo bench --bench child_process`.

mod common;

fn main() {
    common::js_cases(
        "child_process",
        env!("CARGO_BIN_EXE_eddy"),
        concat!(env!("CARGO_MANIFEST_DIR"), "/../benches/js"),
        &[],
        &[
            ("cp_spawn_seq", "500 spawns"),
            ("cp_spawn_par", "500 spawns, 32 at once"),
            ("cp_exec_sync", "200 execSync"),
            ("cp_ipc", "100k IPC messages"),
        ],
        5,
    );
}
