//! Module-system benchmarks: `require()` of a 1000-file graph and the same graph as ES
//! modules (Eddy vs `node`), and what TypeScript costs: `eddy app.ts` against `eddy app.js` on
//! the same 5k-line program. Run with `cargo bench --bench modules`.

mod common;

use std::fmt::Write as _;
use std::path::Path;

const RUNS: usize = 7;
const FILES: usize = 1000;

/// `FILES` modules; module i pulls in 2i+1 and 2i+2 (a binary tree, 10 levels deep: a chain
/// 1000 deep overflows the stack of nested require() calls in Node).
fn write_graph(dir: &Path, esm: bool) {
    std::fs::create_dir_all(dir).unwrap();
    let ext = if esm { "mjs" } else { "js" };
    for i in 0..FILES {
        let mut src = String::new();
        for j in [2 * i + 1, 2 * i + 2] {
            if j < FILES {
                if esm {
                    let _ = writeln!(src, "import {{ value as v{j} }} from './m{j}.{ext}';");
                } else {
                    let _ = writeln!(src, "const v{j} = require('./m{j}').value;");
                }
            }
        }
        let deps: Vec<String> = [2 * i + 1, 2 * i + 2]
            .iter()
            .filter(|&&j| j < FILES)
            .map(|j| format!("v{j}"))
            .collect();
        let sum = if deps.is_empty() {
            "0".to_string()
        } else {
            deps.join(" + ")
        };
        let body = format!(
            "function f{i}(x) {{ return x * {i} + 1; }}\nconst value = ({sum}) % 1000003 + f{i}(1);\n"
        );
        src.push_str(&body);
        src.push_str(if esm {
            "export { value };\n"
        } else {
            "module.exports = { value };\n"
        });
        std::fs::write(dir.join(format!("m{i}.{ext}")), src).unwrap();
    }
    let main = if esm {
        format!("import {{ value }} from './m0.{ext}';\nconsole.log(value);\n")
    } else {
        "console.log(require('./m0').value);\n".to_string()
    };
    std::fs::write(dir.join(format!("main.{ext}")), main).unwrap();
}

/// A 5k-line program, as TypeScript and as the same JavaScript without the types.
fn write_typescript(dir: &Path) {
    let mut ts = String::new();
    let mut js = String::new();
    for i in 0..1000 {
        let _ = write!(
            ts,
            "interface Item{i} {{ id: number; name: string }}\nfunction make{i}(id: number): Item{i} {{\n  const name: string = `item{i}-${{id}}`;\n  return {{ id, name }} as Item{i};\n}}\n"
        );
        let _ = write!(
            js,
            "\nfunction make{i}(id) {{\n  const name = `item{i}-${{id}}`;\n  return {{ id, name }};\n}}\n"
        );
    }
    ts.push_str("console.log(make999(1).name);\n");
    js.push_str("console.log(make999(1).name);\n");
    std::fs::write(dir.join("app.ts"), ts).unwrap();
    std::fs::write(dir.join("app.js"), js).unwrap();
}

fn main() {
    let eddy = env!("CARGO_BIN_EXE_eddy");
    let root = std::env::temp_dir().join(format!("eddy-bench-modules-{}", std::process::id()));
    write_graph(&root.join("cjs"), false);
    write_graph(&root.join("esm"), true);
    std::fs::create_dir_all(root.join("ts")).unwrap();
    write_typescript(&root.join("ts"));

    println!(
        "{:<26} {:>10} {:>10} {:>9}",
        "module graph (1000 files)", "eddy", "node", "eddy/node"
    );
    for (name, file) in [
        ("require() (CommonJS)", "cjs/main.js"),
        ("import (ES modules)", "esm/main.mjs"),
    ] {
        let path = root.join(file);
        let path = path.to_str().unwrap();
        let ours = common::median(eddy, &[path], &[], RUNS).expect("eddy runs the graph");
        match common::median("node", &[path], &[], RUNS) {
            Some(theirs) => println!(
                "{name:<26} {:>8.1}ms {:>8.1}ms {:>9.2}",
                common::ms(ours),
                common::ms(theirs),
                ours.as_secs_f64() / theirs.as_secs_f64()
            ),
            None => println!(
                "{name:<26} {:>8.1}ms {:>10} {:>9}",
                common::ms(ours),
                "-",
                "-"
            ),
        }
    }
    let ts = root.join("ts/app.ts");
    let js = root.join("ts/app.js");
    let with_types =
        common::median(eddy, &[ts.to_str().unwrap()], &[], RUNS).expect("eddy runs app.ts");
    let plain = common::median(eddy, &[js.to_str().unwrap()], &[], RUNS).expect("eddy runs app.js");
    println!(
        "\nTypeScript, 5k lines: app.ts {:.1}ms, app.js {:.1}ms, cost of the TS step {:.1}ms",
        common::ms(with_types),
        common::ms(plain),
        common::ms(with_types) - common::ms(plain)
    );
    let _ = std::fs::remove_dir_all(&root);
}
