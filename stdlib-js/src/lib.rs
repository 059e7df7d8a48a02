//! The JS half of Eddy's `node:` modules, embedded in the binary at build time.
//!
//! [`SOURCES`] is the explicit list: builtin id (the path under `lib/` without `.js`) → source.
//! A unit test checks that every file under `lib/` is listed, so nothing is silently left out.

/// V8's code cache of the builtins, made by build.rs from the sources in [`SOURCES`]:
/// `(id, shielded names, cache)`, an entry per list of names the bootstrap passes while it
/// loads builtins (`kShieldOrder`) cut down to the names the builtin mentions (as the runtime
/// compiles it), and one with no names for [`BOOTSTRAP`].
pub static CODE_CACHE: &[(&str, &[&str], &[u8])] =
    include!(concat!(env!("OUT_DIR"), "/code_cache.rs"));

/// For each builtin, the names the bootstrap shields (`kShieldOrder`) that its source never
/// mentions, made by build.rs: the runtime compiles the builtin without them (see
/// `RuntimeOptions::builtin_unused_shields`), as the entries of [`CODE_CACHE`] were made.
pub static UNUSED_SHIELDS: &[(&str, &[&str])] =
    include!(concat!(env!("OUT_DIR"), "/unused_shields.rs"));

/// The builtin that bootstraps the JS side; its exports are the runtime's hooks.
pub const BOOTSTRAP: &str = "internal/bootstrap/node";

macro_rules! builtins {
    ($($id:literal),* $(,)?) => {
        /// Every embedded builtin: `(id, source)`.
        pub static SOURCES: &[(&str, &str)] = &[
            $(($id, include_str!(concat!("../lib/", $id, ".js")))),*
        ];
    };
}

