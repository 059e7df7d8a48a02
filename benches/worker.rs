//! worker_threads benchmarks, Eddy and `node` side by side: 50 worker start-ups (each to its
//! first message), 20k postMessage round trips of small objects, and 4000 transfers of a 1 MiB
//! ArrayBuffer. Each case is a whole process (startup included). Run with
//! `cargo bench --bench worker`.

mod common;

fn main() {
    common::js_cases(
        "worker_threads",
        env!("CARGO_BIN_EXE_eddy"),
        concat!(env!("CARGO_MANIFEST_DIR"), "/../benches/js"),
        &[],
        &[
            ("worker_startup", "50 workers, start to first message"),
            ("worker_roundtrip", "20k round trips"),
            ("worker_transfer", "4000 x 1 MiB transfers"),
        ],
        5,
    );
}
