//! Builds V8's code cache for every builtin, so that starting Eddy deserialises each builtin's
//! compiled top level instead of parsing its source again: parsing the builtins a script loads
//! was about 40% of start-up (measured with perf on a script opening one fs read stream).
//!
//! The cache is made here with the same V8 (the `v8` crate at the same version, linking the same
//! static library) and the same V8 flags as the runtime's default, compiling each source in the
//! same wrapper (`function (exports, require, module, binding)`). V8 checks its version, flags
//! and the source's length before using a cache and compiles from source when any differ (a
//! user's `--v8-flag` or `--expose-gc`, say), so a stale or foreign cache costs time, never
//! correctness. The runtime consumes an entry only for the embedded source it was made from.
//!
//! Only the top level is compiled here (inner functions stay lazy, as without a cache). Eager
//! compilation of every function was measured too: the cache grows from 5 to 24 MB and start-up
//! CPU falls another 10-20%, but every process then holds the bytecode of functions it never
//! calls (peak RSS of `eddy -e 0` 49 MiB instead of 31).

use std::path::{Path, PathBuf};

/// Must match the runtime's wrappers (`compile_builtin_with` in runtime/src/modules.rs): the
/// bootstrap builtin is the body of `function (exports, require, module, binding)`; every other
/// builtin is that function's body returned by a function whose parameters are the names the
/// bootstrap shields (`kShieldOrder` in lib/internal/bootstrap/node.js).
const PARAMS: [&str; 4] = ["exports", "require", "module", "binding"];

/// Must match `BOOTSTRAP` in src/lib.rs (a unit test there checks it has its entry).
const BOOTSTRAP: &str = "internal/bootstrap/node";

/// Must match the flags `init_platform` (runtime/src/isolate.rs) gives V8 by default.
const FLAGS: [&str; 2] = ["eddy", "--no-freeze-flags-after-init"];

/// The shield lists to make entries for, read from `kShieldOrder`: one group of names a line;
/// after each line marked `/* cached */`, the names so far are one list.
/// Also returns every name `kShieldOrder` has, cached or not.
fn shield_lists(bootstrap: &str) -> (Vec<Vec<String>>, Vec<String>) {
    let start = bootstrap
        .find("const kShieldOrder = [")
        .expect("kShieldOrder in the bootstrap");
    let end = start
        + bootstrap[start..]
            .find("];")
            .expect("the end of kShieldOrder");
    let mut names = Vec::new();
    let mut lists = Vec::new();
    for line in bootstrap[start..end].lines().skip(1) {
        names.extend(line.split('\'').skip(1).step_by(2).map(str::to_string));
        if line.contains("/* cached */") {
            lists.push(names.clone());
        }
    }
    (lists, names)
}

