//! `binding.url`: WHATWG URL parsing and setters, by the `url` crate (the URL Standard's
//! algorithm; the JS `URL` class in stdlib-js/lib/internal/url.js keeps only the string parts).

use std::cell::RefCell;

use eddy_runtime::{NativeModule, js_string, set_fn, v8};

pub const MODULE: NativeModule = NativeModule { name: "url", init };

/// After a start from a snapshot: `bounds` came back with new memory, which parses must fill.
pub const REBIND: NativeModule = NativeModule {
    name: "url",
    init: rebind,
};

/// Boundaries written per parse: the 15 positions of [`BOUNDS`] order.
const BOUND_COUNT: usize = 15;

thread_local! {
    /// The backing store of `binding.url.bounds`, an Int32Array the JS side reads right after
    /// each parse/update. Handing positions over this way avoids building a JS array in Rust,
    /// which cost more than the parse itself.
    static BOUNDS_STORE: RefCell<Option<v8::SharedRef<v8::BackingStore>>> =
        const { RefCell::new(None) };
}

fn init<'s>(scope: &mut v8::PinScope<'s, '_>, target: v8::Local<'s, v8::Object>) {
    set_fn(scope, target, "parse", parse);
    set_fn(scope, target, "update", update);
    set_fn(scope, target, "blobOrigin", blob_origin);
    let store =
        v8::ArrayBuffer::new_backing_store_from_vec(vec![0u8; BOUND_COUNT * 4]).make_shared();
    let buffer = v8::ArrayBuffer::with_backing_store(scope, &store);
    if let (Some(view), Some(key)) = (
        v8::Int32Array::new(scope, buffer, 0, BOUND_COUNT),
        v8::String::new(scope, "bounds"),
    ) {
        target.set(scope, key.into(), view.into());
    }
    BOUNDS_STORE.with(|cell| *cell.borrow_mut() = Some(store));
    set_fn(scope, target, "domainToASCII", domain_to_ascii);
    set_fn(scope, target, "domainToUnicode", domain_to_unicode);
}

fn rebind<'s>(scope: &mut v8::PinScope<'s, '_>, target: v8::Local<'s, v8::Object>) {
    let key = js_string(scope, "bounds");
    if let Some(view) = target
        .get(scope, key.into())
        .and_then(|v| v8::Local::<v8::Int32Array>::try_from(v).ok())
        && let Some(buffer) = view.buffer(scope)
    {
        let store = buffer.get_backing_store();
        BOUNDS_STORE.with(|cell| *cell.borrow_mut() = Some(store));
    }
}

/// Where each component starts and ends in the serialization, in url::Position order (after
/// scheme, username, password, host, port, path, query, fragment bounds). The JS getters slice
/// `href` lazily, so parsing creates at most one string rather than eleven.
fn write_bounds(url: &url::Url) {
    use url::Position::*;
    let end = |p: url::Position| url[..p].len() as i32;
    let bounds: [i32; BOUND_COUNT] = [
        end(AfterScheme),
        end(BeforeUsername),
        end(AfterUsername),
        end(BeforePassword),
        end(AfterPassword),
        end(BeforeHost),
        end(AfterHost),
        end(BeforePort),
        end(AfterPort),
        end(BeforePath),
        end(AfterPath),
        end(BeforeQuery),
        end(AfterQuery),
        end(BeforeFragment),
        end(AfterFragment),
    ];
    BOUNDS_STORE.with(|cell| {
        if let Some(store) = cell.borrow().as_ref()
            && let Some(data) = store.data()
        {
            // SAFETY: the store holds BOUND_COUNT i32s and lives as long as this thread's
            // isolate; JS only reads it between native calls, so nothing aliases this write.
            let out =
                unsafe { std::slice::from_raw_parts_mut(data.as_ptr() as *mut i32, BOUND_COUNT) };
            out.copy_from_slice(&bounds);
        }
    });
}

