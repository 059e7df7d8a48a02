//! Errors in one place: the public error type, the "arrow" that Node prints above an uncaught
//! exception (`file:line`, the source line, a caret), and `io::Error` → Node-style JS error.

use std::fmt;

use crate::native::{js_string, set_value};

/// What can go wrong in the runtime itself (not in the user's script: uncaught JS exceptions
/// are reported by the JS side like Node does and turn into an exit code).
#[derive(Debug)]
pub enum Error {
    /// JS code run through [`crate::Runtime::eval`] threw; `message` is `String(error)`,
    /// `stack` the error's `stack` when it had one.
    Js {
        /// `String(error)`.
        message: String,
        /// `error.stack`, when the thrown value had a string `stack`.
        stack: Option<String>,
    },
    /// The JS side asked to exit (`process.exit(code)`) before the call finished.
    Exited(i32),
    /// Bootstrap failed: the embedded standard library is broken. Carries the report.
    Bootstrap(String),
    /// A startup snapshot could not be loaded (Node's message, exit code 14) or built.
    Snapshot(String),
}

impl fmt::Display for Error {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Error::Js { message, stack } => f.write_str(stack.as_deref().unwrap_or(message)),
            Error::Exited(code) => write!(f, "process exited with code {code}"),
            Error::Bootstrap(report) => write!(f, "bootstrap failed: {report}"),
            Error::Snapshot(message) => f.write_str(message),
        }
    }
}

impl std::error::Error for Error {}

impl Error {
    /// An [`Error::Js`] from a thrown value.
    pub(crate) fn from_exception(
        scope: &mut v8::PinScope,
        exception: v8::Local<v8::Value>,
    ) -> Self {
        let message = exception.to_rust_string_lossy(scope);
        let stack = v8::Local::<v8::Object>::try_from(exception)
            .ok()
            .and_then(|obj| {
                let key = v8::String::new(scope, "stack")?;
                obj.get(scope, key.into())
            })
            .filter(|s| s.is_string())
            .map(|s| s.to_rust_string_lossy(scope));
        Error::Js { message, stack }
    }
}

/// The text Node prints above an uncaught exception:
///
/// ```text
/// /path/file.js:2
///   foo.bar(a);
///   ^
/// ```
///
/// A `SyntaxError` is underlined over its whole token; anything else gets one caret at the
/// start column. Tabs before the caret are kept so the caret lines up in a terminal.
pub(crate) fn arrow_message(
    scope: &mut v8::PinScope,
    message: v8::Local<v8::Message>,
    is_syntax_error: bool,
) -> String {
    arrow_message_shifted(scope, message, is_syntax_error, 0)
}

/// [`arrow_message`] for a script whose first line starts `first_line_shift` columns in (a vm
/// script's `columnOffset`): on that line the caret sits under the script's own column.
pub(crate) fn arrow_message_shifted(
    scope: &mut v8::PinScope,
    message: v8::Local<v8::Message>,
    is_syntax_error: bool,
    first_line_shift: usize,
) -> String {
    let resource = message
        .get_script_resource_name(scope)
        .map(|r| r.to_rust_string_lossy(scope))
        .unwrap_or_default();
    let line = message.get_line_number(scope).unwrap_or(0);
    // For TypeScript this is the stripped line V8 ran, which is also what Node prints.
    let source_line = message
        .get_source_line(scope)
        .map(|s| s.to_rust_string_lossy(scope))
        .unwrap_or_default();
    let mut start = message.get_start_column();
    let mut end = message.get_end_column().max(start + 1);
    if start >= first_line_shift {
        start -= first_line_shift;
        end -= first_line_shift;
    }
    let mut caret: String = source_line
        .chars()
        .take(start)
        .map(|ch| if ch == '\t' { '\t' } else { ' ' })
        .collect();
    while caret.chars().count() < start {
        caret.push(' ');
    }
    let width = if is_syntax_error { end - start } else { 1 };
    caret.push_str(&"^".repeat(width));
    format!("{resource}:{line}\n{source_line}\n{caret}\n")
}

