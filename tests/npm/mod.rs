//! Real npm packages, installed from the registry into a temporary directory and run through
//! `eddy`; each script's output must equal what node prints. Opt-in (`EDDY_NET_TESTS=1`)
//! because it needs the registry; CI leaves it off.
//! - `real_npm_packages`: small libraries, one line each.
//! - `npm_frameworks_and_clients` (issues 11 and 16): express, koa and fastify serving JSON, and
//!   axios, node-fetch, undici and ws against a local server; the scripts are `NAME.js` here,
//!   with node's output in `NAME.stdout`. Servers listen on 127.0.0.1, ports from the OS.

use std::path::{Path, PathBuf};
use std::process::Command;

fn opted_in(what: &str) -> bool {
    if std::env::var("EDDY_NET_TESTS").as_deref() == Ok("1") {
        return true;
    }
    println!("skipped: set EDDY_NET_TESTS=1 to install and run {what}");
    false
}

/// A fresh temporary directory (named after `tag`) with `packages` installed from npm.
fn install(tag: &str, packages: &[&str]) -> PathBuf {
    let dir = std::env::temp_dir().join(format!("eddy-{tag}-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    std::fs::write(
        dir.join("package.json"),
        r#"{ "name": "eddy-npm-test", "private": true }"#,
    )
    .unwrap();
    let status = Command::new("npm")
        .args(["install", "--no-audit", "--no-fund", "--silent"])
        .args(packages)
        .current_dir(&dir)
        .status()
        .expect("npm runs");
    assert!(status.success(), "npm install failed");
    dir
}

/// Run `file` (in `dir`) through eddy: a line saying what went wrong when its stdout is not
/// `expected` or it failed.
fn check(dir: &Path, file: &str, expected: &str) -> Option<String> {
    let out = Command::new(super::EDDY)
        .arg(file)
        .current_dir(dir)
        .output()
        .unwrap();
    let stdout = String::from_utf8_lossy(&out.stdout);
    (stdout != expected || !out.status.success()).then(|| {
        format!(
            "{file}: expected {expected:?}, got {stdout:?} (status {:?})\n{}",
            out.status.code(),
            String::from_utf8_lossy(&out.stderr)
        )
    })
}

#[test]
fn real_npm_packages() {
    if !opted_in("real npm packages") {
        return;
    }
    let dir = install(
        "npm",
        &[
            "lodash@4", "semver@7", "chalk@5", "dayjs@1", "uuid@9", "yargs@17",
        ],
    );
    let cases: [(&str, &str, &str); 7] = [
        (
            "lodash.js",
            "const _ = require('lodash'); console.log(_.chunk([1, 2, 3, 4, 5], 2), _.kebabCase('Hello World'));",
            "[ [ 1, 2 ], [ 3, 4 ], [ 5 ] ] hello-world\n",
        ),
        (
            "semver.js",
            "const semver = require('semver'); console.log(semver.satisfies('1.2.3', '^1.0.0'), semver.inc('1.2.3', 'minor'));",
            "true 1.3.0\n",
        ),
        (
            "chalk.mjs",
            "import chalk from 'chalk'; console.log(JSON.stringify(new chalk.constructor({ level: 1 }).red('x')));",
            "\"\\u001b[31mx\\u001b[39m\"\n",
        ),
        (
            "dayjs.js",
            "const dayjs = require('dayjs'); console.log(dayjs('2020-01-02T03:04:05Z').add(1, 'day').toISOString());",
            "2020-01-03T03:04:05.000Z\n",
        ),
        (
            "uuid.js",
            "const { v4, validate, version } = require('uuid'); const id = v4(); console.log(validate(id), version(id));",
            "true 4\n",
        ),
        (
            "uuid_esm.mjs",
            "import { v4, validate, NIL } from 'uuid'; console.log(validate(v4()), NIL);",
            "true 00000000-0000-0000-0000-000000000000\n",
        ),
        (
            "yargs.js",
            "const yargs = require('yargs/yargs'); const argv = yargs(['--name', 'eddy', '-n', '3']).parse(); console.log(argv.name, argv.n);",
            "eddy 3\n",
        ),
    ];
    let mut failures = Vec::new();
    for (file, source, expected) in cases {
        std::fs::write(dir.join(file), source).unwrap();
        failures.extend(check(&dir, file, expected));
    }
    let _ = std::fs::remove_dir_all(&dir);
    assert!(failures.is_empty(), "{}", failures.join("\n"));
}

#[test]
fn npm_frameworks_and_clients() {
    if !opted_in("express, koa, fastify, axios, node-fetch, undici and ws") {
        return;
    }
    let here = Path::new(env!("CARGO_MANIFEST_DIR")).join("../tests/npm");
    let dir = install(
        "npm-net",
        &[
            "express@4",
            "koa@2",
            "fastify@4",
            "axios@1",
            "node-fetch@2",
            "undici@6",
            "ws@8",
        ],
    );
    let mut failures = Vec::new();
    for name in ["express", "koa", "fastify", "clients"] {
        let script = format!("{name}.js");
        std::fs::copy(here.join(&script), dir.join(&script)).unwrap();
        let expected = std::fs::read_to_string(here.join(format!("{name}.stdout"))).unwrap();
        failures.extend(check(&dir, &script, &expected));
    }
    let _ = std::fs::remove_dir_all(&dir);
    assert!(failures.is_empty(), "{}", failures.join("\n"));
}
