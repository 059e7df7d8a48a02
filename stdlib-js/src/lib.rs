//! The JS half of Eddy's `node:` modules, embedded in the binary at build time.
//!
//! [`SOURCES`] is the explicit list: builtin id (the path under `lib/` without `.js`) → source.
//! A unit test checks that every file under `lib/` is listed, so nothing is silently left out.

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
    "_stream_writable",
    "_tls_common",
    "_tls_wrap",
    "assert",
    "assert/strict",
    "async_hooks",
    "buffer",
    "child_process",
    "console",
    "constants",
    "crypto",
    "diagnostics_channel",
    "dns",
    "dns/promises",
    "domain",
    "events",
    "fs",
    "fs/promises",
    "http",
    "https",
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
    "internal/console",
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
    "internal/crypto/webcrypto_keys",
    "internal/crypto/webcrypto_subtle",
    "internal/crypto/webcrypto_symmetric",
    "internal/crypto/x509",
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
    "internal/mime",
    "internal/modules/cjs/loader",
    "internal/modules/esm/loader",
    "internal/modules/esm/resolve",
    "internal/net",
    "internal/net_connect",
    "internal/net_handle",
    "internal/net_server",
    "internal/perf/gc",
    "internal/perf/histogram",
    "internal/perf/observe",
    "internal/perf/performance",
    "internal/perf/utils",
    "internal/process/credentials",
    "internal/process/handles",
    "internal/process/promises",
    "internal/process/signals",
    "internal/process/stdio",
    "internal/process/task_queues",
    "internal/process/warning",
    "internal/repl/await",
    "internal/repl/commands",
    "internal/repl/completion",
    "internal/repl/context",
    "internal/repl/eval",
    "internal/repl/history",
    "internal/repl/report",
    "internal/repl/search",
    "internal/repl/server",
    "internal/repl/source",
    "internal/repl/tokens",
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
    "internal/timers",
    "internal/tls/certificate",
    "internal/tls/common",
    "internal/tls/errors",
    "internal/tls/identity",
    "internal/tls/server",
    "internal/tty",
    "internal/url",
    "internal/util/comparisons",
    "internal/util/inspect",
    "internal/util/parse_args",
    "internal/v8/serdes",
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
    "internal/worker/io",
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
    "timers",
    "timers/promises",
    "tls",
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