/// Return the href of `url` (its bounds go to `binding.url.bounds`). When the serialization
/// equals the string argument `input` (already-normalised URLs, the common case), that string
/// is returned as is instead of making a new one.
fn finish(
    scope: &mut v8::PinScope,
    rv: &mut v8::ReturnValue,
    url: &url::Url,
    input: &str,
    input_value: v8::Local<v8::Value>,
) {
    write_bounds(url);
    if url.as_str() == input && input_value.is_string() {
        rv.set(input_value);
    } else {
        rv.set(js_string(scope, url.as_str()).into());
    }
}

/// `parse(input, base?)` → href (bounds in `binding.url.bounds`), or `undefined` when the
/// input is not a valid URL.
fn parse(scope: &mut v8::PinScope, args: v8::FunctionCallbackArguments, mut rv: v8::ReturnValue) {
    let input = args.get(0).to_rust_string_lossy(scope);
    let base = args.get(1);
    let parsed = if base.is_undefined() {
        url::Url::parse(&input)
    } else {
        let base = base.to_rust_string_lossy(scope);
        match url::Url::parse(&base) {
            Ok(b) => b.join(&input),
            Err(e) => Err(e),
        }
    };
    if let Ok(url) = parsed {
        finish(scope, &mut rv, &url, &input, args.get(0));
    }
}

/// `update(href, field, value)` → the href (and bounds) after running the URL Standard's setter for
/// `field`; a value the setter rejects leaves the URL unchanged, as the standard says.
fn update(scope: &mut v8::PinScope, args: v8::FunctionCallbackArguments, mut rv: v8::ReturnValue) {
    let href = args.get(0).to_rust_string_lossy(scope);
    let field = args.get(1).to_rust_string_lossy(scope);
    let value = args.get(2).to_rust_string_lossy(scope);
    let Ok(mut url) = url::Url::parse(&href) else {
        return;
    };
    match field.as_str() {
        "href" => match url::Url::parse(&value) {
            Ok(u) => url = u,
            Err(_) => return, // the JS side throws ERR_INVALID_URL
        },
        "protocol" => url::quirks::set_protocol(&mut url, &value).unwrap_or(()),
        "username" => url::quirks::set_username(&mut url, &value).unwrap_or(()),
        "password" => url::quirks::set_password(&mut url, &value).unwrap_or(()),
        "host" => url::quirks::set_host(&mut url, &value).unwrap_or(()),
        "hostname" => url::quirks::set_hostname(&mut url, &value).unwrap_or(()),
        "port" => url::quirks::set_port(&mut url, &value).unwrap_or(()),
        "pathname" => url::quirks::set_pathname(&mut url, &value),
        "search" => url::quirks::set_search(&mut url, &value),
        "hash" => url::quirks::set_hash(&mut url, &value),
        _ => {}
    }
    finish(scope, &mut rv, &url, &href, args.get(0));
}

/// `blobOrigin(href)` → the origin of a blob: URL (that of the URL inside it).
fn blob_origin(
    scope: &mut v8::PinScope,
    args: v8::FunctionCallbackArguments,
    mut rv: v8::ReturnValue,
) {
    let href = args.get(0).to_rust_string_lossy(scope);
    if let Ok(url) = url::Url::parse(&href) {
        rv.set(js_string(scope, &url.origin().ascii_serialization()).into());
    }
}

fn domain_to_ascii(
    scope: &mut v8::PinScope,
    args: v8::FunctionCallbackArguments,
    mut rv: v8::ReturnValue,
) {
    let domain = args.get(0).to_rust_string_lossy(scope);
    // Node returns '' for an invalid domain.
    let ascii = url::Url::parse(&format!("ws://{domain}"))
        .ok()
        .and_then(|u| u.host_str().map(str::to_string))
        .unwrap_or_default();
    rv.set(js_string(scope, &ascii).into());
}

fn domain_to_unicode(
    scope: &mut v8::PinScope,
    args: v8::FunctionCallbackArguments,
    mut rv: v8::ReturnValue,
) {
    let domain = args.get(0).to_rust_string_lossy(scope);
    let valid = url::Url::parse(&format!("ws://{domain}"))
        .ok()
        .and_then(|u| u.host_str().map(str::to_string));
    let unicode = match valid {
        Some(host) => url::quirks::domain_to_unicode(&host),
        None => String::new(),
    };
    rv.set(js_string(scope, &unicode).into());
}
