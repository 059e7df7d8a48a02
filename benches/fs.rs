//! node:fs benchmarks, Eddy and `node` side by side, on fixtures made here in a temp directory
//! (a 1 MiB file, a 512 MiB file, a directory of 10k entries): fs.promises.readFile ×2000 (16
//! in flight), readFileSync ×3000, createReadStream of 512 MiB (and `cat` of it, the floor),
//! writeFile of 10k small files, readdir of 10k entries ×50, 100k statSync. Each case is a whole
//! process (startup included); Eddy's and node's runs take turns (`common::js_cases`). Then the
//! peak RSS of 6000 reads of 1 MiB (readFileSync, and fs.promises.readFile 16 in flight). Run
//! with `cargo bench --bench fs`.

mod common;

use std::io::Write;

const RUNS: usize = 5;

/// The fixtures directory, removed when dropped.
struct Fixtures(std::path::PathBuf);

impl Drop for Fixtures {
    fn drop(&mut self) {
        let _ = std::fs::remove_dir_all(&self.0);
    }
}

fn make_fixtures() -> std::io::Result<Fixtures> {
    let dir = std::env::temp_dir().join(format!("eddy-fs-bench-{}", std::process::id()));
    std::fs::create_dir_all(dir.join("10k"))?;
    let fixtures = Fixtures(dir);
    let dir = &fixtures.0;
    // Bytes that are not all alike, so nothing can take a shortcut on them.
    let mib: Vec<u8> = (0..1u32 << 20)
        .map(|i| (i.wrapping_mul(2654435761) >> 24) as u8)
        .collect();
    std::fs::write(dir.join("1mib"), &mib)?;
    let mut big = std::fs::File::create(dir.join("512mib"))?;
    for _ in 0..512 {
        big.write_all(&mib)?;
    }
    for i in 0..10_000 {
        std::fs::File::create(dir.join("10k").join(i.to_string()))?;
    }
    Ok(fixtures)
}

/// The peak RSS the script reports (process.resourceUsage().maxRSS, KiB) as MiB, median of 3.
fn peak_rss_mib(program: &str, args: &[&str]) -> Option<f64> {
    let mut peaks = Vec::new();
    for _ in 0..3 {
        let out = std::process::Command::new(program)
            .args(args)
            .output()
            .ok()?;
        if !out.status.success() {
            return None;
        }
        let kib: f64 = String::from_utf8_lossy(&out.stdout).trim().parse().ok()?;
        peaks.push(kib / 1024.0);
    }
    peaks.sort_by(f64::total_cmp);
    Some(peaks[1])
}

fn main() {
    let eddy = env!("CARGO_BIN_EXE_eddy");
    let scripts = concat!(env!("CARGO_MANIFEST_DIR"), "/../benches/js");
    let fixtures = make_fixtures().expect("fixtures in the temp directory");
    let dir = fixtures.0.to_str().expect("a UTF-8 temp directory");
    common::js_cases(
        "fs",
        eddy,
        scripts,
        &[dir],
        &[
            (
                "fs_readfile_promises",
                "fs.promises.readFile 1 MiB x2000, 16 in flight",
            ),
            ("fs_readfile_sync", "readFileSync 1 MiB x3000"),
            ("fs_read_stream", "createReadStream of 512 MiB"),
            ("fs_write_files", "writeFile of 10k small files"),
            ("fs_readdir", "readdirSync of 10k entries x50"),
            ("fs_stat", "100k statSync"),
        ],
        RUNS,
    );
    // Peak memory while short-lived 1 MiB buffers come and go (the issue asks < 200 MiB).
    let rss_script = format!("{scripts}/fs_readfile_rss.js");
    for form in ["sync", "promises"] {
        let peak = |program: &str| peak_rss_mib(program, &[&rss_script, dir, form]);
        let fmt = |p: Option<f64>| p.map_or("-".to_string(), |p| format!("{p:.0} MiB"));
        println!(
            "{:<22} {:>10} {:>10}   (peak RSS, 1 MiB x6000, {form})",
            "readfile_rss",
            fmt(peak(eddy)),
            fmt(peak("node"))
        );
    }
    // The floor for the stream case: the kernel's copy alone.
    let big = format!("{dir}/512mib");
    if let Some(cat) = common::median("cat", &[&big], &[], RUNS) {
        println!(
            "{:<22} {:>8.1}ms   (cat of the 512 MiB file)",
            "cat",
            common::ms(cat)
        );
    }
}
