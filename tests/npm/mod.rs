//! Real npm web frameworks and HTTP clients (issues 11 and 16), installed from the registry into
//! a temporary directory. Each script here serves or fetches on 127.0.0.1 (ports from the OS) and
//! prints what it got; its output must equal node's (`NAME.stdout`, generated once with node).
//! Opt-in (`EDDY_NET_TESTS=1`) because it needs the registry; CI leaves it off.

use std::path::Path;
use std::process::Command;

/// The packages, at the major versions the scripts were written for.
const PACKAGES: &[&str] = &[
    "express@4", "koa@2", "fastify@4", "axios@1", "node-fetch@2", "undici@6", "ws@8",
];

/// express, koa and fastify serving JSON; axios, node-fetch, undici and ws against a local
/// server.
const SCRIPTS: &[&str] = &["express", "koa", "fastify", "clients"];

#[test]
fn npm_frameworks_and_clients() {
    if std::env::var("EDDY_NET_TESTS").as_deref() != Ok("1") {
        println!("skipped: set EDDY_NET_TESTS=1 to install express, koa, fastify, axios, node-fetch, undici and ws");
        return;
    }
    let here = Path::new(env!("CARGO_MANIFEST_DIR")).join("../tests/npm");
    let dir = std::env::temp_dir().join(format!("eddy-npm-net-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    std::fs::write(
        dir.join("package.json"),
        r#"{ "name": "eddy-npm-net-test", "private": true }"#,
    )
    .unwrap();
    let status = Command::new("npm")
        .args(["install", "--no-audit", "--no-fund", "--silent"])
        .args(PACKAGES)
        .current_dir(&dir)
        .status()
        .expect("npm runs");
    assert!(status.success(), "npm install failed");
    let mut failures = Vec::new();
    for name in SCRIPTS {
        let script = format!("{name}.js");
        std::fs::copy(here.join(&script), dir.join(&script)).unwrap();
        let expected = std::fs::read_to_string(here.join(format!("{name}.stdout"))).unwrap();
        let out = Command::new(super::EDDY)
            .arg(&script)
            .current_dir(&dir)
            .output()
            .unwrap();
        let stdout = String::from_utf8_lossy(&out.stdout);
        if stdout != expected || !out.status.success() {
            failures.push(format!(
                "{script}: expected {expected:?}, got {stdout:?} (status {:?})\n{}",
                out.status.code(),
                String::from_utf8_lossy(&out.stderr)
            ));
        }
    }
    let _ = std::fs::remove_dir_all(&dir);
    assert!(failures.is_empty(), "{}", failures.join("\n"));
}
