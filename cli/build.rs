//! Put the Node-API functions (bindings/src/napi) in the `eddy` binary's dynamic symbol table,
//! so native addons loaded with dlopen resolve `napi_*` / `node_api_*` against it, as they do
//! against `node`. Only these names are exported: the rest of the binary stays private.

fn main() {
    println!("cargo:rustc-link-arg-bins=-Wl,--export-dynamic-symbol=napi_*");
    println!("cargo:rustc-link-arg-bins=-Wl,--export-dynamic-symbol=node_api_*");
    println!("cargo:rerun-if-changed=build.rs");
}