/// Attach the arrow Node would print for `error` when the position V8 knows is not the one to
/// show (a TypeScript syntax error found by our parser, not V8's).
pub(crate) fn decorate_arrow(scope: &mut v8::PinScope, error: v8::Local<v8::Value>, arrow: &str) {
    if let Ok(obj) = v8::Local::<v8::Object>::try_from(error) {
        let key = arrow_key(scope);
        let value = js_string(scope, arrow);
        obj.set_private(scope, key, value.into());
    }
}

/// The arrow attached by [`decorate_arrow`], if any.
pub(crate) fn decorated_arrow(
    scope: &mut v8::PinScope,
    error: v8::Local<v8::Value>,
) -> Option<String> {
    let obj = v8::Local::<v8::Object>::try_from(error).ok()?;
    let key = arrow_key(scope);
    let value = obj.get_private(scope, key)?;
    value.is_string().then(|| value.to_rust_string_lossy(scope))
}

fn arrow_key<'s>(scope: &mut v8::PinScope<'s, '_>) -> v8::Local<'s, v8::Private> {
    let name = js_string(scope, "eddy::arrowMessage");
    v8::Private::for_api(scope, Some(name))
}

// ===== io::Error → JS =====

/// Node's name and libuv's description for an OS error number (`ENOENT`, "no such file or
/// directory"). Unknown numbers map to `("UNKNOWN", "unknown error")`, as libuv does.
pub fn errno_info(errno: i32) -> (&'static str, &'static str) {
    match errno {
        libc::EPERM => ("EPERM", "operation not permitted"),
        libc::ENOENT => ("ENOENT", "no such file or directory"),
        libc::ESRCH => ("ESRCH", "no such process"),
        libc::EINTR => ("EINTR", "interrupted system call"),
        libc::EIO => ("EIO", "i/o error"),
        libc::ENXIO => ("ENXIO", "no such device or address"),
        libc::E2BIG => ("E2BIG", "argument list too long"),
        libc::EBADF => ("EBADF", "bad file descriptor"),
        libc::EAGAIN => ("EAGAIN", "resource temporarily unavailable"),
        libc::ENOMEM => ("ENOMEM", "not enough memory"),
        libc::EACCES => ("EACCES", "permission denied"),
        libc::EFAULT => ("EFAULT", "bad address in system call argument"),
        libc::EBUSY => ("EBUSY", "resource busy or locked"),
        libc::EEXIST => ("EEXIST", "file already exists"),
        libc::EXDEV => ("EXDEV", "cross-device link not permitted"),
        libc::ENODEV => ("ENODEV", "no such device"),
        libc::ENOTDIR => ("ENOTDIR", "not a directory"),
        libc::EISDIR => ("EISDIR", "illegal operation on a directory"),
        libc::EINVAL => ("EINVAL", "invalid argument"),
        libc::ENFILE => ("ENFILE", "file table overflow"),
        libc::EMFILE => ("EMFILE", "too many open files"),
        libc::ENOTTY => ("ENOTTY", "inappropriate ioctl for device"),
        libc::ETXTBSY => ("ETXTBSY", "text file is busy"),
        libc::EFBIG => ("EFBIG", "file too large"),
        libc::ENOSPC => ("ENOSPC", "no space left on device"),
        libc::ESPIPE => ("ESPIPE", "invalid seek"),
        libc::EROFS => ("EROFS", "read-only file system"),
        libc::EMLINK => ("EMLINK", "too many links"),
        libc::EPIPE => ("EPIPE", "broken pipe"),
        libc::ERANGE => ("ERANGE", "result too large"),
        libc::ENAMETOOLONG => ("ENAMETOOLONG", "name too long"),
        libc::ENOSYS => ("ENOSYS", "function not implemented"),
        libc::ENOTEMPTY => ("ENOTEMPTY", "directory not empty"),
        libc::ELOOP => ("ELOOP", "too many symbolic links encountered"),
        libc::ENOTSOCK => ("ENOTSOCK", "socket operation on non-socket"),
        libc::EADDRINUSE => ("EADDRINUSE", "address already in use"),
        libc::EADDRNOTAVAIL => ("EADDRNOTAVAIL", "address not available"),
        libc::ENETDOWN => ("ENETDOWN", "network is down"),
        libc::ENETUNREACH => ("ENETUNREACH", "network is unreachable"),
        libc::ECONNABORTED => ("ECONNABORTED", "software caused connection abort"),
        libc::ECONNRESET => ("ECONNRESET", "connection reset by peer"),
        libc::ENOBUFS => ("ENOBUFS", "no buffer space available"),
        libc::EISCONN => ("EISCONN", "socket is already connected"),
        libc::ENOTCONN => ("ENOTCONN", "socket is not connected"),
        libc::ETIMEDOUT => ("ETIMEDOUT", "connection timed out"),
        libc::ECONNREFUSED => ("ECONNREFUSED", "connection refused"),
        libc::EHOSTUNREACH => ("EHOSTUNREACH", "host is unreachable"),
        libc::EALREADY => ("EALREADY", "connection already in progress"),
        libc::EINPROGRESS => ("EINPROGRESS", "operation in progress"),
        libc::ECANCELED => ("ECANCELED", "operation canceled"),
        libc::ENOTSUP => ("ENOTSUP", "operation not supported on socket"),
        _ => ("UNKNOWN", "unknown error"),
    }
}

