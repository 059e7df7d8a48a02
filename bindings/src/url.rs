//! `binding.url`: WHATWG URL parsing and setters, by the `url` crate (the URL Standard's
//! algorithm; the JS `URL` class in stdlib-js/lib/internal/url.js keeps only the string parts).

use eddy_runtime::{NativeModule, js_string, set_fn, v8};

pub const MODULE: NativeModule = NativeModule { name: "url", init };

fn init<'s>(scope: &mut v8::PinScope<'s, '_>, target: v8::Local<'s, v8::Object>) {
    set_fn(scope, target, "parse", parse);
    set_fn(scope, target, "update", update);
    set_fn(scope, target, "domainToASCII", domain_to_ascii);
    set_fn(scope, target, "domainToUnicode", domain_to_unicode);
}

/// `[href, origin?, …boundaries]`: the serialization and where each component starts and
/// ends in it (url::Position order: after scheme, username, password, host, port, path,
/// query, fragment bounds). The JS getters slice `href` lazily, so parsing creates one string
/// rather than eleven. `origin` is only computed here for schemes whose origin is not simply
/// `scheme://host` (blob:), else it is undefined.
fn parts<'s>(scope: &mut v8::PinScope<'s, '_>, url: &url::Url) -> v8::Local<'s, v8::Value> {
    use url::Position::*;
    let end = |p: url::Position| url[..p].len() as i32;
    let bounds = [
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
    let mut items: Vec<v8::Local<v8::Value>> = Vec::with_capacity(17);
    items.push(js_string(scope, url.as_str()).into());
    items.push(if url.scheme() == "blob" {
        js_string(scope, &url.origin().ascii_serialization()).into()
    } else {
        v8::undefined(scope).into()
    });
    for b in bounds {
        items.push(v8::Integer::new(scope, b).into());
    }
    v8::Array::new_with_elements(scope, &items).into()
}

/// `parse(input, base?)` → parts, or `undefined` when the input is not a valid URL.
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
        rv.set(parts(scope, &url));
    }
}

/// `update(href, field, value)` → the parts after running the URL Standard's setter for
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
    rv.set(parts(scope, &url));
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
