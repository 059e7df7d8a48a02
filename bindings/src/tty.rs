//! `binding.tty`: terminal modes and sizes for `tty.ReadStream#setRawMode` and
//! `tty.WriteStream`'s `columns`/`rows`.

use std::sync::Mutex;

use eddy_runtime::{NativeModule, set_fn, v8};

pub const MODULE: NativeModule = NativeModule { name: "tty", init };

fn init<'s>(scope: &mut v8::PinScope<'s, '_>, target: v8::Local<'s, v8::Object>) {
    set_fn(scope, target, "setRawMode", set_raw_mode);
    set_fn(scope, target, "getWindowSize", get_window_size);
    set_fn(scope, target, "resetMode", reset_mode);
}

/// Each terminal's settings from before raw mode, to go back to (and to restore at exit).
static SAVED: Mutex<Vec<(i32, libc::termios)>> = Mutex::new(Vec::new());

fn errno() -> i32 {
    std::io::Error::last_os_error()
        .raw_os_error()
        .unwrap_or(libc::EIO)
}

/// `setRawMode(fd, on)` → 0 or a negative errno. Raw as libuv's UV_TTY_MODE_RAW: no echo, no
/// line editing, no signals from keys, 8-bit bytes one at a time.
fn set_raw_mode(
    scope: &mut v8::PinScope,
    args: v8::FunctionCallbackArguments,
    mut rv: v8::ReturnValue,
) {
    let fd = args.get(0).int32_value(scope).unwrap_or(-1);
    let on = args.get(1).is_true();
    let mut saved = SAVED.lock().unwrap_or_else(|e| e.into_inner());
    let result = if on {
        // SAFETY: tcgetattr/tcsetattr with a termios we own.
        unsafe {
            let mut orig: libc::termios = std::mem::zeroed();
            if libc::tcgetattr(fd, &mut orig) < 0 {
                -errno()
            } else {
                if !saved.iter().any(|(f, _)| *f == fd) {
                    saved.push((fd, orig));
                }
                let mut raw = orig;
                raw.c_iflag &=
                    !(libc::BRKINT | libc::ICRNL | libc::INPCK | libc::ISTRIP | libc::IXON);
                raw.c_oflag |= libc::ONLCR;
                raw.c_cflag |= libc::CS8;
                raw.c_lflag &= !(libc::ECHO | libc::ICANON | libc::IEXTEN | libc::ISIG);
                raw.c_cc[libc::VMIN] = 1;
                raw.c_cc[libc::VTIME] = 0;
                if libc::tcsetattr(fd, libc::TCSADRAIN, &raw) < 0 {
                    -errno()
                } else {
                    0
                }
            }
        }
    } else {
        match saved.iter().position(|(f, _)| *f == fd) {
            Some(i) => {
                let (_, orig) = saved.remove(i);
                // SAFETY: restoring settings tcgetattr gave us.
                if unsafe { libc::tcsetattr(fd, libc::TCSADRAIN, &orig) } < 0 {
                    -errno()
                } else {
                    0
                }
            }
            // SAFETY: isatty only inspects the descriptor.
            None if unsafe { libc::isatty(fd) } == 1 => 0,
            None => -libc::ENOTTY,
        }
    };
    rv.set_int32(result);
}

/// `getWindowSize(fd)` → `[columns, rows]`, or a negative errno.
fn get_window_size(
    scope: &mut v8::PinScope,
    args: v8::FunctionCallbackArguments,
    mut rv: v8::ReturnValue,
) {
    let fd = args.get(0).int32_value(scope).unwrap_or(-1);
    // SAFETY: TIOCGWINSZ fills a winsize.
    let mut ws: libc::winsize = unsafe { std::mem::zeroed() };
    if unsafe { libc::ioctl(fd, libc::TIOCGWINSZ, &mut ws) } < 0 {
        rv.set_int32(-errno());
        return;
    }
    let items = [
        v8::Integer::new(scope, ws.ws_col as i32).into(),
        v8::Integer::new(scope, ws.ws_row as i32).into(),
    ];
    let arr = v8::Array::new_with_elements(scope, &items);
    rv.set(arr.into());
}

/// `resetMode()`: every terminal put in raw mode goes back to its old settings (at exit, as
/// Node resets the terminal).
fn reset_mode(
    _scope: &mut v8::PinScope,
    _args: v8::FunctionCallbackArguments,
    _rv: v8::ReturnValue,
) {
    let mut saved = SAVED.lock().unwrap_or_else(|e| e.into_inner());
    for (fd, orig) in saved.drain(..) {
        // SAFETY: restoring settings tcgetattr gave us.
        unsafe { libc::tcsetattr(fd, libc::TCSADRAIN, &orig) };
    }
}
