//! Eddy's native modules: one file per domain, one `MODULE` each, listed in [`all`].
//!
//! Every function here is reachable from JS through the private `binding` object that only the
//! standard library (stdlib-js) receives. Arguments are validated in JS first; the Rust side
//! still never panics on odd input — it throws a Node-style error instead.

mod buffer;
mod child_process;
mod crypto;
mod crypto_cipher;
mod crypto_dh;
mod crypto_err;
mod crypto_hash;
mod crypto_keygen;
mod crypto_keyobj;
mod crypto_keys;
mod crypto_legacy_pem;
mod crypto_pkcs12;
mod crypto_rsa;
mod crypto_sign;
mod crypto_x509;
mod dgram;
mod dns;
mod dns_query;
mod encoding;
mod fs;
mod fs_fd;
mod fs_ops;
mod fs_path;
mod fs_watch;
mod http;
mod napi;
mod net;
mod net_fd;
mod net_tls;
mod os;
mod process;
mod signal;
mod tty;
mod types;
mod url;
mod util;
mod zlib;
mod zlib_brotli;

use eddy_runtime::NativeModule;

/// Every native module, alphabetically.
pub fn all() -> Vec<NativeModule> {
    vec![
        buffer::MODULE,
        child_process::MODULE,
        crypto::MODULE,
        dgram::MODULE,
        dns::MODULE,
        encoding::MODULE,
        fs::MODULE,
        http::MODULE,
        napi::MODULE,
        net::MODULE,
        os::MODULE,
        process::MODULE,
        signal::MODULE,
        tty::MODULE,
        types::MODULE,
        url::MODULE,
        util::MODULE,
        zlib::MODULE,
    ]
}

/// Natives whose Rust side keeps memory shared with a JS object of theirs: after a start from
/// a startup snapshot each finds the deserialized object again (`RuntimeOptions::rebind`).
pub fn rebind() -> Vec<NativeModule> {
    vec![url::REBIND]
}

/// The embedded JS standard library (re-exported so the facade needs only this crate).
pub use eddy_stdlib::{BOOTSTRAP, CODE_CACHE, SOURCES, UNUSED_SHIELDS};