fn main() {
    println!("cargo:rerun-if-changed=build.rs");
    println!("cargo:rerun-if-changed=lib");
    let lib = Path::new("lib");
    let mut ids = Vec::new();
    collect(lib, lib, &mut ids);
    ids.sort();

    let out = PathBuf::from(std::env::var_os("OUT_DIR").expect("OUT_DIR"));
    let dir = out.join("code-cache");
    std::fs::create_dir_all(&dir).expect("code cache directory");

    v8::V8::set_flags_from_command_line(FLAGS.iter().map(|f| f.to_string()).collect());
    let platform = v8::new_default_platform(0, false).make_shared();
    v8::V8::initialize_platform(platform);
    v8::V8::initialize();

    let bootstrap = std::fs::read_to_string(lib.join(format!("{BOOTSTRAP}.js")))
        .expect("reading the bootstrap builtin");
    let (lists, all_names) = shield_lists(&bootstrap);
    // `(id, names)`: the kShieldOrder names each builtin's source never mentions.
    let mut unused = String::from("&[\n");
    // `(id, shielded names, cache)`.
    let mut table = String::from("&[\n");
    {
        let isolate = &mut v8::Isolate::new(v8::CreateParams::default());
        v8::scope!(let handle_scope, isolate);
        let context = v8::Context::new(handle_scope, Default::default());
        let scope = &mut v8::ContextScope::new(handle_scope, context);
        let mut entry = 0;
        for id in &ids {
            let source = std::fs::read_to_string(lib.join(format!("{id}.js")))
                .unwrap_or_else(|e| panic!("reading lib/{id}.js: {e}"));
            // The runtime compiles a builtin with only the shielded names its source mentions,
            // so several lists may come down to one.
            let never: Vec<&String> = all_names
                .iter()
                .filter(|name| !mentions(&source, name))
                .collect();
            if !never.is_empty() {
                unused.push_str(&format!("    ({id:?}, &{never:?}),\n"));
            }
            let mut variants: Vec<Option<Vec<String>>> = Vec::new();
            if id == BOOTSTRAP {
                variants.push(None);
            } else {
                for list in &lists {
                    let used: Vec<String> = list
                        .iter()
                        .filter(|name| mentions(&source, name))
                        .cloned()
                        .collect();
                    if !variants.contains(&Some(used.clone())) {
                        variants.push(Some(used));
                    }
                }
            }
            for shielded in variants {
                v8::scope!(let scope, scope);
                // A source V8 cannot compile (a syntax error being worked on) gets no entry;
                // the runtime reports the error when the builtin loads, as without a cache.
                let Some(bytes) = code_cache(scope, id, &source, shielded.as_deref()) else {
                    continue;
                };
                let file = dir.join(format!("{entry}.bin"));
                entry += 1;
                std::fs::write(&file, &bytes).expect("writing a code cache entry");
                table.push_str(&format!(
                    "    ({id:?}, &{:?}, include_bytes!({:?})),\n",
                    shielded.unwrap_or_default(),
                    file.to_str().expect("a UTF-8 OUT_DIR")
                ));
            }
        }
    }
    table.push_str("]\n");
    std::fs::write(out.join("code_cache.rs"), table).expect("writing code_cache.rs");
    unused.push_str("]\n");
    std::fs::write(out.join("unused_shields.rs"), unused).expect("writing unused_shields.rs");
}

/// The code cache of builtin `id` compiled as the runtime does: with `shielded` names, inside
/// the function that takes them; without, as the bootstrap.
fn code_cache(
    scope: &mut v8::PinScope,
    id: &str,
    source: &str,
    shielded: Option<&[String]>,
) -> Option<Vec<u8>> {
    let (text, params): (std::borrow::Cow<str>, Vec<&str>) = match shielded {
        Some(names) => (
            format!("return function ({}) {{{source}\n}};", PARAMS.join(", ")).into(),
            names.iter().map(String::as_str).collect(),
        ),
        None => (source.into(), PARAMS.to_vec()),
    };
    let code = v8::String::new(scope, &text)?;
    let name = v8::String::new(scope, &format!("node:{id}"))?;
    let origin = v8::ScriptOrigin::new(
        scope,
        name.into(),
        0,
        0,
        false,
        0,
        None,
        false,
        false,
        false,
        None,
    );
    let mut src = v8::script_compiler::Source::new(code, Some(&origin));
    let params: Vec<v8::Local<v8::String>> = params
        .iter()
        .map(|p| v8::String::new(scope, p).expect("a parameter name"))
        .collect();
    let function = v8::script_compiler::compile_function(
        scope,
        &mut src,
        &params,
        &[],
        v8::script_compiler::CompileOptions::NoCompileOptions,
        v8::script_compiler::NoCacheReason::NoReason,
    )?;
    Some(function.create_code_cache()?.to_vec())
}

/// Whether `source` mentions `name` as a word (not inside a longer identifier). Comments and
/// property names count too, which errs on the safe side (an extra parameter).
fn mentions(source: &str, name: &str) -> bool {
    let is_ident = |c: char| c.is_alphanumeric() || c == '_' || c == '$';
    source.match_indices(name).any(|(at, _)| {
        let before = source[..at].chars().next_back();
        let after = source[at + name.len()..].chars().next();
        !before.is_some_and(is_ident) && !after.is_some_and(is_ident)
    })
}

/// Builtin ids under `dir`: every `.js` file, path relative to `base` without the extension.
fn collect(dir: &Path, base: &Path, out: &mut Vec<String>) {
    for entry in std::fs::read_dir(dir).expect("reading lib/").flatten() {
        let path = entry.path();
        if path.is_dir() {
            collect(&path, base, out);
        } else if path.extension().is_some_and(|e| e == "js") {
            let rel = path.with_extension("");
            let rel = rel.strip_prefix(base).expect("a path under lib/");
            out.push(rel.to_string_lossy().replace('\\', "/"));
        }
    }
}
