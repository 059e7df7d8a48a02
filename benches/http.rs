//! HTTP benchmark: a hello-world server (and the same through Express) under `wrk` keep-alive
//! load, Eddy against `node` in one run: requests/s at 50 and 1000 connections, and the
//! server's RSS after the run. Needs `wrk` (Debian package) on PATH; Express is installed with
//! npm into target/bench-npm on first use (skipped when npm is missing).
//! Run with `cargo bench --bench http`.

use std::io::{BufRead, BufReader};
use std::path::{Path, PathBuf};
use std::process::{Child, Command, Stdio};

const DURATION: &str = "5s";

struct Server(Child);
impl Drop for Server {
    fn drop(&mut self) {
        let _ = self.0.kill();
        let _ = self.0.wait();
    }
}

/// Start `program script` in `cwd`; returns the server and the port it printed.
fn start(program: &str, script: &Path, cwd: &Path) -> Option<(Server, u16)> {
    let mut child = Command::new(program)
        .arg(script)
        .current_dir(cwd)
        .stdout(Stdio::piped())
        .stderr(Stdio::inherit())
        .spawn()
        .ok()?;
    let mut line = String::new();
    BufReader::new(child.stdout.take()?)
        .read_line(&mut line)
        .ok()?;
    let port = line.trim().parse().ok()?;
    Some((Server(child), port))
}

/// wrk's requests/s for `connections` keep-alive connections.
fn wrk(port: u16, connections: usize) -> Option<f64> {
    let out = Command::new("wrk")
        .args(["-t1", &format!("-c{connections}"), &format!("-d{DURATION}")])
        .arg(format!("http://127.0.0.1:{port}/"))
        .output()
        .ok()?;
    let text = String::from_utf8_lossy(&out.stdout);
    text.lines()
        .find_map(|l| l.strip_prefix("Requests/sec:"))
        .and_then(|v| v.trim().parse().ok())
}

fn rss_mb(server: &Server) -> f64 {
    let status =
        std::fs::read_to_string(format!("/proc/{}/status", server.0.id())).unwrap_or_default();
    status
        .lines()
        .find_map(|l| l.strip_prefix("VmRSS:"))
        .and_then(|v| v.trim().trim_end_matches("kB").trim().parse::<f64>().ok())
        .map_or(0.0, |kb| kb / 1024.0)
}

/// Requests/s at 50 and 1000 connections, RSS (MB) right after both runs (the server may
/// still be closing the 1000 connections), and RSS half a second later, settled.
fn measure(program: &str, script: &Path, cwd: &Path) -> Option<(f64, f64, f64, f64)> {
    let (server, port) = start(program, script, cwd)?;
    wrk(port, 10)?; // warm-up
    let c50 = wrk(port, 50)?;
    let c1000 = wrk(port, 1000)?;
    let rss = rss_mb(&server);
    std::thread::sleep(std::time::Duration::from_millis(500));
    Some((c50, c1000, rss, rss_mb(&server)))
}

/// Install express into target/bench-npm once; the folder to run the Express case from.
fn express_dir(root: &Path) -> Option<PathBuf> {
    let dir = root.join("target/bench-npm");
    if !dir.join("node_modules/express").exists() {
        std::fs::create_dir_all(&dir).ok()?;
        let ok = Command::new("npm")
            .args([
                "install",
                "--no-audit",
                "--no-fund",
                "--silent",
                "express@4",
            ])
            .current_dir(&dir)
            .status()
            .ok()?
            .success();
        if !ok {
            return None;
        }
    }
    Some(dir)
}

fn main() {
    let eddy = env!("CARGO_BIN_EXE_eddy");
    let root = Path::new(env!("CARGO_MANIFEST_DIR")).join("..");
    if Command::new("wrk").arg("--version").output().is_err() {
        println!("skipped: wrk is not on PATH (apt-get install wrk)");
        return;
    }
    let hello = root.join("benches/js/http_hello.js");
    let mut cases = vec![("hello world", hello, root.clone())];
    match express_dir(&root) {
        Some(dir) => {
            // Beside its node_modules, so require('express') resolves.
            let script = dir.join("http_express.js");
            std::fs::copy(root.join("benches/js/http_express.js"), &script).expect("copy script");
            cases.push(("express", script, dir));
        }
        None => println!("(express case skipped: npm install failed)"),
    }
    println!(
        "{:<14} {:>12} {:>12} {:>7} {:>12} {:>12} {:>7} {:>9} {:>9} {:>6} {:>9} {:>9} {:>6}",
        "case",
        "eddy c50",
        "node c50",
        "ratio",
        "eddy c1000",
        "node c1000",
        "ratio",
        "eddy RSS",
        "node RSS",
        "ratio",
        "+0.5s",
        "+0.5s",
        "ratio"
    );
    for (name, script, cwd) in cases {
        let ours = measure(eddy, &script, &cwd);
        let theirs = measure("node", &script, &cwd);
        match (ours, theirs) {
            (Some(o), Some(t)) => println!(
                "{name:<14} {:>10.0}/s {:>10.0}/s {:>6.2}x {:>10.0}/s {:>10.0}/s {:>6.2}x {:>7.1}MB {:>7.1}MB {:>5.2}x {:>7.1}MB {:>7.1}MB {:>5.2}x",
                o.0,
                t.0,
                o.0 / t.0,
                o.1,
                t.1,
                o.1 / t.1,
                o.2,
                t.2,
                o.2 / t.2,
                o.3,
                t.3,
                o.3 / t.3
            ),
            (Some(o), None) => println!(
                "{name:<14} {:>10.0}/s {:>12} {:>7} {:>10.0}/s {:>12} {:>7} {:>7.1}MB",
                o.0, "-", "-", o.1, "-", "-", o.2
            ),
            _ => println!("{name:<14} eddy failed to serve"),
        }
    }
    println!("(requests/s ratios above 1.0 mean Eddy is faster; RSS below 1.0 means smaller)");
    println!(
        "(RSS: the moment wrk exits, its 1000 connections still closing, so about the peak under \
         load; then 0.5 s later, the run over)"
    );
}
