//! Eddy as a library: one dependency gives an embedder the whole runtime — the engine
//! (`eddy-runtime`), every native module (`eddy-bindings`) and the embedded JS standard library.
//! The `eddy` binary is this crate's first user and goes through exactly this API.
//!
//! # Examples
//!
//! ```
//! let mut rt = eddy::Runtime::new(eddy::Options::default()).unwrap();
//! let joined: String = rt.eval("require('path').join('a', 'b')").unwrap();
//! assert_eq!(joined, "a/b");
//! assert_eq!(rt.run_to_completion(), 0);
//! ```

use std::ops::{Deref, DerefMut};

pub use eddy_runtime::{
    Error, FromJs, JobPanic, Json, NativeModule, SnapshotMode, call_function, set_fn, submit, v8,
};

/// How to start a runtime.
#[derive(Debug, Clone, Default)]
pub struct Options {
    /// Path of the main script, if any: becomes `process.argv[1]` (made absolute).
    pub script: Option<String>,
    /// Arguments after the script: `process.argv[2..]`.
    pub args: Vec<String>,
    /// Runtime options given before the script (`process.execArgv`).
    pub exec_argv: Vec<String>,
    /// V8 flags (applied by the first runtime of the process only).
    pub v8_flags: Vec<String>,
    /// The embedder's own native modules, installed as `globalThis[name]` for user code.
    pub globals: Vec<eddy_runtime::NativeModule>,
    /// Build a startup snapshot, or start from one (`--build-snapshot`, `--snapshot-blob`).
    pub snapshot: eddy_runtime::SnapshotMode,
}

/// A complete Eddy runtime. Dereferences to [`eddy_runtime::Runtime`] for running code.
pub struct Runtime(eddy_runtime::Runtime);

impl Runtime {
    /// Build a runtime with every native module and the standard library.
    pub fn new(options: Options) -> Result<Self, Error> {
        let exec_path = std::env::current_exe()
            .map(|p| p.to_string_lossy().into_owned())
            .unwrap_or_else(|_| String::from("eddy"));
        let mut argv = vec![exec_path.clone()];
        if let Some(script) = &options.script {
            argv.push(absolute(script));
        }
        argv.extend(options.args.iter().cloned());
        let inner = eddy_runtime::Runtime::new(eddy_runtime::RuntimeOptions {
            natives: eddy_bindings::all(),
            builtins: eddy_bindings::SOURCES,
            builtin_unused_shields: eddy_bindings::UNUSED_SHIELDS,
            builtin_code_cache: code_cache(),
            keep_builtins: false,
            bootstrap: eddy_bindings::BOOTSTRAP,
            argv,
            exec_argv: options.exec_argv,
            exec_path,
            argv0: std::env::args()
                .next()
                .unwrap_or_else(|| String::from("eddy")),
            v8_flags: options.v8_flags,
            globals: options.globals,
            // For working on stdlib-js without rebuilding: EDDY_STDLIB_DIR=stdlib-js/lib.
            dev_stdlib_dir: std::env::var_os("EDDY_STDLIB_DIR").map(Into::into),
            snapshot: options.snapshot,
            rebind: eddy_bindings::rebind(),
        })?;
        Ok(Runtime(inner))
    }
}

impl Runtime {
    /// Finish building a startup snapshot (a runtime made with [`SnapshotMode::Build`]): the
    /// snapshot file's bytes. See [`eddy_runtime::Runtime::make_snapshot`].
    pub fn make_snapshot(self) -> Result<Vec<u8>, Error> {
        self.0.make_snapshot()
    }
}

impl Deref for Runtime {
    type Target = eddy_runtime::Runtime;
    fn deref(&self) -> &Self::Target {
        &self.0
    }
}

impl DerefMut for Runtime {
    fn deref_mut(&mut self) -> &mut Self::Target {
        &mut self.0
    }
}

/// A builtin's code cache entry: `(id, shielded names, cache)`.
type CacheEntry = (&'static str, &'static [&'static str], &'static [u8]);

/// The code cache of the builtins: the entries build.rs trained (with the functions a start-up
/// runs, compiled) first, then eddy-stdlib's (top level only) for every other builtin and
/// shield list. The runtime takes the first entry that fits.
fn code_cache() -> &'static [CacheEntry] {
    static TRAINED: &[CacheEntry] = include!(concat!(env!("OUT_DIR"), "/trained_code_cache.rs"));
    static ALL: std::sync::OnceLock<Vec<CacheEntry>> = std::sync::OnceLock::new();
    ALL.get_or_init(|| {
        TRAINED
            .iter()
            .chain(eddy_bindings::CODE_CACHE)
            .copied()
            .collect()
    })
}

/// `path` made absolute against the current directory, lexically (no symlink resolution),
/// as Node does for `process.argv[1]`.
fn absolute(path: &str) -> String {
    let p = std::path::Path::new(path);
    let joined = if p.is_absolute() {
        p.to_path_buf()
    } else {
        std::env::current_dir().unwrap_or_default().join(p)
    };
    let mut out: Vec<&std::ffi::OsStr> = Vec::new();
    for comp in joined.components() {
        match comp {
            std::path::Component::ParentDir => {
                out.pop();
            }
            std::path::Component::Normal(s) => out.push(s),
            _ => {}
        }
    }
    let mut s = String::new();
    for part in out {
        s.push('/');
        s.push_str(&part.to_string_lossy());
    }
    if s.is_empty() {
        s.push('/');
    }
    s
}

#[cfg(test)]
mod tests {
    use super::absolute;

    #[test]
    fn absolute_is_lexical() {
        assert_eq!(absolute("/a/b/../c/./d.js"), "/a/c/d.js");
        assert_eq!(absolute("/"), "/");
        assert!(absolute("x.js").ends_with("/x.js"));
    }

    /// build.rs's training run worked: without its entries every start-up compiles again what
    /// the bootstrap and a script's first steps run (a warning in the build log says why).
    #[test]
    fn the_build_trained_the_code_cache() {
        let all = super::code_cache();
        let trained = all.len() - eddy_bindings::CODE_CACHE.len();
        assert!(trained >= 30, "{trained} trained entries");
        assert_eq!(
            all[0].0,
            eddy_bindings::BOOTSTRAP,
            "the bootstrap is compiled first"
        );
    }
}