builtins![
    "_http_agent",
    "_http_client",
    "_http_common",
    "_http_incoming",
    "_http_outgoing",
    "_http_server",
    "_stream_duplex",
    "_stream_passthrough",
    "_stream_readable",
    "_stream_transform",
    "_stream_wrap",
    "_stream_writable",
    "_tls_common",
    "_tls_wrap",
    "assert",
    "assert/strict",
    "async_hooks",
    "buffer",
    "child_process",
    "cluster",
    "console",
    "constants",
    "crypto",
    "dgram",
    "diagnostics_channel",
    "dns",
    "dns/promises",
    "domain",
    "events",
    "fs",
    "fs/promises",
    "http",
    "http2",
    "https",
    "inspector",
    "inspector/promises",
    "internal/abort_controller",
    "internal/assert/assertion_error",
    "internal/assert/utils",
    "internal/async_context",
    "internal/async_hooks",
    "internal/blocklist",
    "internal/bootstrap/node",
    "internal/buffer",
    "internal/buffer/blob",
    "internal/buffer/encodings",
    "internal/child_process",
    "internal/child_process/ipc",
    "internal/cluster/child",
    "internal/cluster/handles",
    "internal/cluster/primary",
    "internal/cluster/utils",
    "internal/cluster/worker",
    "internal/console",
    "internal/crypto/certificate",
    "internal/crypto/cipher",
    "internal/crypto/cipher_legacy",
    "internal/crypto/cipher_modes",
    "internal/crypto/cipher_pk",
    "internal/crypto/constants",
    "internal/crypto/dh_groups",
    "internal/crypto/diffiehellman",
    "internal/crypto/hash",
    "internal/crypto/kdf",
    "internal/crypto/keys",
    "internal/crypto/lazy_transform",
    "internal/crypto/random",
    "internal/crypto/sig",
    "internal/crypto/util",
    "internal/crypto/webcrypto",
    "internal/crypto/webcrypto_asymmetric",
    "internal/crypto/webcrypto_keys",
    "internal/crypto/webcrypto_subtle",
    "internal/crypto/webcrypto_symmetric",
    "internal/crypto/x509",
    "internal/debugger/inspect",
    "internal/debugger/inspect_client",
    "internal/debugger/inspect_repl",
    "internal/debugger/remote_object",
    "internal/dgram",
    "internal/dns/resolver",
    "internal/encoding",
    "internal/errors",
    "internal/event_target",
    "internal/fetch/body",
    "internal/fetch/data_url",
    "internal/fetch/fetch",
    "internal/fetch/formdata",
    "internal/fetch/headers",
    "internal/fetch/request",
    "internal/fetch/response",
    "internal/fetch/util",
    "internal/freeze_intrinsics",
    "internal/fs/cp",
    "internal/fs/dir",
    "internal/fs/ops",
    "internal/fs/promises",
    "internal/fs/realpath",
    "internal/fs/steps",
    "internal/fs/streams",
    "internal/fs/utils",
    "internal/fs/watchers",
    "internal/fs/whole_file",
    "internal/http/head",
    "internal/http/parser",
    "internal/http2/client",
    "internal/http2/compat",
    "internal/http2/core",
    "internal/http2/file",
    "internal/http2/frames",
    "internal/http2/hpack",
    "internal/http2/receive",
    "internal/http2/session",
    "internal/http2/stream",
    "internal/http2/util",
    "internal/inspector/coverage",
    "internal/inspector/hidden_session",
    "internal/inspector/profiles",
    "internal/inspector/server",
    "internal/js_stream_socket",
    "internal/main/prof_process",
    "internal/main/sea_config",
    "internal/main/watch_mode",
    "internal/mime",
    "internal/modules/cjs/loader",
    "internal/modules/esm/cjs_exports",
    "internal/modules/esm/hooks",
    "internal/modules/esm/loader",
    "internal/modules/esm/resolve",
    "internal/net",
    "internal/net_connect",
    "internal/net_handle",
    "internal/net_server",
    "internal/options",
    "internal/perf/gc",
    "internal/perf/histogram",
    "internal/perf/observe",
    "internal/perf/performance",
    "internal/perf/utils",
    "internal/policy/manifest",
    "internal/process/atomics_wait",
    "internal/process/credentials",
    "internal/process/handles",
    "internal/process/permission",
    "internal/process/promises",
    "internal/process/report",
    "internal/process/signals",
    "internal/process/stdio",
    "internal/process/task_queues",
    "internal/process/warning",
    "internal/prof/v8_log",
    "internal/repl/await",
    "internal/repl/commands",
    "internal/repl/completion",
    "internal/repl/context",
    "internal/repl/eval",
    "internal/repl/history",
    "internal/repl/preview",
    "internal/repl/report",
    "internal/repl/search",
    "internal/repl/server",
    "internal/repl/source",
    "internal/repl/tokens",
    "internal/source_map",
    "internal/streams/add-abort-signal",
    "internal/streams/compose",
    "internal/streams/destroy",
    "internal/streams/duplex",
    "internal/streams/duplexify",
    "internal/streams/duplexpair",
    "internal/streams/end-of-stream",
    "internal/streams/from",
    "internal/streams/iterator",
    "internal/streams/legacy",
    "internal/streams/operators",
    "internal/streams/pipe",
    "internal/streams/pipeline",
    "internal/streams/readable",
    "internal/streams/state",
    "internal/streams/transform",
    "internal/streams/utils",
    "internal/streams/writable",
    "internal/test_runner/cli",
    "internal/test_runner/mock",
    "internal/test_runner/mock_timers",
    "internal/test_runner/reporters",
    "internal/test_runner/runner",
    "internal/timers",
    "internal/tls/certificate",
    "internal/tls/ciphers",
    "internal/tls/common",
    "internal/tls/errors",
    "internal/tls/identity",
    "internal/tls/info",
    "internal/tls/secure_pair",
    "internal/tls/server",
    "internal/tls/stream_handle",
    "internal/trace_events",
    "internal/trace_events_state",
    "internal/tty",
    "internal/url",
    "internal/util/comparisons",
    "internal/util/diagnostic_filename",
    "internal/util/inspect",
    "internal/util/parse_args",
    "internal/v8/serdes",
    "internal/v8/startup_snapshot",
    "internal/vm/breakable",
    "internal/vm/module",
    "internal/websocket/events",
    "internal/websocket/frames",
    "internal/websocket/websocket",
    "internal/webstreams/adapters",
    "internal/webstreams/bytestream",
    "internal/webstreams/compression",
    "internal/webstreams/readablestream",
    "internal/webstreams/transformstream",
    "internal/webstreams/util",
    "internal/webstreams/writablestream",
    "internal/worker/clone",
    "internal/worker/errors",
    "internal/worker/io",
    "internal/worker/state",
    "internal/worker/thread",
    "internal/worker/worker",
    "internal/zlib/constants",
    "internal/zlib/engine",
    "internal/zlib/streams",
    "module",
    "net",
    "os",
    "path",
    "path/posix",
    "path/win32",
    "perf_hooks",
    "process",
    "punycode",
    "querystring",
    "readline",
    "readline/promises",
    "repl",
    "stream",
    "stream/consumers",
    "stream/promises",
    "stream/web",
    "string_decoder",
    "sys",
    "test",
    "test/reporters",
    "timers",
    "timers/promises",
    "tls",
    "trace_events",
    "tty",
    "url",
    "util",
    "util/types",
    "v8",
    "vm",
    "worker_threads",
    "zlib",
];