/// A Node-style error for a failed system call: message `ENOENT: no such file or directory,
/// open '/x'`, and own properties `errno` (negative, as libuv reports it), `code`, `syscall`
/// and, when given, `path` and `dest`.
pub fn io_error<'s>(
    scope: &mut v8::PinScope<'s, '_>,
    err: &std::io::Error,
    syscall: &str,
    path: Option<&str>,
    dest: Option<&str>,
) -> v8::Local<'s, v8::Value> {
    let errno = err.raw_os_error().unwrap_or(0);
    let (code, description) = errno_info(errno);
    let mut message = format!("{code}: {description}, {syscall}");
    if let Some(p) = path {
        message.push_str(&format!(" '{p}'"));
    }
    if let Some(d) = dest {
        message.push_str(&format!(" -> '{d}'"));
    }
    let msg = js_string(scope, &message);
    let error = v8::Exception::error(scope, msg);
    if let Ok(obj) = v8::Local::<v8::Object>::try_from(error) {
        let errno_value = v8::Integer::new(scope, -errno);
        set_value(scope, obj, "errno", errno_value.into());
        let code_value = js_string(scope, code);
        set_value(scope, obj, "code", code_value.into());
        let syscall_value = js_string(scope, syscall);
        set_value(scope, obj, "syscall", syscall_value.into());
        if let Some(p) = path {
            let v = js_string(scope, p);
            set_value(scope, obj, "path", v.into());
        }
        if let Some(d) = dest {
            let v = js_string(scope, d);
            set_value(scope, obj, "dest", v.into());
        }
    }
    error
}

/// Throw [`io_error`] in `scope`.
pub fn throw_io_error(
    scope: &mut v8::PinScope,
    err: &std::io::Error,
    syscall: &str,
    path: Option<&str>,
) {
    let error = io_error(scope, err, syscall, path, None);
    scope.throw_exception(error);
}

#[cfg(test)]
mod tests {
    use super::errno_info;

    #[test]
    fn errno_names_match_libuv() {
        assert_eq!(
            errno_info(libc::ENOENT),
            ("ENOENT", "no such file or directory")
        );
        assert_eq!(errno_info(libc::EISDIR).0, "EISDIR");
        assert_eq!(errno_info(-12345), ("UNKNOWN", "unknown error"));
    }
}
