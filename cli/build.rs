//! Two things the `eddy` binary needs from its build:
//!
//! - The Node-API functions (bindings/src/napi) in its dynamic symbol table, so native addons
//!   loaded with dlopen resolve `napi_*` / `node_api_*` against it, as they do against `node`.
//!   Only these names are exported: the rest of the binary stays private.
//! - A *trained* code cache of the builtins. eddy-stdlib's build script caches each builtin's
//!   top level only; every function a start-up runs beyond it was parsed and compiled again in
//!   every process (perf: 30-45% of `eddy hello.js`). Here the real runtime (the same crates,
//!   linked into this build script) runs `training/main.js`, then serializes each builtin it
//!   compiled with the functions that ran (`Runtime::builtin_code_caches`). The binary consults
//!   these entries before eddy-stdlib's (`src/lib.rs`). V8 checks each entry's version, flags
//!   and source length as for any cache, so a mismatch only costs time. If the training run
//!   fails, the build goes on without these entries and says so.

use std::path::{Path, PathBuf};

/// The training run takes about a second; one that hangs (a loopback connection that never
/// answers, say) must not hang the build.
const TRAINING_LIMIT_SECS: u64 = 120;

fn main() {
    println!("cargo:rustc-link-arg-bins=-Wl,--export-dynamic-symbol=napi_*");
    println!("cargo:rustc-link-arg-bins=-Wl,--export-dynamic-symbol=node_api_*");
    println!("cargo:rerun-if-changed=build.rs");
    println!("cargo:rerun-if-changed=training");

    let out = PathBuf::from(std::env::var_os("OUT_DIR").expect("OUT_DIR"));
    let table_path = out.join("trained_code_cache.rs");
    // An empty table first, so that a training run that never ends (below) leaves one behind.
    std::fs::write(&table_path, "&[]\n").expect("writing the trained table");
    std::thread::spawn(|| {
        std::thread::sleep(std::time::Duration::from_secs(TRAINING_LIMIT_SECS));
        println!(
            "cargo:warning=no trained code cache (start-up will be slower): the training run \
             took over {TRAINING_LIMIT_SECS} s"
        );
        std::process::exit(0);
    });
    let entries = match train(&out) {
        Ok(entries) => entries,
        Err(why) => {
            println!("cargo:warning=no trained code cache (start-up will be slower): {why}");
            Vec::new()
        }
    };
    let mut table = String::from("&[\n");
    for (n, (id, names, cache)) in entries.iter().enumerate() {
        let file = out.join(format!("trained-{n}.bin"));
        std::fs::write(&file, cache).expect("writing a trained cache entry");
        table.push_str(&format!(
            "    ({id:?}, &{names:?}, include_bytes!({:?})),\n",
            file.to_str().expect("a UTF-8 OUT_DIR")
        ));
    }
    table.push_str("]\n");
    // Renamed into place: the limit may strike while it is written.
    let part = out.join("trained_code_cache.rs.part");
    std::fs::write(&part, table).expect("writing the trained table");
    std::fs::rename(&part, &table_path).expect("writing the trained table");
}

/// A trained cache entry: `(builtin id, shielded names, V8 code cache)`.
type Entry = (String, Vec<String>, Vec<u8>);

/// Runs the training script in a runtime built as the binary builds its own, and returns the
/// code cache of every builtin it compiled.
fn train(out: &Path) -> Result<Vec<Entry>, String> {
    let script = Path::new(env!("CARGO_MANIFEST_DIR")).join("training/main.js");
    let scratch = out.join("training-scratch");
    let _ = std::fs::remove_dir_all(&scratch);
    std::fs::create_dir_all(&scratch).map_err(|e| format!("scratch directory: {e}"))?;
    let script = script.to_str().ok_or("a non-UTF-8 path")?.to_string();
    let scratch_arg = scratch.to_str().ok_or("a non-UTF-8 path")?.to_string();
    let mut rt = eddy_runtime::Runtime::new(eddy_runtime::RuntimeOptions {
        natives: eddy_bindings::all(),
        builtins: eddy_bindings::SOURCES,
        builtin_unused_shields: eddy_bindings::UNUSED_SHIELDS,
        builtin_code_cache: eddy_bindings::CODE_CACHE,
        bootstrap: eddy_bindings::BOOTSTRAP,
        argv: vec!["eddy".into(), script.clone(), scratch_arg],
        exec_path: "eddy".into(),
        argv0: "eddy".into(),
        rebind: eddy_bindings::rebind(),
        keep_builtins: true,
        ..Default::default()
    })
    .map_err(|e| format!("starting the runtime: {e}"))?;
    rt.run_main(&script)
        .map_err(|e| format!("running {script}: {e}"))?;
    let code = rt.run_to_completion();
    let _ = std::fs::remove_dir_all(&scratch);
    if code != 0 {
        return Err(format!("{script} exited with code {code}"));
    }
    Ok(rt.builtin_code_caches())
}