#[cfg(test)]
mod tests {
    use super::SOURCES;

    fn walk(dir: &std::path::Path, base: &std::path::Path, out: &mut Vec<String>) {
        for entry in std::fs::read_dir(dir).unwrap() {
            let path = entry.unwrap().path();
            if path.is_dir() {
                walk(&path, base, out);
            } else if path.extension().is_some_and(|e| e == "js") {
                let rel = path.strip_prefix(base).unwrap().with_extension("");
                out.push(rel.to_string_lossy().into_owned());
            }
        }
    }

    /// V8 keeps a source with any non-ASCII character as a two-byte string (twice the memory,
    /// a slower scanner) and decodes it from UTF-8 at every start. Comments say it in ASCII,
    /// and a string literal that needs another character spells it `\uXXXX`.
    #[test]
    fn every_builtin_is_ascii() {
        for (id, source) in SOURCES {
            if let Some((line, text)) = source
                .lines()
                .enumerate()
                .find(|(_, text)| !text.is_ascii())
            {
                panic!("lib/{id}.js:{}: not ASCII: {text}", line + 1);
            }
        }
    }

    #[test]
    fn every_builtin_has_code_cache_entries() {
        fn entries(
            id: &str,
        ) -> impl Iterator<Item = &'static (&'static str, &'static [&'static str], &'static [u8])> + '_
        {
            super::CODE_CACHE.iter().filter(move |e| e.0 == id)
        }
        // The bootstrap is compiled without shielded names; the others with the names each
        // cached list has that their source mentions: `process` for most (the first list is
        // `process` alone), none for a few.
        assert!(entries(super::BOOTSTRAP).any(|e| e.1.is_empty()));
        for (id, _) in SOURCES.iter().filter(|(id, _)| *id != super::BOOTSTRAP) {
            assert!(
                entries(id).any(|e| e.1.is_empty() || e.1 == ["process"]),
                "no code cache entry for {id}"
            );
        }
    }

    #[test]
    fn every_lib_file_is_embedded() {
        let base = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("lib");
        let mut files = Vec::new();
        walk(&base, &base, &mut files);
        for file in files {
            assert!(
                SOURCES.iter().any(|(id, _)| *id == file),
                "stdlib-js/lib/{file}.js is not listed in SOURCES"
            );
        }
    }
}
