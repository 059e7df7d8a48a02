//! node:crypto benchmarks, Eddy and `node` side by side: the measurements issue 14 names (bulk
//! hashing and ciphers, many short digests and HMACs, pbkdf2 on the pool, Ed25519 signing,
//! randomBytes). Each case is a whole process (startup included). Run with
//! `cargo bench --bench crypto`.

mod common;

fn main() {
    common::js_cases(
        "crypto",
        env!("CARGO_BIN_EXE_eddy"),
        concat!(env!("CARGO_MANIFEST_DIR"), "/../benches/js"),
        &[],
        &[
            ("crypto_sha256", "sha256, 256 MiB streamed"),
            ("crypto_aes_gcm", "aes-256-gcm, 256 MiB streamed"),
            ("crypto_chacha_poly", "chacha20-poly1305, 256 MiB"),
            ("crypto_small_digests", "md5 + sha1 of 1M short strings"),
            ("crypto_hmac", "createHmac x1M"),
            ("crypto_pbkdf2", "pbkdf2 100k iterations x8 in flight"),
            ("crypto_ed25519_sign", "Ed25519 sign x20k"),
            ("crypto_random_bytes", "randomBytes(32) x1M"),
        ],
        5,
    );
}
