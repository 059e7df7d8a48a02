//! node:zlib benchmarks, Eddy and `node` side by side: gzip/gunzip of 64 MiB, brotli of 8 MiB
//! (quality 4, and 11 synchronously), a 256 MiB gzip pipe and 100k small deflateSync calls.
//! Each case is a whole process (startup included); the first run of a case writes its input
//! file and is not timed. Run with `cargo bench --bench zlib`.

mod common;

const RUNS: usize = 3;

fn main() {
    let eddy = env!("CARGO_BIN_EXE_eddy");
    let dir = concat!(env!("CARGO_MANIFEST_DIR"), "/../benches/js");
    println!(
        "{:<24} {:>10} {:>10} {:>10}",
        "zlib", "eddy", "node", "node/eddy"
    );
    for (case, args) in [
        ("zlib_gzip", &["6"][..]),
        ("zlib_gzip", &["6", "sync"][..]),
        ("zlib_gunzip", &[][..]),
        ("zlib_brotli", &["4"][..]),
        ("zlib_brotli", &["11", "sync"][..]),
        ("zlib_pipe", &[][..]),
        ("zlib_small", &[][..]),
    ] {
        let script = format!("{dir}/{case}.js");
        let mut argv = vec![script.as_str()];
        argv.extend_from_slice(args);
        let label = format!("{case} {}", args.join(" "));
        let ours = common::median(eddy, &argv, &[], RUNS).expect("eddy runs the case");
        match common::median("node", &argv, &[], RUNS) {
            Some(theirs) => println!(
                "{label:<24} {:>8.1}ms {:>8.1}ms {:>10.2}",
                common::ms(ours),
                common::ms(theirs),
                theirs.as_secs_f64() / ours.as_secs_f64()
            ),
            None => println!(
                "{label:<24} {:>8.1}ms {:>10} {:>10}",
                common::ms(ours),
                "-",
                "-"
            ),
        }
    }
}
